import EnvironmentValuesSet from '../../src/rules/ecs/EnvironmentValuesSet';
import ScaledCountIgnored from '../../src/rules/ecs/ScaledCountIgnored';
import ServiceStrategyExplicit from '../../src/rules/ecs/ServiceStrategyExplicit';
import TaskSizeAsRegistered from '../../src/rules/ecs/TaskSizeAsRegistered';
import { containers, ec2Task, fargateTask, judge, problems, tf } from './helpers';

// Each rule encodes a cause of a perpetual diff in hashicorp/aws; the source is quoted in the rule's header comment
// and listed in docs/perpetual-diffs.md.

const TASK = 'aws_ecs_task_definition.web';
const SERVICE = 'aws_ecs_service.web';
const task = (over: Record<string, unknown> = {}) => tf({ aws_ecs_task_definition: { web: fargateTask(over) } });

describe('ECS-TaskSizeAsRegistered (ECS API: unit strings are converted when registered; provider #42780)', () => {
  it('passes integer CPU units and MiB, as strings or numbers', () => {
    expect(problems(TaskSizeAsRegistered, task({ cpu: '256', memory: '512' }), TASK)).toEqual([]);
    expect(problems(TaskSizeAsRegistered, task({ cpu: 1024, memory: 2048 }), TASK)).toEqual([]);
  });
  it('fails vCPU and GB strings, naming the value ECS stores', () => {
    expect(problems(TaskSizeAsRegistered, task({ cpu: '.25 vCPU', memory: '1 GB' }), TASK)).toEqual([
      'cpu ".25 vCPU": ECS stores 256 (CPU units), so every plan replaces the task definition',
      'memory "1 GB": ECS stores 1024 (MiB), so every plan replaces the task definition',
    ]);
    expect(problems(TaskSizeAsRegistered, task({ cpu: '1 vcpu', memory: '2048' }), TASK)).toHaveLength(1);
  });
  it('is not applicable without a literal task size', () => {
    const none = tf({ aws_ecs_task_definition: { web: ec2Task() } });
    expect(judge(TaskSizeAsRegistered, none, TASK).compliance).toBe('not-applicable');
    expect(judge(TaskSizeAsRegistered, task({ cpu: '${var.cpu}', memory: '${var.memory}' }), TASK).compliance).toBe(
      'not-applicable',
    );
  });
});

describe('ECS-EnvironmentValuesSet (provider #39533: ECS drops empty and null variables)', () => {
  const withEnv = (...environment: object[]) =>
    task({ container_definitions: containers({ name: 'app', image: 'app:1', environment }) });
  it('passes variables with values, including values known at plan time', () => {
    expect(
      problems(
        EnvironmentValuesSet,
        withEnv({ name: 'A', value: 'x' }, { name: 'B', value: '${aws_dynamodb_table.t.name}' }),
        TASK,
      ),
    ).toEqual([]);
  });
  it('fails empty, null and missing values', () => {
    expect(
      problems(
        EnvironmentValuesSet,
        withEnv({ name: 'A', value: '' }, { name: 'B', value: null }, { name: 'C' }),
        TASK,
      ),
    ).toEqual([
      'container app sets A to an empty value',
      'container app sets B to an empty value',
      'container app sets C to an empty value',
    ]);
  });
  it('is not applicable when the container definitions are only known at plan time', () => {
    expect(
      judge(EnvironmentValuesSet, task({ container_definitions: '${jsonencode(local.c)}' }), TASK).compliance,
    ).toBe('not-applicable');
  });
});

describe('ECS-ServiceStrategyExplicit (provider #11351, #29143; strategy is Optional, not Computed)', () => {
  const stack = (service: Record<string, unknown>, defaults: unknown = [{ capacity_provider: 'cp', weight: 1 }]) =>
    tf({
      aws_ecs_cluster: { main: { name: 'main' } },
      aws_ecs_cluster_capacity_providers: {
        main: {
          cluster_name: '${aws_ecs_cluster.main.name}',
          capacity_providers: ['cp'],
          default_capacity_provider_strategy: defaults,
        },
      },
      aws_ecs_service: {
        web: { name: 'web', cluster: '${aws_ecs_cluster.main.arn}', task_definition: 'web', ...service },
      },
    });
  it('passes a service that states its launch type or its strategy', () => {
    expect(problems(ServiceStrategyExplicit, stack({ launch_type: 'EC2' }), SERVICE)).toEqual([]);
    expect(
      problems(ServiceStrategyExplicit, stack({ capacity_provider_strategy: [{ capacity_provider: 'cp' }] }), SERVICE),
    ).toEqual([]);
  });
  it("fails a service that takes the cluster's default strategy unstated", () => {
    expect(problems(ServiceStrategyExplicit, stack({}), SERVICE)).toEqual([
      'takes the default strategy of aws_ecs_cluster_capacity_providers.main unstated, so every plan replaces the service',
    ]);
  });
  it('is not applicable without a default strategy or with a cluster outside the stack', () => {
    expect(judge(ServiceStrategyExplicit, stack({}, []), SERVICE).compliance).toBe('not-applicable');
    const outside = tf({ aws_ecs_service: { web: { name: 'web', cluster: 'arn:aws:ecs:x', task_definition: 'web' } } });
    expect(judge(ServiceStrategyExplicit, outside, SERVICE).compliance).toBe('not-applicable');
  });
});

describe('ECS-ScaledCountIgnored (provider docs: Ignoring Changes to Desired Count)', () => {
  const stack = (service: Record<string, unknown>) =>
    tf({
      aws_ecs_service: { web: { name: 'web', cluster: 'main', task_definition: 'web', desired_count: 2, ...service } },
      aws_appautoscaling_target: {
        web: {
          service_namespace: 'ecs',
          scalable_dimension: 'ecs:service:DesiredCount',
          resource_id: 'service/main/${aws_ecs_service.web.name}',
          min_capacity: 1,
          max_capacity: 4,
        },
      },
    });
  it('passes a scaled service that ignores changes to desired_count', () => {
    expect(problems(ScaledCountIgnored, stack({ lifecycle: { ignore_changes: ['desired_count'] } }), SERVICE)).toEqual(
      [],
    );
    expect(problems(ScaledCountIgnored, stack({ lifecycle: { ignore_changes: 'all' } }), SERVICE)).toEqual([]);
  });
  it('fails a scaled service whose desired_count Terraform would reset', () => {
    expect(problems(ScaledCountIgnored, stack({}), SERVICE)).toEqual([
      'aws_appautoscaling_target.web scales it, but lifecycle.ignore_changes leaves out desired_count',
    ]);
  });
  it('is not applicable to services nothing scales', () => {
    const alone = tf({ aws_ecs_service: { web: { name: 'web', task_definition: 'web', desired_count: 2 } } });
    expect(judge(ScaledCountIgnored, alone, SERVICE).compliance).toBe('not-applicable');
  });
});
