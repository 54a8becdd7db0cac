import * as z from 'zod/mini';

/**
 * What the reconciler manages, read from its environment (the stack sets it from config):
 * - `MANAGED_SERVICES`: JSON object, cluster name -> names of the services whose desired count follows the number
 *   of ACTIVE container instances, for example `{"web":["log-agent","node-exporter"]}`;
 * - `DRY_RUN`: `true` to log the changes it would make without making them, `false` (the default) to make them.
 */
export const ReconcilerEnv = { managedServices: 'MANAGED_SERVICES', dryRun: 'DRY_RUN' } as const;

export interface ReconcilerSettings {
  /** Cluster name -> managed service names. */
  readonly managed: ReadonlyMap<string, readonly string[]>;
  readonly dryRun: boolean;
}

/** The environment is not what the stack writes: a deployment problem, so every invocation fails loudly. */
export class SettingsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SettingsError';
  }
}

const clusterName = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,255}$/, 'not an ECS cluster name'));
const serviceName = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,255}$/, 'not an ECS service name'));
const managedServices = z.record(
  clusterName,
  z.array(serviceName).check(
    z.minLength(1, 'lists no service'),
    z.refine((s) => new Set(s).size === s.length, 'lists a service twice'),
  ),
);

export function loadSettings(env: Readonly<Record<string, string | undefined>>): ReconcilerSettings {
  const raw = env[ReconcilerEnv.managedServices];
  if (raw === undefined) throw new SettingsError(`${ReconcilerEnv.managedServices} is not set`);
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new SettingsError(`${ReconcilerEnv.managedServices} is not JSON`);
  }
  const parsed = managedServices.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new SettingsError(`${ReconcilerEnv.managedServices}: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  const dryRun = env[ReconcilerEnv.dryRun] ?? 'false';
  if (dryRun !== 'true' && dryRun !== 'false') {
    throw new SettingsError(`${ReconcilerEnv.dryRun} must be 'true' or 'false', got '${dryRun}'`);
  }
  return { managed: new Map(Object.entries(parsed.data)), dryRun: dryRun === 'true' };
}

/** The environment the construct gives the function; keys sorted so the generated Terraform is stable. */
export function reconcilerEnvironment(
  managed: ReadonlyMap<string, readonly string[]>,
  dryRun: boolean,
): Record<string, string> {
  const sorted = Object.fromEntries([...managed].sort(([a], [b]) => (a < b ? -1 : 1)));
  return { [ReconcilerEnv.managedServices]: JSON.stringify(sorted), [ReconcilerEnv.dryRun]: String(dryRun) };
}
