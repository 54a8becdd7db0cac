import AwsvpcHostPort from '../../src/rules/ecs/AwsvpcHostPort';
import AwsvpcTargetTypeIp from '../../src/rules/ecs/AwsvpcTargetTypeIp';
import ContainerWithinTask from '../../src/rules/ecs/ContainerWithinTask';
import DaemonService from '../../src/rules/ecs/DaemonService';
import EssentialContainer from '../../src/rules/ecs/EssentialContainer';
import FargateAwsvpc from '../../src/rules/ecs/FargateAwsvpc';
import FargateCompatibility from '../../src/rules/ecs/FargateCompatibility';
import FargateLogConfiguration from '../../src/rules/ecs/FargateLogConfiguration';
import FargateNoPlacement from '../../src/rules/ecs/FargateNoPlacement';
import FargateTaskCpuMemory from '../../src/rules/ecs/FargateTaskCpuMemory';
import FargateTaskSize from '../../src/rules/ecs/FargateTaskSize';
import FargateUnsupportedParameters from '../../src/rules/ecs/FargateUnsupportedParameters';
import GracePeriodNeedsLoadBalancer from '../../src/rules/ecs/GracePeriodNeedsLoadBalancer';
import HostModeHostPort from '../../src/rules/ecs/HostModeHostPort';
import LaunchTypeOrCapacityProvider from '../../src/rules/ecs/LaunchTypeOrCapacityProvider';
import { FARGATE_MEMORY_BY_CPU as FARGATE_SIZES } from '../../src/aws/fargate';
import { containers, ec2Task, fargateTask, judge, problems, tf } from './helpers';

const TASK = 'aws_ecs_task_definition.web';
const SERVICE = 'aws_ecs_service.web';
const task = (over: Record<string, unknown> = {}) => tf({ aws_ecs_task_definition: { web: fargateTask(over) } });
/** A task definition plus a service running it. */
const withService = (
  service: Record<string, unknown>,
  taskOver: Record<string, unknown> = {},
  more: Record<string, Record<string, object>> = {},
) =>
  tf({
    aws_ecs_task_definition: { web: fargateTask(taskOver) },
    aws_ecs_service: {
      web: { name: 'web', cluster: 'main', task_definition: '${aws_ecs_task_definition.web.arn}', ...service },
    },
    ...more,
  });

describe('ECS-FargateTaskSize', () => {
  it('accepts every pair of the Fargate table, in numbers and in vCPU/GB', () => {
    for (const [cpu, memories] of FARGATE_SIZES) {
      for (const memory of memories)
        expect(problems(FargateTaskSize, task({ cpu: String(cpu), memory: String(memory) }), TASK)).toEqual([]);
    }
    expect(problems(FargateTaskSize, task({ cpu: '1 vCPU', memory: '2 GB' }), TASK)).toEqual([]);
    expect(FARGATE_SIZES.get(4096)).toHaveLength(23);
  });
  it('rejects a pair outside the table and a CPU Fargate does not offer', () => {
    expect(problems(FargateTaskSize, task({ cpu: '256', memory: '4096' }), TASK)).toEqual([
      'cpu 256 with memory 4096 (cpu 256 allows 512, 1024, 2048 MiB)',
    ]);
    expect(problems(FargateTaskSize, task({ cpu: '1024', memory: '2560' }), TASK)[0]).toContain(
      '2048 to 8192 in steps of 1024 MiB',
    );
    expect(problems(FargateTaskSize, task({ cpu: '300', memory: '1024' }), TASK)[0]).toMatch(
      /^cpu 300 is not a Fargate size/,
    );
  });
  it('is not applicable to EC2 tasks or sizes known only at plan time', () => {
    expect(
      judge(FargateTaskSize, tf({ aws_ecs_task_definition: { web: ec2Task({ cpu: '300', memory: '999' }) } }), TASK)
        .compliance,
    ).toBe('not-applicable');
    expect(judge(FargateTaskSize, task({ memory: '${var.memory}' }), TASK).compliance).toBe('not-applicable');
  });
});

