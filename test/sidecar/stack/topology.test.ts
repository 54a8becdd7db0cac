import { renderVariantImages } from '../../../src/sidecar/render/index';
import { checkStacks } from '../../../src/rules/index';
import { resourcesOf } from '../../helpers/synth';
import { allDeployments, containersOf, dPath, ref, resourceAt, synthSidecar } from './helpers';
import type { Json } from '../../helpers/json';

/** The Fargate task of each variant on each architecture, from the default config (all six deployments). */
describe('sidecar task topology', () => {
  let json: Json;
  beforeAll(async () => {
    json = (await synthSidecar()).json;
  });

  it('deploys every variant on both architectures by default, one task definition and service each', () => {
    expect(Object.keys(resourcesOf(json, 'aws_ecs_task_definition'))).toHaveLength(6);
    expect(
      Object.values(resourcesOf(json, 'aws_ecs_service'))
        .map((s: Json) => s.name)
        .sort(),
    ).toEqual(['combined-arm64', 'combined-x86_64', 'sharedvol-arm64', 'sharedvol-x86_64', 'tcp-arm64', 'tcp-x86_64']);
  });

  describe.each(allDeployments)('$variant on $architecture', (d) => {
    const task = () => resourceAt(json, 'aws_ecs_task_definition', `${dPath(d)}/task`);

    it('is a Fargate awsvpc task on LINUX with the architecture', () => {
      expect(task()).toMatchObject({
        family: `test-sidecar-${dPath(d)}`,
        requires_compatibilities: ['FARGATE'],
        network_mode: 'awsvpc',
        runtime_platform: { operating_system_family: 'LINUX', cpu_architecture: d.architecture },
        execution_role_arn: ref(json, 'aws_iam_role', `${dPath(d)}/execution-role/role`, 'arn'),
      });
      expect(task().task_role_arn).toBeUndefined(); // the app calls no AWS API
    });

    it("has the post's task size: 256/512, combined 512/1024", () => {
      const [cpu, memory] = d.variant === 'combined' ? ['512', '1024'] : ['256', '512'];
      expect(task()).toMatchObject({ cpu, memory });
    });

    it('runs the expected containers, the app first', () => {
      const names = containersOf(json, d).map((c) => c.name);
      expect(names).toEqual(d.variant === 'combined' ? ['combined'] : ['app', 'nginx']);
      for (const c of containersOf(json, d)) expect(c.essential).toBe(true);
    });

    it('runs every container on a read-only root filesystem, writing only to its task volumes (CKV_AWS_336)', () => {
      const containers = containersOf(json, d);
      const mount = (volume: string, path: string) => ({ sourceVolume: volume, containerPath: path, readOnly: false });
      const nginx = mount('nginx-state', '/var/lib/nginx-sidecar');
      const app = mount('app-state', '/var/lib/sidecar-app');
      const socket = mount('socket', '/run/sidecar');
      const expected: Record<string, Json[]> =
        d.variant === 'combined'
          ? { combined: [nginx, app, mount('supervisor-state', '/var/lib/supervisor-sidecar'), socket] }
          : d.variant === 'sharedvol'
            ? { app: [app, socket], nginx: [nginx, socket] }
            : { app: [app], nginx: [nginx] };
      for (const c of containers) {
        expect(c.readonlyRootFilesystem).toBe(true);
        expect(c.mountPoints).toEqual(expected[c.name]);
      }
      // Each volume once; only sharedvol's socket volume is mounted by two containers.
      const volumes = (task().volume as Json[]).map((v) => v.name);
      expect(volumes).toEqual([...new Set(Object.values(expected).flatMap((m) => m.map((x) => x.sourceVolume)))]);
      for (const v of task().volume as Json[]) expect(Object.keys(v)).toEqual(['name']);
      const { findings } = checkStacks([{ stack: 'sidecar', json }]);
      expect(findings.filter((f) => f.ruleId === 'ECS-ReadonlyRootFilesystem')).toEqual([]);
    });

    it("maps only nginx's port, with hostPort empty or equal to containerPort", () => {
      const containers = containersOf(json, d);
      const mapped = containers.filter((c) => c.portMappings);
      expect(mapped.map((c) => c.name)).toEqual([d.variant === 'combined' ? 'combined' : 'nginx']);
      for (const c of containers) {
        for (const p of c.portMappings ?? []) {
          expect(p.hostPort === undefined || p.hostPort === p.containerPort).toBe(true);
          expect(p).toMatchObject({ containerPort: 8080, protocol: 'tcp' });
        }
      }
    });

    it('health-checks every container with the command the image was rendered with', () => {
      const rendered = new Map(renderVariantImages(d.variant).map((i) => [i.container, i.healthCheck]));
      for (const c of containersOf(json, d)) {
        expect(c.healthCheck.command).toEqual(['CMD', ...rendered.get(c.name)!]);
        expect(c.healthCheck).toMatchObject({ interval: 10, timeout: 5, retries: 3 });
      }
    });

    it('starts nginx only when the app is healthy', () => {
      const containers = containersOf(json, d);
      const nginx = containers.find((c) => c.name === 'nginx');
      if (d.variant === 'combined') {
        expect(containers[0].dependsOn).toBeUndefined();
      } else {
        expect(nginx.dependsOn).toEqual([{ containerName: 'app', condition: 'HEALTHY' }]);
        expect(containers.find((c) => c.name === 'app').dependsOn).toBeUndefined();
      }
    });

    it('logs every container through awslogs to its own log group with retention', () => {
      const logGroup = resourceAt(json, 'aws_cloudwatch_log_group', `${dPath(d)}/logs`);
      expect(logGroup).toMatchObject({ name: `/stackwright/test-sidecar/${dPath(d)}`, retention_in_days: 7 });
      for (const c of containersOf(json, d)) {
        expect(c.logConfiguration).toEqual({
          logDriver: 'awslogs',
          options: {
            'awslogs-group': ref(json, 'aws_cloudwatch_log_group', `${dPath(d)}/logs`, 'name'),
            'awslogs-region': 'us-east-1',
            'awslogs-stream-prefix': d.variant,
          },
        });
      }
    });

    it('uses no container parameter Fargate rejects', () => {
      const forbidden = [
        'devices',
        'disableNetworking',
        'dnsSearchDomains',
        'dnsServers',
        'dockerSecurityOptions',
        'extraHosts',
        'hostname',
        'links',
        'privileged',
        'sharedMemorySize',
        'tmpfs',
      ];
      for (const c of containersOf(json, d)) {
        for (const key of forbidden) expect(c).not.toHaveProperty(key);
        expect(JSON.stringify(c.linuxParameters ?? {})).not.toMatch(/devices|sharedMemorySize|tmpfs/);
      }
    });

    it('runs as a Fargate service in awsvpc, without public IPs by default, waiting until healthy', () => {
      const service = resourceAt(json, 'aws_ecs_service', `${dPath(d)}/service`);
      expect(service).toMatchObject({
        launch_type: 'FARGATE',
        desired_count: 1,
        task_definition: ref(json, 'aws_ecs_task_definition', `${dPath(d)}/task`, 'arn'),
        cluster: '${aws_ecs_cluster.cluster.arn}',
        wait_for_steady_state: true,
        deployment_circuit_breaker: { enable: true, rollback: true },
      });
      expect(service.network_configuration.assign_public_ip).toBe(false);
      expect(service.load_balancer).toEqual([
        {
          container_name: d.variant === 'combined' ? 'combined' : 'nginx',
          container_port: 8080,
          target_group_arn: ref(json, 'aws_lb_target_group', `${dPath(d)}/targets`, 'arn'),
        },
      ]);
      expect(service.ordered_placement_strategy).toBeUndefined(); // not allowed on Fargate
      expect(service.placement_constraints).toBeUndefined();
    });
  });

  it('turns on container insights on the cluster', () => {
    expect(resourceAt(json, 'aws_ecs_cluster', 'cluster')).toMatchObject({
      name: 'test-sidecar',
      setting: [{ name: 'containerInsights', value: 'enabled' }],
    });
  });

  it('deploys only the selected variants and architectures, with their own sizes and counts', async () => {
    const only = (
      await synthSidecar({
        variants: ['sharedvol'],
        architectures: ['ARM64'],
        taskSizes: { sharedvol: { cpu: 1024, memory: 3072 } },
        desiredCount: 2,
      })
    ).json;
    const tasks = Object.values(resourcesOf(only, 'aws_ecs_task_definition')) as Json[];
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({ cpu: '1024', memory: '3072', runtime_platform: { cpu_architecture: 'ARM64' } });
    expect((Object.values(resourcesOf(only, 'aws_ecs_service'))[0] as Json).desired_count).toBe(2);
    expect(
      Object.values(resourcesOf(only, 'aws_ecr_repository'))
        .map((r: Json) => r.name)
        .sort(),
    ).toEqual(['test-sidecar/sharedvol-app', 'test-sidecar/sharedvol-nginx']);
  });
});
