/**
 * Scenario pull requests on an ECS stack, reviewed with the real Terraform and the real hashicorp/aws provider from
 * the mirror, offline (src/terraform/plan/plan-pair.ts): each asserts the exact resource changes, notes, flags and
 * findings the report gives. One base; its applied state is made once and shared by the scenarios.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/core/project-root';
import type { PlannerHandle } from '../../src/review/planner';
import { renderMarkdown } from '../../src/review/render-markdown';
import type { StackReport } from '../../src/review/report';
import { reviewSides, scenarioPlanner, synthSide, type Side } from './scenario';

const SAMPLE = join(PROJECT_ROOT, 'docs/review-sample.md');
const TIMEOUT = 20 * 60_000; // the base's state takes several plans, each loading the provider: minutes under load

const T3_ONLY = { type: 'memberOf', expression: 'attribute:ecs.instance-type =~ t3.*' };

function web(over: Record<string, unknown> = {}, container: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: 'web',
    desiredCount: 2,
    placement: { constraints: [T3_ONLY] },
    taskPermissions: [{ actions: ['s3:GetObject'], resources: ['arn:aws:s3:::assets/*'] }],
    containers: [
      {
        name: 'nginx',
        image: 'public.ecr.aws/nginx/nginx:1.27',
        memoryReservation: 128,
        readonlyRootFilesystem: true,
        portMappings: [{ containerPort: 80 }],
        ...container,
      },
    ],
    ...over,
  };
}

function ecs(services: unknown[], capacity: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    ecs: {
      clusters: [
        {
          name: 'main',
          capacity: { instanceType: 't3.small', minSize: 1, maxSize: 2, scaling: 'memoryReservation', ...capacity },
          services,
        },
      ],
    },
  };
}

/** The report's one stack, without its cost figures (the price table is src/pricing's to change). */
function only(stacks: readonly StackReport[]): Omit<StackReport, 'cost'> {
  expect(stacks.map((s) => s.stack)).toEqual(['ecs']);
  const { cost: _cost, ...rest } = stacks[0];
  return rest;
}

const NO_FINDINGS = { added: [], resolved: [] };
const COUNTS = { create: 0, update: 0, replace: 0, destroy: 0, move: 0, unknown: 0 };

let planner: PlannerHandle;
let base: Side;

beforeAll(async () => {
  planner = await scenarioPlanner();
  expect(planner.missing).toBeUndefined();
  base = await synthSide(ecs([web()]));
}, TIMEOUT);
afterAll(() => planner?.close());