describe('ECS-FargateAwsvpc', () => {
  it('passes awsvpc', () => expect(problems(FargateAwsvpc, task(), TASK)).toEqual([]));
  it('fails bridge or unset network mode on Fargate', () => {
    expect(problems(FargateAwsvpc, task({ network_mode: 'bridge' }), TASK)).toEqual(["network_mode is 'bridge'"]);
    expect(problems(FargateAwsvpc, task({ network_mode: undefined }), TASK)).toEqual(['network_mode is unset']);
  });
  it('treats a task run by a Fargate service as a Fargate task', () => {
    const json = withService({ launch_type: 'FARGATE' }, { requires_compatibilities: ['EC2'], network_mode: 'bridge' });
    expect(problems(FargateAwsvpc, json, TASK)).toHaveLength(1);
  });
});

describe('ECS-FargateTaskCpuMemory', () => {
  it('passes task-level cpu and memory', () => expect(problems(FargateTaskCpuMemory, task(), TASK)).toEqual([]));
  it('fails when they are missing', () => {
    expect(problems(FargateTaskCpuMemory, task({ cpu: undefined, memory: undefined }), TASK)).toEqual([
      'task-level cpu is not set',
      'task-level memory is not set',
    ]);
  });
});

describe('ECS-FargateCompatibility', () => {
  it('passes a Fargate service on a FARGATE task definition', () =>
    expect(problems(FargateCompatibility, withService({ launch_type: 'FARGATE' }), SERVICE)).toEqual([]));
  it('fails a Fargate service (by capacity provider) on an EC2-only task definition', () => {
    const json = withService(
      { capacity_provider_strategy: [{ capacity_provider: 'FARGATE_SPOT', weight: 1 }] },
      { requires_compatibilities: ['EC2'] },
    );
    expect(problems(FargateCompatibility, json, SERVICE)).toEqual([
      `${TASK} does not list FARGATE in requires_compatibilities`,
    ]);
  });
});

describe('ECS-FargateNoPlacement', () => {
  it('passes a Fargate service without placement', () =>
    expect(problems(FargateNoPlacement, withService({ launch_type: 'FARGATE' }), SERVICE)).toEqual([]));
  it('fails strategies and constraints on a Fargate service and task', () => {
    const json = withService(
      {
        launch_type: 'FARGATE',
        ordered_placement_strategy: [{ type: 'binpack', field: 'memory' }],
        placement_constraints: [{ type: 'distinctInstance' }],
      },
      { placement_constraints: [{ type: 'memberOf', expression: 'attribute:ecs.os-type == linux' }] },
    );
    expect(problems(FargateNoPlacement, json, SERVICE)).toEqual([
      'ordered_placement_strategy is set',
      'placement_constraints is set',
    ]);
    expect(problems(FargateNoPlacement, json, TASK)).toEqual(['placement_constraints is set']);
  });
  it('is not applicable on EC2', () => {
    expect(
      judge(
        FargateNoPlacement,
        withService(
          { launch_type: 'EC2', ordered_placement_strategy: [{ type: 'random' }] },
          { requires_compatibilities: ['EC2'] },
        ),
        SERVICE,
      ).compliance,
    ).toBe('not-applicable');
  });
});

describe('ECS-DaemonService', () => {
  const ec2 = { requires_compatibilities: ['EC2'], network_mode: 'bridge' };
  it('passes a plain DAEMON service on EC2', () => {
    expect(
      problems(
        DaemonService,
        withService({ scheduling_strategy: 'DAEMON', launch_type: 'EC2', deployment_maximum_percent: 100 }, ec2),
        SERVICE,
      ),
    ).toEqual([]);
  });
  it('fails every setting ECS rejects with DAEMON', () => {
    const json = withService(
      {
        scheduling_strategy: 'DAEMON',
        launch_type: 'FARGATE',
        desired_count: 2,
        ordered_placement_strategy: [{ type: 'random' }],
        deployment_maximum_percent: 200,
        deployment_controller: { type: 'CODE_DEPLOY' },
      },
      {},
      {
        aws_appautoscaling_target: {
          scale: {
            service_namespace: 'ecs',
            resource_id: 'service/main/${aws_ecs_service.web.name}',
            scalable_dimension: 'ecs:service:DesiredCount',
            min_capacity: 1,
            max_capacity: 2,
          },
        },
      },
    );
    expect(problems(DaemonService, json, SERVICE)).toEqual([
      'it runs on Fargate',
      'desired_count is set',
      'ordered_placement_strategy is set',
      'deployment_maximum_percent is 200',
      'deployment_controller is CODE_DEPLOY',
      'aws_appautoscaling_target.scale auto-scales it',
    ]);
  });
  it('is not applicable to REPLICA services', () =>
    expect(judge(DaemonService, withService({ desired_count: 2 }), SERVICE).compliance).toBe('not-applicable'));
});

