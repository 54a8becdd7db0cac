import type { Rule, RuleVerdict } from '../../src/rules/rule';
import { StackView } from '../../src/terraform/json';

/** A Terraform JSON fixture: `resource` sections plus any other top-level keys (data, variable, provider...). */
export function tf(
  resource: Record<string, Record<string, object>>,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return { resource, ...extra };
}

/** Runs one rule on one block of a fixture. */
export function judge(rule: Rule, json: Record<string, unknown>, address: string): RuleVerdict {
  const view = new StackView('test', json);
  const block = view.get(address);
  if (!block) throw new Error(`fixture has no ${address}`);
  return rule.check(block, view);
}

/** The problems a rule reports on a block ([] when compliant); throws when the rule is not applicable. */
export function problems(rule: Rule, json: Record<string, unknown>, address: string): readonly string[] {
  const v = judge(rule, json, address);
  if (v.compliance === 'not-applicable') throw new Error(`${rule.id} is not applicable to ${address}`);
  return v.compliance === 'non-compliant' ? v.problems : [];
}

export const containers = (...defs: object[]): string => JSON.stringify(defs);

/** A Fargate task definition that passes every ECS rule; tests change one thing. */
export function fargateTask(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    family: 'web',
    requires_compatibilities: ['FARGATE'],
    network_mode: 'awsvpc',
    cpu: '256',
    memory: '512',
    container_definitions: containers({
      name: 'app',
      image: 'nginx:1.27',
      essential: true,
      portMappings: [{ containerPort: 80 }],
      logConfiguration: {
        logDriver: 'awslogs',
        options: { 'awslogs-group': '/ecs/web', 'awslogs-region': 'us-east-1', 'awslogs-stream-prefix': 'web' },
      },
    }),
    ...over,
  };
}

/** An EC2 (bridge) task definition with container-level memory. */
export function ec2Task(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    family: 'agent',
    container_definitions: containers({ name: 'agent', image: 'agent:1', memoryReservation: 64 }),
    ...over,
  };
}
