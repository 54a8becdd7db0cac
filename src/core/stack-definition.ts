import type { Construct } from 'constructs';
import type { StackKey, StackwrightConfig, StacksConfig } from '../config/schema';
import type { StackwrightStack } from './stackwright-stack';

/**
 * How one config section becomes one stack. stacks/index.ts lists them; the synth pipeline builds a stack for each
 * section present in the config and skips the rest.
 */
export interface StackDefinition<K extends StackKey = StackKey> {
  /** The config section under `stacks:` and the stack's folder name in generated/. */
  readonly key: K;
  /** One line for `stackwright list`: fixed, or said of the configured section (what it selects). */
  readonly summary: string | ((section: NonNullable<StacksConfig[K]>) => string);
  build(
    scope: Construct,
    config: StackwrightConfig,
    section: NonNullable<StacksConfig[K]>,
    context: StackContext,
  ): StackwrightStack;
}

/** Where synth writes the stacks unless told otherwise. */
export const DEFAULT_OUT_DIR = 'generated';

/** What a stack's build knows besides the config. */
export interface StackContext {
  /** The folder synth writes into (a stack's own folder is `<outDir>/<key>`), for text that names the stack's folder. */
  readonly outDir: string;
}

/** The stack's `list` line for the configured section. */
export function summaryOf<K extends StackKey>(def: StackDefinition<K>, section: NonNullable<StacksConfig[K]>): string {
  return typeof def.summary === 'function' ? def.summary(section) : def.summary;
}

export function defineStack<K extends StackKey>(def: StackDefinition<K>): StackDefinition<K> {
  return def;
}
