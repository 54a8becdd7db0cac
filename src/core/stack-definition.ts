import type { Construct } from 'constructs';
import type { StackKey, StackwrightConfig, StacksConfig } from '../config/schema';
import type { ConfigIssue } from './config-issue';
import type { StackwrightStack } from './stackwright-stack';

/** The parsed config section of the stack with key K. */
export type StackSection<K extends StackKey> = NonNullable<StacksConfig[K]>;

/**
 * How one config section becomes one stack. stacks/index.ts lists them; the synth pipeline builds a stack for each
 * section present in the config and skips the rest.
 */
export interface StackDefinition<K extends StackKey = StackKey> {
  /** The config section under `stacks:` and the stack's folder name in generated/. */
  readonly key: K;
  /** One line for `stackwright list`; a function of the section when what the stack holds depends on it. */
  readonly summary: string | ((section: StackSection<K>) => string);
  /**
   * Settings that work, but not as well as they could, or grant access nothing uses: the CLI prints them as
   * warnings when it reads the config, never fatal. Paths are relative to the section.
   * @default none
   */
  warnings?(section: StackSection<K>): readonly ConfigIssue[];
  /**
   * `global`: one folder per target of a `targets:` config (account-wide resources such as IAM roles), built in the
   * target's first region and told all of its regions; `regional`: one folder per target and region.
   * @default 'regional'
   */
  readonly scope?: 'global' | 'regional';
  build(scope: Construct, config: StackwrightConfig, section: StackSection<K>): StackwrightStack;
}

/** Where synth writes the stacks unless told otherwise. */
export const DEFAULT_OUT_DIR = 'generated';

export function defineStack<K extends StackKey>(def: StackDefinition<K>): StackDefinition<K> {
  return def;
}

/** The definition's `list` line for its section. */
export function stackSummary<K extends StackKey>(def: StackDefinition<K>, section: StackSection<K>): string {
  return typeof def.summary === 'string' ? def.summary : def.summary(section);
}
