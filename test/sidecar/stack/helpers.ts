import { testConfig, synthStack, resourcesOf } from '../../helpers/synth';
import { sidecarVariantNames } from '../../../src/sidecar/variants';
import { deploymentsOf, cpuArchitectures, type Deployment } from '../../../src/sidecar/deployments';
import type { Json } from '../../helpers/json';

/** Every variant on every architecture: what the default config deploys. */
export const allDeployments: Deployment[] = deploymentsOf(sidecarVariantNames, cpuArchitectures);

/** The client block the tests' sections name unless they set their own (the config requires one). */
export const TEST_LISTENER_CIDRS = ['203.0.113.10/32'];

/** Synthesizes the sidecar stack for a config section (in memory, no HCL); listenerCidrs defaults to the test block. */
export async function synthSidecar(section: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) {
  return synthStack(testConfig({ sidecar: { listenerCidrs: TEST_LISTENER_CIDRS, ...section } }, extra), 'sidecar');
}

/** The resource of `type` whose construct path is `sidecar/<path>`. */
export function resourceAt(json: Json, type: string, path: string): Json {
  const hit = Object.values(resourcesOf(json, type)).find((r: Json) => r['//']?.metadata?.path === `sidecar/${path}`);
  if (!hit) throw new Error(`no ${type} at sidecar/${path}`);
  return hit;
}

/** The Terraform address (`type.name`) of the resource at `sidecar/<path>`. */
export function addressAt(json: Json, type: string, path: string): string {
  const entry = Object.entries(resourcesOf(json, type)).find(
    ([, r]: [string, Json]) => r['//']?.metadata?.path === `sidecar/${path}`,
  );
  if (!entry) throw new Error(`no ${type} at sidecar/${path}`);
  return `${type}.${entry[0]}`;
}

/** A reference to an attribute of the resource at `sidecar/<path>`, as it appears in the Terraform JSON. */
export function ref(json: Json, type: string, path: string, attribute: string): string {
  return `\${${addressAt(json, type, path)}.${attribute}}`;
}

/** The construct path segment of a deployment: `tcp-x86_64`. */
export function dPath(d: Deployment): string {
  return `${d.variant}-${d.architecture.toLowerCase()}`;
}

/** The parsed container definitions of a deployment's task. */
export function containersOf(json: Json, d: Deployment): Json[] {
  return JSON.parse(resourceAt(json, 'aws_ecs_task_definition', `${dPath(d)}/task`).container_definitions);
}
