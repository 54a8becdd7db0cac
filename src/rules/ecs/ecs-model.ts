import type { StackView, TfBlock } from '../../terraform/json';
import { blocks, isObj, list, num, parseJsonAttribute, str, type Obj } from '../../terraform/json';

/** Shared reading of ECS task definitions and services for the ECS rules. */

export const FARGATE_CAPACITY_PROVIDERS = ['FARGATE', 'FARGATE_SPOT'] as const;

/** The container definitions of a task definition, or undefined when they are only known at plan time. */
export function containersOf(task: TfBlock): Obj[] | undefined {
  const parsed = parseJsonAttribute(task.body.container_definitions);
  return Array.isArray(parsed) && parsed.every(isObj) ? parsed : undefined;
}

export function containerName(c: Obj, index: number): string {
  return typeof c.name === 'string' ? c.name : `#${index + 1}`;
}

/** Task-level CPU units: `256`, `"256"` or `"0.25 vCPU"`. */
export function taskCpu(task: TfBlock): number | undefined {
  return units(task.body.cpu, /^([\d.]+)\s*vcpu$/i, 1024);
}

/** Task-level memory in MiB: `512`, `"512"` or `"1 GB"`. */
export function taskMemory(task: TfBlock): number | undefined {
  return units(task.body.memory, /^([\d.]+)\s*gb$/i, 1024);
}

function units(v: unknown, scaled: RegExp, factor: number): number | undefined {
  const n = num(v);
  if (n !== undefined) return n;
  const s = str(v);
  const m = s ? scaled.exec(s.trim()) : null;
  return m ? Number(m[1]) * factor : undefined;
}

/** Services in the stack that run this task definition. */
export function servicesOf(task: TfBlock, stack: StackView): TfBlock[] {
  return stack.ofType('aws_ecs_service').filter((s) => taskOf(s, stack) === task);
}

/** The task definition a service runs, when it is in the stack. */
export function taskOf(service: TfBlock, stack: StackView): TfBlock | undefined {
  const byRef = stack.resolve(service.body.task_definition, 'aws_ecs_task_definition');
  if (byRef) return byRef;
  const family = str(service.body.task_definition)?.split(':')[0];
  return family ? stack.ofType('aws_ecs_task_definition').find((t) => str(t.body.family) === family) : undefined;
}

/** Whether a service runs on Fargate: its launch type, its capacity providers, or its cluster's defaults. */
export function serviceOnFargate(service: TfBlock, stack: StackView): boolean | undefined {
  const launchType = str(service.body.launch_type);
  if (launchType) return launchType === 'FARGATE';
  const strategy = blocks(service.body.capacity_provider_strategy);
  if (strategy === undefined) return undefined;
  if (strategy.length > 0) return anyFargateProvider(strategy);
  const cluster = stack.resolve(service.body.cluster, 'aws_ecs_cluster');
  if (!cluster) return undefined;
  const defaults = stack
    .referencing(cluster, 'aws_ecs_cluster_capacity_providers', 'cluster_name')
    .flatMap((c) => blocks(c.body.default_capacity_provider_strategy) ?? []);
  return defaults.length > 0 ? anyFargateProvider(defaults) : false;
}

function anyFargateProvider(strategy: Obj[]): boolean | undefined {
  const names = strategy.map((s) => str(s.capacity_provider));
  if (names.some((n) => n !== undefined && (FARGATE_CAPACITY_PROVIDERS as readonly string[]).includes(n))) return true;
  return names.every((n) => n !== undefined) ? false : undefined;
}

/** A task definition is a Fargate task when it declares FARGATE compatibility or a Fargate service runs it. */
export function taskOnFargate(task: TfBlock, stack: StackView): boolean {
  const compat = list(task.body.requires_compatibilities) ?? [];
  if (compat.includes('FARGATE')) return true;
  return servicesOf(task, stack).some((s) => serviceOnFargate(s, stack) === true);
}

/** The network mode, `bridge` when unset (ECS's default on EC2); undefined when only known at plan time. */
export function networkMode(task: TfBlock): string | undefined {
  return task.body.network_mode === undefined ? 'bridge' : str(task.body.network_mode);
}

export function hasBlock(b: TfBlock, name: string): boolean {
  const v = b.body[name];
  return v !== undefined && (blocks(v)?.length ?? 1) > 0;
}
