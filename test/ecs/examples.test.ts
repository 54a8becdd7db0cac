import { parse } from '@cdktf/hcl2json';
import { loadConfig } from '../../src/config/load';
import { synthesize } from '../../src/synth/synthesize';
import { resourcesOf, testConfig } from '../helpers/synth';
import { ecsSection, service } from './helpers';
import { parsePolicy } from '../datadog/helpers';
import { checkStacks } from '../../src/rules';
import type { Json } from '../helpers/json';

describe('ECS in the default config', () => {
  let stack: Awaited<ReturnType<typeof synthesize>>[number];
  beforeAll(async () => {
    [stack] = await synthesize(loadConfig('stackwright.yaml'), { only: ['ecs'], hcl: false });
  });

  it('demonstrates all three: one daemon, one reconciled and one placed ordinary service', () => {
    const services = Object.values(resourcesOf(stack!.json, 'aws_ecs_service')) as Json[];
    expect(services).toHaveLength(3);
    const daemon = services.filter((s) => s.scheduling_strategy === 'DAEMON');
    const reconciled = services.filter((s) => s.lifecycle?.ignore_changes?.includes('desired_count'));
    const placed = services.filter(
      (s) => s.scheduling_strategy === 'REPLICA' && !s.lifecycle && s.ordered_placement_strategy?.length > 0,
    );
    expect([daemon.length, reconciled.length, placed.length]).toEqual([1, 1, 1]);
    expect(resourcesOf(stack!.json, 'aws_lambda_function')).not.toEqual({});
  });

  it('writes the README sections: clusters, services, the three modes and the reconciler with its cost', () => {
    const readme = stack!.files.get('README.md') as string;
    for (const heading of ['## Clusters', '## Services', '## One task per host', '## Desired-count reconciler'])
      expect(readme).toContain(heading);
    expect(readme).toMatch(
      /\| `demo-main` \| `node-exporter` \| ec2 \| REPLICA, reconciled \| one per ACTIVE instance \| spread\(attribute:ecs\.availability-zone\), distinctInstance \|/,
    );
    expect(readme).toMatch(/\| `demo-main` \| `log-router` \| ec2 \| DAEMON \| one per instance \| - \|/);
    expect(readme).toMatch(/Monthly cost at the post's scale/);
  });
});

describe('ECS at the post scale (examples/ecs-10x10.yaml)', () => {
  it('synthesizes 10 clusters of 10 services, the reconciler managing exactly the 10 reconciled ones', async () => {
    const config = loadConfig('examples/ecs-10x10.yaml');
    const [first] = await synthesize(config, { only: ['ecs'], hcl: false });
    const json = first!.json;
    expect(Object.keys(resourcesOf(json, 'aws_ecs_cluster'))).toHaveLength(10);
    const services = Object.values(resourcesOf(json, 'aws_ecs_service')) as Json[];
    expect(services).toHaveLength(100);
    expect(services.filter((s) => s.scheduling_strategy === 'DAEMON')).toHaveLength(10);
    const policy = parsePolicy(
      (Object.values(resourcesOf(json, 'aws_iam_role_policy')) as Json[]).find(
        (p) => p.name === 'reconcile-managed-services',
      ).policy,
    );
    const resize = policy.Statement.find((s: Json) => [s.Action].flat().includes('ecs:UpdateService'));
    expect(resize.Resource).toHaveLength(10);
    for (const arn of resize.Resource) expect(arn).toMatch(/:service\/scale-c\d\d\/svc-02$/);
    // And it passes the rule packs, like every shipped config (test/rules/configs.test.ts checks the others).
    expect(checkStacks([{ stack: 'ecs', json }], config.rules).findings.filter((f) => f.level === 'error')).toEqual([]);
  });
});

describe('ECS HCL review copy', () => {
  // Clusters and services only: the reconciler's resources are its own construct's business.
  it('parses, with container definitions, policies and user data intact', async () => {
    const config = testConfig({
      ecs: ecsSection([
        service({ name: 'agent', oneTaskPerHost: 'daemon' }),
        service({
          name: 'web',
          placement: {
            strategies: [{ type: 'binpack', field: 'memory' }],
            constraints: [{ type: 'memberOf', expression: 'attribute:ecs.os-type == linux' }],
          },
        }),
        service({ name: 'api', launchType: 'fargate', cpu: 256, memory: 512 }),
      ]),
    });
    const [stack] = await synthesize(config, { only: ['ecs'] });
    const parsed: Json = await parse('main.tf', stack!.files.get('hcl/main.tf') as string);
    expect(Object.keys(parsed.resource.aws_ecs_service)).toHaveLength(3);
    for (const [task] of Object.values(parsed.resource.aws_ecs_task_definition) as Json[][]) {
      const defs = JSON.parse(task.container_definitions.replace(/\$\{[^}]+\}/g, 'ref'));
      expect(defs[0].logConfiguration.options['awslogs-group']).toBe('ref');
    }
    for (const [policy] of Object.values(parsed.resource.aws_iam_role_policy) as Json[][]) {
      expect(JSON.parse(policy.policy.replace(/\$\{[^}]+\}/g, 'ref')).Version).toBe('2012-10-17');
    }
    const [template] = Object.values(parsed.resource.aws_launch_template)[0] as Json[];
    expect(template.user_data).toContain('ECS_CLUSTER=test-main');
  });
});
