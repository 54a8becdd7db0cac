import { stringify } from 'yaml';
import { parseConfig } from '../../src/config/load';
import { InputError, formatProblem } from '../../src/core/errors';
import { testConfig, synthStack } from '../helpers/synth';
import type { Json } from '../helpers/json';

/** A minimal container ECS accepts on EC2. */
export const container = (extra: Record<string, unknown> = {}) => ({
  name: 'app',
  image: 'public.ecr.aws/nginx/nginx:1.27',
  memoryReservation: 64,
  ...extra,
});

/** One service with the given overrides. */
export const service = (extra: Record<string, unknown> = {}) => ({ name: 'svc', containers: [container()], ...extra });

/**
 * An `ecs` section with one cluster `main` holding `services`; `cluster` overrides the cluster's other fields. A
 * cluster with a reconciled service gets `scaling: memoryReservation` unless `cluster` says otherwise: managed scaling
 * cannot hold one (test/ecs/scaling).
 */
export function ecsSection(
  services: unknown[],
  cluster: Record<string, unknown> = {},
  extra: Record<string, unknown> = {},
) {
  const reconciled = services.some((s) => (s as { oneTaskPerHost?: string }).oneTaskPerHost === 'reconciled');
  const capacity = reconciled && cluster.capacity === undefined ? { capacity: { scaling: 'memoryReservation' } } : {};
  return { clusters: [{ name: 'main', services, ...capacity, ...cluster }], ...extra };
}

/** The config file text for an `ecs` section. */
export function configText(section: unknown): string {
  return stringify({ name: 't', aws: { region: 'us-east-1' }, stacks: { ecs: section } });
}

/** The formatted problems parseConfig reports for an `ecs` section (fails when the config is accepted). */
export function problems(section: unknown): string[] {
  try {
    parseConfig(configText(section), 'cfg.yaml');
  } catch (err) {
    if (err instanceof InputError) return err.problems.map(formatProblem);
    throw err;
  }
  throw new Error('expected the config to be rejected');
}

/** Synthesizes the ECS stack for a section; returns the Terraform JSON. */
export async function synthEcs(section: unknown, extra: Record<string, unknown> = {}) {
  return (await synthStack(testConfig({ ecs: section }, extra), 'ecs')).json;
}

/** The resources of a type whose Terraform name contains `part`. */
export function named(resources: Record<string, Json>, part: string): Json[] {
  return Object.entries(resources)
    .filter(([k]) => k.includes(part))
    .map(([, v]) => v);
}

/** One cluster (2-5 instances) with a daemon, a reconciled and an ordinary service with placement. */
export const threeModes = ecsSection(
  [
    service({
      name: 'agent',
      oneTaskPerHost: 'daemon',
      placement: { constraints: [{ type: 'memberOf', expression: 'attribute:ecs.os-type == linux' }] },
    }),
    service({
      name: 'exporter',
      oneTaskPerHost: 'reconciled',
      placement: { strategies: [{ type: 'spread', field: 'attribute:ecs.availability-zone' }] },
    }),
    service({
      name: 'web',
      desiredCount: 3,
      placement: {
        strategies: [
          { type: 'spread', field: 'attribute:ecs.availability-zone' },
          { type: 'binpack', field: 'memory' },
        ],
        constraints: [{ type: 'memberOf', expression: 'attribute:ecs.instance-type =~ t3.*' }],
      },
    }),
  ],
  { capacity: { scaling: 'memoryReservation', minSize: 2, maxSize: 5 } },
);
