import { parseConfig } from '../../src/config/load';
import { configText, container, ecsSection, problems, service } from './helpers';
import { ecsConfigSchema } from '../../src/ecs/config';

const P = 'cfg.yaml: stacks.ecs.clusters[main]';
const S = `${P}.services[svc]`;

describe('ECS config: defaults', () => {
  it('fills a cluster with a created VPC, t3.small capacity, container insights and an ordinary service', () => {
    const ecs = parseConfig(configText(ecsSection([service()])), 'cfg.yaml').stacks.ecs!;
    const c = ecs.clusters[0]!;
    expect(c.containerInsights).toBe('enabled');
    expect(c.network).toEqual({
      type: 'create',
      cidrBlock: '10.0.0.0/16',
      availabilityZones: 2,
      flowLogRetentionDays: 30,
    });
    expect(c.capacity).toMatchObject({
      instanceType: 't3.small',
      architecture: 'x86_64',
      scaling: 'managed',
      minSize: 0,
      maxSize: 3,
      targetCapacityPercent: 100,
      rootVolumeGiB: 30,
      imdsHopLimit: 1,
    });
    expect(c.services[0]).toMatchObject({
      launchType: 'ec2',
      logRetentionDays: 30,
      placement: { strategies: [], constraints: [] },
    });
    expect(c.services[0]!.containers[0]!.essential).toBe(true);
    expect(ecs.reconciler).toEqual({ dryRun: false, logRetentionDays: 30, alarmActions: [] });
  });

  it('accepts an existing VPC with its subnets', () => {
    const network = { type: 'existing', vpcId: 'vpc-0123abcd', subnetIds: ['subnet-0123abcd', 'subnet-4567ef01'] };
    const ecs = parseConfig(configText(ecsSection([], { network })), 'cfg.yaml').stacks.ecs!;
    expect(ecs.clusters[0]!.network).toEqual(network);
  });

  it('accepts every strategy with a field that fits it, and both constraint types', () => {
    const placement = {
      strategies: [
        { type: 'binpack', field: 'cpu' },
        { type: 'binpack', field: 'memory' },
        { type: 'spread', field: 'instanceId' },
        { type: 'spread', field: 'attribute:ecs.availability-zone' },
        { type: 'random' },
      ],
      constraints: [
        { type: 'distinctInstance' },
        { type: 'memberOf', expression: 'attribute:ecs.instance-type =~ t3.*' },
      ],
    };
    expect(() => parseConfig(configText(ecsSection([service({ placement })])), 'cfg.yaml')).not.toThrow();
  });
});

