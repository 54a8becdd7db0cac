import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../core/errors';
import { PROJECT_ROOT } from '../core/project-root';
import { snapshotFile, type PublishedSet } from './permissions';
import type { DatadogSite } from './sites';

/** Where the committed snapshots live in the checkout. */
export const SNAPSHOT_DIR = join(PROJECT_ROOT, 'src', 'datadog', 'data');

/** Datadog API paths of the published lists (API reference: "Get AWS integration (standard) IAM permissions"). */
export const PERMISSIONS_API_PATH: Readonly<Record<PublishedSet, string>> = {
  full: '/api/v2/integration/aws/iam_permissions',
  standard: '/api/v2/integration/aws/iam_permissions/standard',
};

/** The command that refreshes a snapshot, as the plan-time warning and the README name it. */
export function refreshCommandFor(set: PublishedSet): string {
  return `npx stackwright datadog refresh-permissions --set ${set} --from-api`;
}

/** What a refresh changed: the actions Datadog's list adds to and drops from the committed snapshot. */
export interface PermissionDiff {
  readonly set: PublishedSet;
  readonly file: string;
  readonly added: string[];
  readonly dropped: string[];
  readonly total: number;
}

/**
 * Reads a permission list from a file: either the Datadog API's response body (`data.attributes.permissions`) or a
 * plain JSON array of action names.
 */
export function readPermissionFile(file: string): string[] {
  if (!existsSync(file))
    throw InputError.single(
      file,
      '',
      'file not found',
      'a JSON file: the Datadog API response or an array of IAM actions',
    );
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw InputError.single(file, '', `not JSON (${(err as Error).message})`);
  }
  return permissionsOf(parsed, file);
}

/** The action list of an API response or array; bad shapes and bad action names are input errors. */
export function permissionsOf(body: unknown, source: string): string[] {
  const list = Array.isArray(body)
    ? body
    : (body as { data?: { attributes?: { permissions?: unknown } } })?.data?.attributes?.permissions;
  const where = Array.isArray(body) ? '' : 'data.attributes.permissions';
  if (!Array.isArray(list) || list.length === 0) {
    throw InputError.single(
      source,
      where,
      'no permission list found',
      'a non-empty array of IAM actions, or {"data":{"attributes":{"permissions":[...]}}}',
    );
  }
  const bad = list.findIndex((a) => typeof a !== 'string' || !/^[a-z0-9-]+:[A-Za-z0-9*]+$/.test(a));
  if (bad >= 0)
    throw InputError.single(
      source,
      `${where}[${bad}]`,
      `'${String(list[bad])}' is not an IAM action`,
      'service:Action, e.g. cloudwatch:ListMetrics',
    );
  return [...new Set(list as string[])].sort();
}

export interface ApiSource {
  readonly site: DatadogSite;
  readonly apiKey: string;
  readonly appKey: string;
  /** API base URL; tests point it at a loopback stand-in. @default `https://api.<site>` */
  readonly baseUrl?: string;
}

/** Fetches Datadog's current list with the user's own keys. */
export async function fetchPermissions(set: PublishedSet, source: ApiSource): Promise<string[]> {
  const url = `${(source.baseUrl ?? `https://api.${source.site}`).replace(/\/+$/, '')}${PERMISSIONS_API_PATH[set]}`;
  let res: Response;
  try {
    res = await fetch(url, {
      headers: { accept: 'application/json', 'DD-API-KEY': source.apiKey, 'DD-APPLICATION-KEY': source.appKey },
    });
  } catch (err) {
    throw InputError.single(
      url,
      '',
      `could not reach the Datadog API (${(err as Error).message})`,
      'check --site and your network, or use --from-file',
    );
  }
  if (!res.ok) {
    const hint =
      res.status === 401 || res.status === 403
        ? 'check DD_API_KEY and DD_APP_KEY and that they belong to this site'
        : 'try again later, or use --from-file';
    throw InputError.single(url, '', `Datadog answered HTTP ${res.status}`, hint);
  }
  return permissionsOf(await res.json(), url);
}

/** The API keys from the environment, or an input error naming the missing variables. */
export function apiKeysFromEnv(env: NodeJS.ProcessEnv): { apiKey: string; appKey: string } {
  const missing = ['DD_API_KEY', 'DD_APP_KEY'].filter((k) => !env[k]);
  if (missing.length > 0)
    throw InputError.single(
      'environment',
      missing.join(', '),
      'not set',
      '--from-api reads your Datadog API and application keys from DD_API_KEY and DD_APP_KEY',
    );
  return { apiKey: env.DD_API_KEY!, appKey: env.DD_APP_KEY! };
}

/** Compares a list with the committed snapshot and (unless `dryRun`) writes it as the new snapshot. */
export function updateSnapshot(
  set: PublishedSet,
  actions: readonly string[],
  dir = SNAPSHOT_DIR,
  dryRun = false,
): PermissionDiff {
  const file = join(dir, snapshotFile(set));
  const old = new Set(existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as string[]) : []);
  const now = new Set(actions);
  const diff: PermissionDiff = {
    set,
    file,
    added: [...now].filter((a) => !old.has(a)).sort(),
    dropped: [...old].filter((a) => !now.has(a)).sort(),
    total: now.size,
  };
  // One action per line keeps the reviewed diff of the snapshot readable.
  if (!dryRun)
    writeFileSync(
      file,
      `[\n${[...now]
        .sort()
        .map((a) => `  ${JSON.stringify(a)}`)
        .join(',\n')}\n]\n`,
    );
  return diff;
}
