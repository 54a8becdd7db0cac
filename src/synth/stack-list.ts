import type { ConfigFile } from '../config/config-file';
import { stackDefinitions } from '../../stacks';
import { stackSummary, type StackDefinition } from '../core/stack-definition';
import type { FolderFilter } from './folders';
import { buildFolders } from './synthesize';

/**
 * One line of `stackwright list`: a folder the config yields, its block counts and what it is. With `--json` the
 * rows are a matrix a CI job iterates (one plan per row: its folder, account, role, region and state).
 */
export interface StackListRow {
  readonly stack: string;
  readonly resources: number;
  readonly dataSources: number;
  readonly summary: string;
  /** The folder under generated/ (the stack's name for a single-account config). */
  readonly folder: string;
  /** The target's name; null for a single-account config. */
  readonly target: string | null;
  /** The provider's region (a global folder's is its target's first region). */
  readonly region: string;
  readonly scope: 'global' | 'regional';
  /** The account the folder is bound to; null when the config names none. */
  readonly accountId: string | null;
  /** The role Terraform assumes; null for the ambient credentials. */
  readonly roleArn: string | null;
  /** The S3 key, HCP workspace or local state file of the folder. */
  readonly backendKey: string;
}

type Blocks = Record<string, object> | undefined;

/** The folders a config yields, in synth order, with their resource and data source counts. */
export function listStacks(config: ConfigFile, filter: FolderFilter = {}): StackListRow[] {
  return buildFolders(config, filter).map(({ folder, stack }) => {
    const json = stack.toTerraform() as { resource?: Blocks; data?: Blocks };
    return {
      stack: folder.stack,
      resources: countBlocks(json.resource),
      dataSources: countBlocks(json.data),
      summary: stackSummary(
        stackDefinitions[folder.stack] as StackDefinition,
        folder.config.stacks[folder.stack] as never,
      ),
      folder: folder.dir,
      target: folder.target ?? null,
      region: folder.region,
      scope: folder.scope,
      accountId: folder.accountId ?? null,
      roleArn: folder.roleArn ?? null,
      backendKey: folder.backendKey,
    };
  });
}

function countBlocks(blocks: Blocks): number {
  return Object.values(blocks ?? {}).reduce((n, r) => n + Object.keys(r).length, 0);
}
