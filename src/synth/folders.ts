import { hasTargets, type ConfigFile, type Target } from '../config/config-file';
import type { StackKey, StackwrightConfig } from '../config/schema';
import { InputError } from '../core/errors';
import { backendLocation } from '../core/stackwright-stack';
import { stackDefinitions } from '../../stacks';

/**
 * One folder of generated/: a stack for one account and region. A single-account config has one per stack, named
 * `<stack>` as always; a `targets:` config has `<target>/<region>/<stack>` for a regional stack and
 * `<target>/global/<stack>` for a global one. Plain data, so it can travel with a synthesized stack.
 */
export interface FolderInfo {
  /** The config section (and the stack's id). */
  readonly stack: StackKey;
  /** Path under generated/, with forward slashes. */
  readonly dir: string;
  /** The target's name; undefined for a single-account config. */
  readonly target?: string;
  /** The provider's region (a global folder's is its target's first region). */
  readonly region: string;
  /** `global`: one folder per target (the Datadog role); `regional`: one per target and region. */
  readonly scope: 'global' | 'regional';
  /** The account the folder's provider is bound to (`allowed_account_ids`), when the config names one. */
  readonly accountId?: string;
  /** The role the provider assumes; undefined for the ambient credentials. */
  readonly roleArn?: string;
  /** Where its state lives: the S3 key, the HCP workspace, or the local state file under generated/. */
  readonly backendKey: string;
}

/** A folder and the config view its stack is built from. */
export interface Folder extends FolderInfo {
  readonly config: StackwrightConfig;
}

/** Which folders a command works on. Every list narrows; absent or empty means all. */
export interface FolderFilter {
  /** Stack sections (`--stack`). */
  readonly only?: readonly string[];
  /** Target names (`--target`). */
  readonly targets?: readonly string[];
  /** Regions (`--region`); a global folder counts as being in its target's first region. */
  readonly regions?: readonly string[];
}

const GLOBAL_DIR = 'global';

/** The folders of a config, narrowed by `filter`, in a fixed order: by target name, global first, region, stack. */
export function configFolders(config: ConfigFile, filter: FolderFilter = {}): Folder[] {
  const all = hasTargets(config) ? targetFolders(config) : singleAccountFolders(config);
  checkFilter(config, all, filter);
  const pick = (list: readonly string[] | undefined, value: string | undefined) =>
    !list || list.length === 0 || (value !== undefined && list.includes(value));
  return all.filter(
    (f) => pick(filter.only, f.stack) && pick(filter.targets, f.target) && pick(filter.regions, f.region),
  );
}

function singleAccountFolders(config: StackwrightConfig): Folder[] {
  return configuredStacks(config.stacks).map((stack) => ({
    stack,
    dir: stack,
    region: config.aws.region,
    scope: scopeOf(stack),
    accountId: config.aws.accountId,
    backendKey: backendLocation(config.backend, stack),
    config,
  }));
}

function targetFolders(config: Exclude<ConfigFile, StackwrightConfig>): Folder[] {
  const { targets, stacks: _shared, ...common } = config;
  const byName = [...targets].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return byName.flatMap((t) => {
    const keys = configuredStacks(t.stacks);
    const global = keys.filter((k) => scopeOf(k) === 'global').map((k) => folderOf(common, t, k, undefined));
    const regional = [...t.regions]
      .sort()
      .flatMap((r) => keys.filter((k) => scopeOf(k) === 'regional').map((k) => folderOf(common, t, k, r)));
    return [...global, ...regional];
  });
}

function folderOf(
  common: Omit<StackwrightConfig, 'aws' | 'stacks' | 'folder'>,
  t: Target,
  stack: StackKey,
  region: string | undefined,
): Folder {
  const dir = `${t.name}/${region ?? GLOBAL_DIR}/${stack}`;
  const home = region ?? t.regions[0]!;
  const config: StackwrightConfig = {
    ...common,
    // IAM names are account-wide: a regional folder's resources carry the region, so two regions never collide.
    name: region === undefined ? common.name : `${common.name}-${regionCode(region)}`,
    aws: { region: home, partition: t.partition, accountId: t.accountId, assumeRoleArn: t.roleArn },
    stacks: t.stacks,
    folder: { target: t.name, region, regions: t.regions, dir },
  };
  return {
    stack,
    dir,
    target: t.name,
    region: home,
    scope: scopeOf(stack),
    accountId: t.accountId,
    roleArn: t.roleArn,
    backendKey: backendLocation(common.backend, dir),
    config,
  };
}

const DIRECTIONS: Readonly<Record<string, string>> = {
  east: 'e',
  west: 'w',
  north: 'n',
  south: 's',
  central: 'c',
  northeast: 'ne',
  northwest: 'nw',
  southeast: 'se',
  southwest: 'sw',
  gov: 'g',
};

/**
 * A short, stable code of a region for resource names: `us-east-1` -> `use1`, `ap-southeast-2` -> `apse2`,
 * `us-gov-west-1` -> `usgw1`. At most 5 characters, and distinct, for every region Stackwright generates for.
 */
export function regionCode(region: string): string {
  const [area = '', ...rest] = region.split('-');
  return area + rest.map((p) => (/^\d+$/.test(p) ? p : (DIRECTIONS[p] ?? p.charAt(0)))).join('');
}

/** The sections present, in synth order (the registry's). */
function configuredStacks(stacks: StackwrightConfig['stacks']): StackKey[] {
  return (Object.keys(stackDefinitions) as StackKey[]).filter((k) => stacks[k] !== undefined);
}

function scopeOf(stack: StackKey): 'global' | 'regional' {
  return stackDefinitions[stack].scope ?? 'regional';
}

/** `--stack`, `--target` and `--region` must name something the config has: bad input (exit 2) otherwise. */
function checkFilter(config: ConfigFile, all: readonly Folder[], filter: FolderFilter): void {
  const known = (values: (string | undefined)[]) => [...new Set(values.filter((v) => v !== undefined))].sort();
  const stacks = (Object.keys(stackDefinitions) as string[]).filter((k) => all.some((f) => f.stack === k));
  const checks: [string, readonly string[] | undefined, string[], string][] = [
    ['--stack', filter.only, stacks, 'not a stack of this config'],
    ['--target', filter.targets, known(all.map((f) => f.target)), 'not a target of this config'],
    ['--region', filter.regions, known(all.map((f) => f.region)), 'not a region of this config'],
  ];
  const problems = checks.flatMap(([flag, given, allowed, message]) =>
    (given ?? [])
      .filter((v) => !allowed.includes(v))
      .map((v) => ({
        file: flag,
        path: v,
        message,
        allowed:
          allowed.join(', ') ||
          (flag === '--target' && !hasTargets(config) ? 'none: the config has no targets:' : 'none configured'),
      })),
  );
  if (problems.length > 0) throw new InputError(problems);
}