describe('ECS-AwsvpcHostPort', () => {
  it('passes an empty or equal hostPort', () => {
    const json = task({
      container_definitions: containers({
        name: 'a',
        memory: 256,
        portMappings: [{ containerPort: 80 }, { containerPort: 81, hostPort: 81 }],
      }),
    });
    expect(problems(AwsvpcHostPort, json, TASK)).toEqual([]);
  });
  it('fails a different hostPort', () => {
    const json = task({
      container_definitions: containers({ name: 'a', portMappings: [{ containerPort: 80, hostPort: 8080 }] }),
    });
    expect(problems(AwsvpcHostPort, json, TASK)).toEqual(['container a maps hostPort 8080 to containerPort 80']);
  });
  it('is not applicable in bridge mode, where host ports may differ', () => {
    const json = tf({
      aws_ecs_task_definition: {
        web: ec2Task({
          container_definitions: containers({
            name: 'a',
            memory: 64,
            portMappings: [{ containerPort: 80, hostPort: 0 }],
          }),
        }),
      },
    });
    expect(judge(AwsvpcHostPort, json, TASK).compliance).toBe('not-applicable');
  });
});

// hashicorp/terraform-provider-aws v6.25.0, internal/service/ecs/container_definitions.go, reduce(isAWSVPC): a missing
// hostPort is filled from containerPort only "if isAWSVPC"; ECS returns hostPort = containerPort in host mode.
describe('ECS-HostModeHostPort', () => {
  const hostTask = (portMappings: object[]) =>
    tf({
      aws_ecs_task_definition: {
        web: ec2Task({
          network_mode: 'host',
          container_definitions: containers({ name: 'exporter', memory: 64, portMappings }),
        }),
      },
    });
  it('passes host-mode mappings written as ECS returns them', () =>
    expect(problems(HostModeHostPort, hostTask([{ containerPort: 9100, hostPort: 9100 }]), TASK)).toEqual([]));
  it('fails a host-mode mapping without hostPort (a new task definition on every apply)', () =>
    expect(problems(HostModeHostPort, hostTask([{ containerPort: 9100 }]), TASK)).toEqual([
      'container exporter maps containerPort 9100 without hostPort',
    ]));
  it('is not applicable in awsvpc mode, where the provider fills hostPort itself', () => {
    const json = task({ container_definitions: containers({ name: 'a', portMappings: [{ containerPort: 80 }] }) });
    expect(judge(HostModeHostPort, json, TASK).compliance).toBe('not-applicable');
  });
});

describe('ECS-AwsvpcTargetTypeIp', () => {
  const lb = (targetType?: string) => ({
    aws_lb_target_group: {
      web: { port: 80, protocol: 'HTTP', vpc_id: 'vpc-1', ...(targetType ? { target_type: targetType } : {}) },
    },
  });
  const service = {
    launch_type: 'FARGATE',
    load_balancer: [{ target_group_arn: '${aws_lb_target_group.web.arn}', container_name: 'app', container_port: 80 }],
  };
  it('passes an ip target group', () =>
    expect(problems(AwsvpcTargetTypeIp, withService(service, {}, lb('ip')), SERVICE)).toEqual([]));
  it('fails the default instance target type', () => {
    expect(problems(AwsvpcTargetTypeIp, withService(service, {}, lb()), SERVICE)).toEqual([
      "aws_lb_target_group.web has target_type 'instance'",
    ]);
  });
});

describe('ECS-FargateLogConfiguration', () => {
  it('passes awslogs with group, region and prefix', () =>
    expect(problems(FargateLogConfiguration, task(), TASK)).toEqual([]));
  it('fails other drivers and incomplete awslogs options', () => {
    const json = task({
      container_definitions: containers(
        { name: 'a', logConfiguration: { logDriver: 'json-file' } },
        { name: 'b', logConfiguration: { logDriver: 'awslogs', options: { 'awslogs-group': '/ecs/b' } } },
      ),
    });
    expect(problems(FargateLogConfiguration, json, TASK)).toEqual([
      "container a uses log driver 'json-file'",
      'container b: awslogs without awslogs-region, awslogs-stream-prefix',
    ]);
  });
});