describe('stackwright review: ECS scenario pull requests, planned by the real Terraform', () => {
  it(
    'raising a desired count updates the service in place, nothing else',
    async () => {
      // hashicorp/terraform-provider-aws internal/service/ecs/service.go: `desired_count` is Optional with no
      // ForceNew; UpdateService takes desiredCount ("The number of instantiations of the task to place and keep
      // running in your service", https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_UpdateService.html).
      const report = await reviewSides(base, await synthSide(ecs([web({ desiredCount: 3 })])), planner);
      expect(only(report.stacks)).toEqual({
        stack: 'ecs',
        status: 'changed',
        planned: 'terraform',
        changes: [
          { address: 'aws_ecs_service.main_service_web_service', kind: 'update', attributes: ['desired_count'] },
        ],
        counts: { ...COUNTS, update: 1 },
        notes: [],
        findings: NO_FINDINGS,
        deltas: expect.any(Object),
        flags: [],
      });
      expect(report.stacks[0].cost.delta).toBe(0);
    },
    TIMEOUT,
  );

  it(
    'changing the instance type: a new launch template version, the group follows; running instances keep the old type',
    async () => {
      // "If you associate a new launch configuration or template with an Auto Scaling group, all new instances will
      // get the updated configuration. Existing instances continue to run with the configuration that they were
      // originally launched with." (https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_UpdateAutoScalingGroup.html)
      // The config refuses a constraint that excludes the new type; moving the constraint to the new type is
      // accepted, and leaves the service's tasks unplaceable on the running instances ("memberOf: Place tasks on
      // container instances that satisfy an expression",
      // https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-placement-constraints.html).
      const M7G_ONLY = { type: 'memberOf', expression: 'attribute:ecs.instance-type =~ m7g.*' };
      const head = await synthSide(
        ecs([web({ placement: { constraints: [M7G_ONLY] } })], { instanceType: 'm7g.large', architecture: 'arm64' }),
      );
      const report = await reviewSides(base, head, planner);
      expect(only(report.stacks)).toEqual({
        stack: 'ecs',
        status: 'changed',
        planned: 'terraform',
        changes: [
          { address: 'aws_autoscaling_group.main_capacity_instances', kind: 'update', attributes: ['launch_template'] },
          {
            address: 'aws_ecs_service.main_service_web_service',
            kind: 'update',
            attributes: ['placement_constraints'],
          },
          {
            address: 'aws_launch_template.main_capacity_launch_template',
            kind: 'update',
            attributes: ['instance_type'],
          },
        ],
        counts: { ...COUNTS, update: 3 },
        notes: [
          '`aws_autoscaling_group.main_capacity_instances`: running instances keep t3.small; only instances launched ' +
            'from now on are m7g.large (the group has no instance_refresh: replace them by scaling out and in, or ' +
            'start an instance refresh)',
          'WARNING `aws_ecs_service.main_service_web_service`: its placement constraint ' +
            '`attribute:ecs.instance-type =~ m7g.*` excludes the running t3.small instances: its tasks stay ' +
            'unplaceable (PENDING) until m7g.large instances replace them',
        ],
        findings: NO_FINDINGS,
        deltas: expect.any(Object),
        flags: [],
      });
      // m7g.large costs more an hour than t3.small (src/pricing/prices.ts).
      expect(report.stacks[0].cost.delta).toBeGreaterThan(0);
    },
    TIMEOUT,
  );

  it(
    'changing a container image or port replaces the task definition and updates the service',
    async () => {
      // hashicorp/terraform-provider-aws internal/service/ecs/task_definition.go: `"container_definitions": { Type:
      // schema.TypeString, Required: true, ForceNew: true`; the service's task_definition reads the new ARN.
      const expected = {
        stack: 'ecs',
        status: 'changed',
        planned: 'terraform',
        changes: [
          {
            address: 'aws_ecs_task_definition.main_service_web_task',
            kind: 'replace',
            forcedBy: ['container_definitions'],
            attributes: ['container_definitions'],
          },
          { address: 'aws_ecs_service.main_service_web_service', kind: 'update', attributes: ['task_definition'] },
        ],
        counts: { ...COUNTS, update: 1, replace: 1 },
        notes: [],
        findings: NO_FINDINGS,
        deltas: expect.any(Object),
        flags: ['replace'],
      };
      const image = await reviewSides(
        base,
        await synthSide(ecs([web({}, { image: 'public.ecr.aws/nginx/nginx:1.28' })])),
        planner,
      );
      expect(only(image.stacks)).toEqual(expected);
      // This scenario's report is the README's sample (docs/review-sample.md): it stays what the code renders.
      // STACKWRIGHT_UPDATE_SAMPLE=1 rewrites the file; test/review/sample.test.ts holds the README's copy equal to it.
      const sample = renderMarkdown(image);
      if (process.env.STACKWRIGHT_UPDATE_SAMPLE === '1') writeFileSync(SAMPLE, sample);
      expect(sample).toBe(readFileSync(SAMPLE, 'utf8'));
      const port = await reviewSides(
        base,
        await synthSide(ecs([web({}, { portMappings: [{ containerPort: 8080 }] })])),
        planner,
      );
      expect(only(port.stacks)).toEqual(expected);
      expect(port.flags).toEqual(['replace']);
    },
    TIMEOUT,
  );

  it(
    'adding a service creates its resources, and its cost',
    async () => {
      const api = {
        name: 'api',
        desiredCount: 1,
        containers: [
          {
            name: 'api',
            image: 'public.ecr.aws/nginx/nginx:1.27',
            memoryReservation: 64,
            readonlyRootFilesystem: true,
          },
        ],
      };
      const report = await reviewSides(base, await synthSide(ecs([web(), api])), planner);
      expect(only(report.stacks)).toEqual({
        stack: 'ecs',
        status: 'changed',
        planned: 'terraform',
        changes: [
          'aws_cloudwatch_log_group.main_service_api_logs',
          'aws_ecs_service.main_service_api_service',
          'aws_ecs_task_definition.main_service_api_task',
          'aws_iam_role.main_service_api_execution_role',
          'aws_iam_role.main_service_api_task_role',
          'aws_iam_role_policy.main_service_api_execution_policy',
        ].map((address) => ({ address, kind: 'create' })),
        counts: { ...COUNTS, create: 6 },
        notes: [],
        findings: NO_FINDINGS,
        deltas: expect.any(Object),
        flags: [],
      });
      // The new service's log group is billed (storage and ingestion), so the stack costs more.
      const { before, after, delta } = report.stacks[0].cost;
      expect(delta).toBeGreaterThan(0);
      expect(delta).toBeCloseTo(after! - before!, 2);
    },
    TIMEOUT,
  );

  it(
    'renaming a service whose addresses follow its name: destroys and creates (flagged), findings move with it',
    async () => {
      const report = await reviewSides(base, await synthSide(ecs([web({ name: 'www' })])), planner);
      const kinds = (kind: string) => report.stacks[0].changes.filter((c) => c.kind === kind).map((c) => c.address);
      const resources = ['logs', 'service', 'task', 'execution_role', 'task_role', 'execution_policy', 'task_policy'];
      const address = (service: string, r: string) =>
        `${{ logs: 'aws_cloudwatch_log_group', service: 'aws_ecs_service', task: 'aws_ecs_task_definition', execution_role: 'aws_iam_role', task_role: 'aws_iam_role', execution_policy: 'aws_iam_role_policy', task_policy: 'aws_iam_role_policy' }[r]}.main_service_${service}_${r}`;
      expect(kinds('destroy')).toEqual(resources.map((r) => address('web', r)).sort());
      expect(kinds('create')).toEqual(resources.map((r) => address('www', r)).sort());
      expect(report.stacks[0].changes).toHaveLength(resources.length * 2);
      expect(report.stacks[0].flags).toEqual(['destroy']);
    },
    TIMEOUT,
  );

  it(
    'widening the task role policy with an action, then with `*`: the policy is updated in place',
    async () => {
      // The IAM delta (src/review/iam-delta.ts) reports the widening; the resource change is Terraform's.
      const wider = await reviewSides(
        base,
        await synthSide(
          ecs([
            web({
              taskPermissions: [{ actions: ['s3:GetObject', 's3:PutObject'], resources: ['arn:aws:s3:::assets/*'] }],
            }),
          ]),
        ),
        planner,
      );
      expect(wider.stacks[0].changes).toEqual([
        { address: 'aws_iam_role_policy.main_service_web_task_policy', kind: 'update', attributes: ['policy'] },
      ]);
      // The IAM delta (src/review/iam-delta.ts) lists the granted action; one read/write action on named resources is
      // not one of its high-risk flags.
      expect(wider.stacks[0].deltas.iam?.lines).toContain('  - Granted (1): `s3:PutObject`');
      expect(wider.stacks[0].flags).toEqual([]);
      const star = await reviewSides(
        base,
        await synthSide(ecs([web({ taskPermissions: [{ actions: ['s3:*'], resources: ['*'] }] })])),
        planner,
      );
      expect(star.stacks[0].changes).toEqual([
        { address: 'aws_iam_role_policy.main_service_web_task_policy', kind: 'update', attributes: ['policy'] },
      ]);
      // Write actions on every resource: the IAM delta flags it, and --fail-on iam-widen matches.
      expect(star.stacks[0].deltas.iam?.flagged).toBe(true);
      expect(star.flags).toEqual(['iam-widen']);
      expect(star.stacks[0].findings.added.map((f) => [f.ruleId, f.address])).toEqual([
        ['IAM-NoWildcardWrite', 'aws_iam_role_policy.main_service_web_task_policy'],
      ]);
    },
    TIMEOUT,
  );
});