describe('ECS config: what AWS would reject', () => {
  it('rejects placement strategies on a DAEMON service', () => {
    expect(
      problems(ecsSection([service({ oneTaskPerHost: 'daemon', placement: { strategies: [{ type: 'random' }] } })])),
    ).toEqual([
      `${S}.placement.strategies: placement strategies are not allowed with DAEMON scheduling (remove placement.strategies (constraints are allowed), or use oneTaskPerHost: reconciled)`,
    ]);
  });

  it('rejects a desired count or a maximum percent other than 100 on a DAEMON service', () => {
    expect(
      problems(
        ecsSection([service({ oneTaskPerHost: 'daemon', desiredCount: 3, deployment: { maximumPercent: 200 } })]),
      ),
    ).toEqual([
      `${S}.desiredCount: a daemon service has no desired count (one task per instance) (remove desiredCount)`,
      `${S}.deployment.maximumPercent: maximumPercent 200 with DAEMON scheduling (100)`,
    ]);
  });

  it('rejects more than 5 strategies', () => {
    const strategies = Array.from({ length: 6 }, () => ({ type: 'random' }));
    expect(problems(ecsSection([service({ placement: { strategies } })]))).toEqual([
      `${S}.placement.strategies: 6 placement strategies (at most 5)`,
    ]);
  });

  it('rejects more than 10 constraints', () => {
    const constraints = Array.from({ length: 11 }, (_, i) => ({ type: 'memberOf', expression: `attribute:n == ${i}` }));
    expect(problems(ecsSection([service({ placement: { constraints } })]))).toEqual([
      `${S}.placement.constraints: 11 placement constraints (at most 10)`,
    ]);
  });

  it('counts the distinctInstance a reconciled service implies against the 10 constraints', () => {
    const constraints = Array.from({ length: 10 }, (_, i) => ({ type: 'memberOf', expression: `attribute:n == ${i}` }));
    expect(problems(ecsSection([service({ oneTaskPerHost: 'reconciled', placement: { constraints } })]))).toEqual([
      `${S}.placement.constraints: 11 placement constraints (with the implied distinctInstance) (at most 10)`,
    ]);
  });

  it.each([
    [{ type: 'binpack', field: 'host' }, "binpack cannot use field 'host' (cpu, memory)"],
    [{ type: 'binpack' }, 'binpack needs a field (cpu, memory)'],
    [{ type: 'random', field: 'cpu' }, 'random takes no field (remove field)'],
    [
      { type: 'spread' },
      'spread needs a field (instanceId, host, or attribute:<name> such as attribute:ecs.availability-zone)',
    ],
    [
      { type: 'spread', field: 'memory' },
      "spread cannot use field 'memory' (instanceId, host, or attribute:<name> such as attribute:ecs.availability-zone)",
    ],
  ])('rejects a field that does not fit the strategy: %j', (strategy, message) => {
    expect(problems(ecsSection([service({ placement: { strategies: [strategy] } })]))).toEqual([
      `${S}.placement.strategies.0.field: ${message}`,
    ]);
  });

  it('rejects memberOf without an expression and distinctInstance with one', () => {
    const constraints = [{ type: 'memberOf' }, { type: 'distinctInstance', expression: 'attribute:x == y' }];
    expect(problems(ecsSection([service({ placement: { constraints } })]))).toEqual([
      `${S}.placement.constraints.0.expression: memberOf needs an expression (a cluster query language expression, e.g. attribute:ecs.instance-type =~ t3.*)`,
      `${S}.placement.constraints.1.expression: distinctInstance takes no expression (remove expression, or use type memberOf)`,
    ]);
  });

  it('rejects daemon, reconciled and placement on Fargate', () => {
    const fargate = { launchType: 'fargate', cpu: 256, memory: 512 };
    expect(problems(ecsSection([service({ ...fargate, oneTaskPerHost: 'daemon' })]))).toEqual([
      `${S}.oneTaskPerHost: daemon needs EC2 instances; Fargate has no hosts to place on (launchType: ec2, or remove oneTaskPerHost)`,
    ]);
    expect(problems(ecsSection([service({ ...fargate, oneTaskPerHost: 'reconciled' })]))).toEqual([
      `${S}.oneTaskPerHost: reconciled needs EC2 instances; Fargate has no hosts to place on (launchType: ec2, or remove oneTaskPerHost)`,
    ]);
    expect(problems(ecsSection([service({ ...fargate, placement: { strategies: [{ type: 'random' }] } })]))).toEqual([
      `${S}.placement: placement strategies and constraints are not available on Fargate (launchType: ec2, or remove placement)`,
    ]);
  });

  it('rejects Fargate sizes, network modes and container settings Fargate does not offer', () => {
    const c = container({ privileged: true, linuxParameters: { sharedMemorySize: 64 } });
    expect(
      problems(
        ecsSection([
          service({ launchType: 'fargate', cpu: 256, memory: 4096, networkMode: 'bridge', containers: [c] }),
        ]),
      ),
    ).toEqual([
      `${S}.networkMode: network mode bridge on Fargate (awsvpc)`,
      `${S}.memory: Fargate does not offer 4096 MiB with 256 CPU units (with cpu 256: one of 512, 1024, 2048)`,
      `${S}.containers[app].privileged: privileged is not supported on Fargate (remove it, or launchType: ec2)`,
      `${S}.containers[app].linuxParameters.sharedMemorySize: sharedMemorySize is not supported on Fargate (remove it, or launchType: ec2)`,
    ]);
    expect(problems(ecsSection([service({ launchType: 'fargate' })]))).toEqual([
      `${S}.cpu: Fargate needs task-level cpu (one of 256, 512, 1024, 2048, 4096, 8192, 16384)`,
      `${S}.memory: Fargate needs task-level memory (set cpu first)`,
    ]);
    expect(problems(ecsSection([service({ launchType: 'fargate', cpu: 1024, memory: 2500 })]))).toEqual([
      `${S}.memory: Fargate does not offer 2500 MiB with 1024 CPU units (with cpu 1024: 2048 to 8192 in steps of 1024)`,
    ]);
    expect(problems(ecsSection([service({ launchType: 'fargate', cpu: 384, memory: 1024 })]))).toEqual([
      `${S}.cpu: Fargate does not offer 384 CPU units (one of 256, 512, 1024, 2048, 4096, 8192, 16384)`,
    ]);
  });

  it('rejects duplicate cluster, service, container and volume names', () => {
    const svc = service({ containers: [container(), container()], volumes: [{ name: 'v' }, { name: 'v' }] });
    const section = { clusters: [{ name: 'main', services: [svc, service()] }, { name: 'main' }] };
    expect(problems(section)).toEqual([
      "cfg.yaml: stacks.ecs.clusters.1.name: duplicate cluster name 'main' (names must be unique within stacks.ecs.clusters)",
      "cfg.yaml: stacks.ecs.clusters.0.services.1.name: duplicate service name 'svc' (names must be unique within cluster main)",
      "cfg.yaml: stacks.ecs.clusters.0.services.0.containers.1.name: duplicate container name 'app' (names must be unique within service svc)",
      "cfg.yaml: stacks.ecs.clusters.0.services.0.volumes.1.name: duplicate volume name 'v' (names must be unique within service svc)",
    ]);
  });

  it('rejects a desired count on a reconciled service, and a maximum percent that needs a spare host', () => {
    expect(
      problems(
        ecsSection([service({ oneTaskPerHost: 'reconciled', desiredCount: 2, deployment: { maximumPercent: 200 } })]),
      ),
    ).toEqual([
      `${S}.desiredCount: the desired count of a reconciled service is owned by the reconciler (remove desiredCount)`,
      `${S}.deployment.maximumPercent: maximumPercent 200 needs a spare host for every replacement task; with one task on every host the deployment never starts (100)`,
    ]);
  });

  it('requires container memory on EC2 when the task has none, and checks container references', () => {
    const containers = [
      {
        name: 'app',
        image: 'x',
        links: ['db'],
        mountPoints: [{ sourceVolume: 'data', containerPath: '/data' }],
        dependsOn: [{ containerName: 'app', condition: 'START' }],
      },
    ];
    expect(problems(ecsSection([service({ containers })]))).toEqual([
      `${S}.containers[app]: container app has no memory limit and the task has none (memory or memoryReservation on the container, or memory on the service)`,
      `${S}.containers[app].dependsOn.0.containerName: no other container named 'app' in this task (none)`,
      `${S}.containers[app].links.0: no container named 'db' in this task (app)`,
      `${S}.containers[app].mountPoints.0.sourceVolume: no task volume named 'data' (declare it under volumes)`,
    ]);
  });

  it('rejects a task without an essential container and a hostPort that differs in awsvpc mode', () => {
    const c = container({ essential: false, portMappings: [{ containerPort: 80, hostPort: 8080 }] });
    expect(problems(ecsSection([service({ networkMode: 'awsvpc', containers: [c] })]))).toEqual([
      `${S}.containers: no essential container (at least one container with essential: true)`,
      `${S}.containers[app].portMappings.0.hostPort: hostPort 8080 differs from containerPort in awsvpc mode (omit hostPort or use 80)`,
    ]);
  });

  it('rejects an instance type of the other architecture and sizes out of order', () => {
    expect(
      problems(
        ecsSection([], {
          capacity: {
            scaling: 'memoryReservation',
            instanceType: 't4g.small',
            minSize: 3,
            maxSize: 2,
            desiredSize: 5,
          },
        }),
      ),
    ).toEqual([
      `${P}.capacity.minSize: minSize 3 is above maxSize 2 (0 to 2)`,
      `${P}.capacity.desiredSize: desiredSize 5 is outside minSize..maxSize (3 to 2)`,
      `${P}.capacity.architecture: instance type t4g.small is arm64 (Graviton) but architecture is x86_64 (architecture: arm64, or an instance type of the other architecture)`,
    ]);
    expect(problems(ecsSection([], { capacity: { instanceType: 'm7i.large', architecture: 'arm64' } }))).toEqual([
      `${P}.capacity.architecture: instance type m7i.large is x86_64 but architecture is arm64 (architecture: x86_64, or an instance type of the other architecture)`,
    ]);
  });

  it('rejects a CIDR block outside /16../24 or with host bits, and a repeated subnet', () => {
    expect(problems(ecsSection([], { network: { type: 'create', cidrBlock: '10.0.0.0/8' } }))).toEqual([
      `${P}.network.cidrBlock: '10.0.0.0/8' is not a VPC CIDR block (an IPv4 block from /16 to /24, e.g. 10.0.0.0/16)`,
    ]);
    expect(problems(ecsSection([], { network: { type: 'create', cidrBlock: '10.0.1.0/16' } }))).toEqual([
      `${P}.network.cidrBlock: '10.0.1.0/16' has host bits set (10.0.0.0/16)`,
    ]);
    expect(
      problems(
        ecsSection([], {
          network: { type: 'existing', vpcId: 'vpc-0123abcd', subnetIds: ['subnet-0123abcd', 'subnet-0123abcd'] },
        }),
      ),
    ).toEqual([`${P}.network.subnetIds.1: subnet subnet-0123abcd is listed twice (each subnet once)`]);
  });

  it('rejects unknown keys in container definitions, including a log configuration (the stack owns logging)', () => {
    const c = container({ logConfiguration: { logDriver: 'json-file' } });
    expect(problems(ecsSection([service({ containers: [c] })]))).toEqual([
      `${S}.containers[app]: unknown key 'logConfiguration' (remove or fix the spelling)`,
    ]);
  });

  it('requires name and image on every container', () => {
    expect(problems(ecsSection([service({ containers: [{ essential: true }] })]))).toEqual([
      `${S}.containers.0.name: required field is missing (expected string)`,
      `${S}.containers.0.image: required field is missing (expected string)`,
    ]);
  });
});

describe('ECS config: task permissions', () => {
  it('defaults to none and accepts IAM actions with resources', () => {
    expect(ecsConfigSchema.parse(ecsSection([service()])).clusters[0]!.services[0]!.taskPermissions).toEqual([]);
    const granted = ecsConfigSchema.parse(
      ecsSection([service({ taskPermissions: [{ actions: ['s3:GetObject'], resources: ['arn:aws:s3:::b/*'] }] })]),
    );
    expect(granted.clusters[0]!.services[0]!.taskPermissions).toEqual([
      { actions: ['s3:GetObject'], resources: ['arn:aws:s3:::b/*'] },
    ]);
  });

  it('rejects something that is not an IAM action, and empty lists, naming the field', () => {
    const bad = problems(ecsSection([service({ taskPermissions: [{ actions: ['GetObject'], resources: [] }] })]));
    expect(bad).toEqual([
      expect.stringContaining('.services[svc].taskPermissions.0.actions.0: an IAM action such as s3:GetObject'),
      expect.stringContaining('.services[svc].taskPermissions.0.resources'),
    ]);
  });
});