describe('ECS-EssentialContainer', () => {
  it('passes when one container is essential (or defaults to it)', () => {
    expect(
      problems(
        EssentialContainer,
        task({ container_definitions: containers({ name: 'a', essential: false }, { name: 'b' }) }),
        TASK,
      ),
    ).toEqual([]);
  });
  it('fails when every container is non-essential', () => {
    expect(
      problems(EssentialContainer, task({ container_definitions: containers({ name: 'a', essential: false }) }), TASK),
    ).toEqual(['all 1 containers set essential: false']);
  });
  it('is not applicable when the definitions are built at plan time', () => {
    expect(
      judge(EssentialContainer, task({ container_definitions: '${jsonencode(local.containers)}' }), TASK).compliance,
    ).toBe('not-applicable');
  });
});

describe('ECS-GracePeriodNeedsLoadBalancer', () => {
  it('passes with a load balancer', () => {
    const json = withService({
      health_check_grace_period_seconds: 60,
      load_balancer: [{ target_group_arn: 'arn:aws:x', container_name: 'app', container_port: 80 }],
    });
    expect(problems(GracePeriodNeedsLoadBalancer, json, SERVICE)).toEqual([]);
  });
  it('fails without one', () => {
    expect(
      problems(GracePeriodNeedsLoadBalancer, withService({ health_check_grace_period_seconds: 60 }), SERVICE),
    ).toEqual(['health_check_grace_period_seconds is 60 but there is no load_balancer']);
  });
});

describe('ECS-LaunchTypeOrCapacityProvider', () => {
  it('passes a launch type alone', () =>
    expect(problems(LaunchTypeOrCapacityProvider, withService({ launch_type: 'FARGATE' }), SERVICE)).toEqual([]));
  it('fails both', () => {
    const json = withService({
      launch_type: 'EC2',
      capacity_provider_strategy: [{ capacity_provider: 'cp', weight: 1 }],
    });
    expect(problems(LaunchTypeOrCapacityProvider, json, SERVICE)).toEqual([
      'both launch_type and capacity_provider_strategy are set',
    ]);
  });
});

describe('ECS-FargateUnsupportedParameters', () => {
  it('passes a plain Fargate task, and "unset" spellings', () => {
    expect(
      problems(
        FargateUnsupportedParameters,
        task({ container_definitions: containers({ name: 'a', privileged: false, links: [] }) }),
        TASK,
      ),
    ).toEqual([]);
  });
  it('fails host-level parameters, volumes and modes', () => {
    const json = task({
      container_definitions: containers({
        name: 'a',
        privileged: true,
        hostname: 'x',
        linuxParameters: { sharedMemorySize: 64, capabilities: { add: ['SYS_PTRACE', 'NET_ADMIN'] } },
      }),
      volume: [{ name: 'data', host_path: '/data' }],
      ipc_mode: 'host',
      pid_mode: 'host',
    });
    expect(problems(FargateUnsupportedParameters, json, TASK)).toEqual([
      'container a sets hostname, privileged, linuxParameters.sharedMemorySize',
      'container a adds capabilities NET_ADMIN (Fargate allows only SYS_PTRACE)',
      'volume data sets host_path',
      'ipc_mode is set',
      "pid_mode is 'host' (Fargate allows only 'task')",
    ]);
  });
});

describe('ECS-ContainerWithinTask', () => {
  it('passes containers that fit', () => {
    const json = task({
      cpu: '512',
      memory: '1024',
      container_definitions: containers(
        { name: 'a', cpu: 256, memory: 512 },
        { name: 'b', cpu: 256, memoryReservation: 256, memory: 1024 },
      ),
    });
    expect(problems(ContainerWithinTask, json, TASK)).toEqual([]);
  });
  it('fails containers larger than the task, and reservations above limits', () => {
    const json = task({
      cpu: '256',
      memory: '512',
      container_definitions: containers({ name: 'a', cpu: 512, memory: 1024, memoryReservation: 2048 }),
    });
    expect(problems(ContainerWithinTask, json, TASK)).toEqual([
      "container a memory 1024 exceeds the task's 512",
      'container a memoryReservation 2048 exceeds its memory 1024',
      "containers reserve 2048 MiB together, more than the task's 512",
      "containers' cpu adds up to 512, more than the task's 256",
    ]);
  });
  it('fails an EC2 container without memory when the task has none', () => {
    const json = tf({
      aws_ecs_task_definition: { web: ec2Task({ container_definitions: containers({ name: 'a', image: 'x' }) }) },
    });
    expect(problems(ContainerWithinTask, json, TASK)).toEqual([
      'container a sets neither memory nor memoryReservation, and the task sets no memory',
    ]);
  });
});
