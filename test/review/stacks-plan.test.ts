/**
 * Scenario pull requests on the keep-alive, Datadog and sidecar stacks, reviewed with the real Terraform and the
 * real hashicorp/aws provider from the mirror, offline. The Datadog and Docker providers are not mirrored: their
 * resources are planned through terraform_data stand-ins, and the report says so.
 */
import type { PlannerHandle } from '../../src/review/planner';
import { atReleasedAddresses, editedSide, reviewSides, scenarioPlanner, synthSide } from './scenario';

const TIMEOUT = 20 * 60_000;

let planner: PlannerHandle;
beforeAll(async () => {
  planner = await scenarioPlanner();
  expect(planner.missing).toBeUndefined();
}, TIMEOUT);
afterAll(() => planner?.close());

const keepalive = { keepalive: { variants: ['python-on'], logRetentionDays: 14 } };
const datadog = (permissions: string) => ({
  datadog: { site: 'datadoghq.com', externalId: 'managed', permissions },
});
const sidecar = (listenerCidrs: string[]) => ({
  sidecar: { variants: ['tcp'], architectures: ['ARM64'], taskSubnets: 'public', listenerCidrs, logRetentionDays: 1 },
});

describe('stackwright review: scenario pull requests on the other stacks, planned by the real Terraform', () => {
  it(
    'a rename that keeps the objects (moved blocks from the released addresses): moves, nothing replaced',
    async () => {
      // "moved" blocks tell Terraform an object now lives at another address: it plans a move, not a destroy and
      // create (https://developer.hashicorp.com/terraform/language/modules/develop/refactoring). The base is the
      // same stack with every resource at its moved block's source (a release before the readable addresses).
      const head = await synthSide(keepalive);
      const base = editedSide(head, 'keepalive', atReleasedAddresses);
      const report = await reviewSides(base, head, planner);
      const [stack] = report.stacks;
      expect(stack.planned).toBe('terraform');
      expect(stack.changes.length).toBeGreaterThan(5);
      for (const c of stack.changes)
        expect(c).toEqual({
          address: c.address,
          kind: 'move',
          previousAddress: expect.stringMatching(/_[0-9A-F]{8}$/),
        });
      expect(stack.counts).toEqual({
        create: 0,
        update: 0,
        replace: 0,
        destroy: 0,
        move: stack.changes.length,
        unknown: 0,
      });
      expect(report.flags).toEqual([]);
    },
    TIMEOUT,
  );

  it(
    'switching the Datadog permission set to full: the first policy updated, three more policies attached',
    async () => {
      // The full list (~20.5 KB) needs at least 4 managed policies: "a managed policy holds at most 6,144
      // non-whitespace characters" (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html).
      const report = await reviewSides(await synthSide(datadog('standard')), await synthSide(datadog('full')), planner);
      const [stack] = report.stacks;
      expect(stack.planned).toBe('terraform');
      expect(stack.planNote).toBe(
        'Planned by Terraform; `datadog_integration_aws_external_id`, `datadog_integration_aws_account` through ' +
          'terraform_data stand-ins (the Datadog and Docker providers are not mirrored here): their changes show as ' +
          '`change`, replacement unknown.',
      );
      expect(stack.changes).toEqual([
        { address: 'aws_iam_policy.delegation_permissions_1', kind: 'update', attributes: ['policy'] },
        ...[2, 3, 4].map((n) => ({ address: `aws_iam_policy.delegation_permissions_${n}`, kind: 'create' })),
        ...[2, 3, 4].map((n) => ({ address: `aws_iam_role_policy_attachment.delegation_attach_${n}`, kind: 'create' })),
      ]);
      // The permission list delta: the IAM delta names the switch on the Datadog role, flagged.
      expect(stack.deltas.iam?.lines).toContain(
        "  - **Flagged, datadog-permissions:** Datadog's permission list changes (standard -> full): 599 pattern(s) added, 13 removed",
      );
      expect(stack.flags).toEqual(['iam-widen']);
      expect(stack.cost).toEqual({ before: 0, after: 0, delta: 0 });
    },
    TIMEOUT,
  );

  it(
    'opening the ALB to 0.0.0.0/0: the listener ingress rule updated in place; the Docker images are stood in for',
    async () => {
      // hashicorp/terraform-provider-aws internal/service/ec2/vpc_security_group_ingress_rule.go: the rule's
      // `cidr_ipv4` has no RequiresReplace plan modifier; its Update calls ModifySecurityGroupRules.
      const report = await reviewSides(
        await synthSide(sidecar(['203.0.113.10/32'])),
        await synthSide(sidecar(['0.0.0.0/0'])),
        planner,
      );
      const [stack] = report.stacks;
      expect(stack.planned).toBe('terraform');
      expect(stack.planNote).toBe(
        'Planned by Terraform; `docker_image`, `docker_registry_image` through terraform_data stand-ins (the Datadog ' +
          'and Docker providers are not mirrored here): their changes show as `change`, replacement unknown.',
      );
      expect(stack.changes).toEqual([
        { address: 'aws_vpc_security_group_ingress_rule.alb_listener_80_0', kind: 'update', attributes: ['cidr_ipv4'] },
      ]);
      expect(stack.cost.delta).toBe(0);
      // The exposure delta (src/review/exposure-delta.ts): world-open ingress, flagged.
      expect(stack.deltas.exposure?.flagged).toBe(true);
      expect(stack.deltas.exposure?.lines).toContain(
        '- `aws_vpc_security_group_ingress_rule.alb_listener_80_0` world-open-ingress, added: tcp port 80 from 0.0.0.0/0',
      );
      expect(report.flags).toEqual(['exposure']);
    },
    TIMEOUT,
  );

  it(
    'a change with no effect on generated/ (a default written out): "no changes", nothing planned',
    async () => {
      const base = await synthSide(datadog('standard'));
      const head = await synthSide({ datadog: { ...datadog('standard').datadog, securityAudit: false } });
      const report = await reviewSides(base, head, planner);
      expect(report.stacks.map((s) => [s.stack, s.status, s.planned, s.changes])).toEqual([
        ['datadog', 'unchanged', 'none', []],
      ]);
      expect(report.flags).toEqual([]);
    },
    TIMEOUT,
  );
});
