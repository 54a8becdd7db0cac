/**
 * Scenario pull requests on the keep-alive, Datadog and sidecar stacks, reviewed with the real Terraform and the
 * real hashicorp/aws provider from the mirror, offline. The Datadog and Docker providers are not mirrored: their
 * resources are planned through terraform_data stand-ins, and the report says so.
 */
import type { PlannerHandle } from '../../src/review/planner';
import { STAND_IN_NOTE } from '../../src/review/resource-changes';
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
