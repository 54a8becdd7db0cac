import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../core/errors';
import { REVIEWED_FILE, SNAPSHOT_DIR, reviewedActions, snapshotFile, type PublishedSet } from './permissions';
import type { DatadogSite } from './sites';

export { SNAPSHOT_DIR } from './permissions';

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

/** What IAM's catalogue says of an action name (the CLI supplies it from the rule pack's IAM data). */
export interface ActionFacts {
  /** The name or pattern matches at least one real action. */
  readonly known: boolean;
  /** It matches an action that changes something (Write, Permissions management or Tagging). */
  readonly write: boolean;
}
export type ClassifyAction = (action: string) => ActionFacts;

/** An added action a reviewer must accept by name, and why. */
export interface FlaggedAction {
  readonly action: string;
  readonly reasons: string[];
}

/**
 * The added actions that widen what Datadog may change or that a reviewer cannot read at a glance: write actions,
 * wildcards, anything of `iam:`, `*`, and names IAM does not know.
 */
export function flagAdditions(added: readonly string[], classify: ClassifyAction): FlaggedAction[] {
  return added.flatMap((action) => {
    const facts = classify(action);
    const reasons = [
      ...(action === '*' ? ['every action'] : []),
      ...(action !== '*' && action.includes('*') ? ['a wildcard'] : []),
      ...(action.toLowerCase().startsWith('iam:') ? ['an IAM action'] : []),
      ...(facts.write ? ['a write action'] : []),
      ...(facts.known ? [] : ["not in IAM's action list"]),
    ];
    return reasons.length > 0 ? [{ action, reasons }] : [];
  });
}

/**
 * Text of a list in the style of the file it replaces: one line (`["a", "b"]`) or one action a line with the old
 * indentation, so a refresh's diff shows the actions that changed and nothing else.
 */
export function formatLike(previous: string | undefined, actions: readonly string[]): string {
  const items = actions.map((a) => JSON.stringify(a));
  const eol = previous === undefined || previous.endsWith('\n') ? '\n' : '';
  if (previous !== undefined && !/\[\s*\n/.test(previous)) {
    const separator = /",\s+"/.test(previous) || !/","/.test(previous) ? ', ' : ',';
    return `[${items.join(separator)}]${eol}`;
  }
  const indent = /\n([ \t]*)"/.exec(previous ?? '')?.[1] ?? '  ';
  return `[\n${items.map((i) => `${indent}${i}`).join(',\n')}\n]${eol}`;
}

/** Compares a list with the committed snapshot and (unless `dryRun`) writes it as the new snapshot. */
export function updateSnapshot(
  set: PublishedSet,
  actions: readonly string[],
  dir = SNAPSHOT_DIR,
  dryRun = false,
): PermissionDiff {
  const file = join(dir, snapshotFile(set));
  const text = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  const old = new Set(text === undefined ? [] : (JSON.parse(text) as string[]));
  const now = new Set(actions);
  const diff: PermissionDiff = {
    set,
    file,
    added: [...now].filter((a) => !old.has(a)).sort(),
    dropped: [...old].filter((a) => !now.has(a)).sort(),
    total: now.size,
  };
  if (!dryRun) writeFileSync(file, formatLike(text, [...now].sort()));
  return diff;
}

/** Adds actions a reviewer accepted by name to the reviewed list, keeping its formatting. */
export function recordReviewed(accepted: readonly string[], dir = SNAPSHOT_DIR): void {
  if (accepted.length === 0) return;
  const file = join(dir, REVIEWED_FILE);
  const text = readFileSync(file, 'utf8');
  writeFileSync(file, formatLike(text, [...new Set([...reviewedActions(dir), ...accepted])].sort()));
}
