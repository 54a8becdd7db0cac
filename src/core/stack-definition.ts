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
  /** One line for `stackwright list`. */
  readonly summary: string;
  build(scope: Construct, config: StackwrightConfig, section: NonNullable<StacksConfig[K]>): StackwrightStack;
}

export function defineStack<K extends StackKey>(def: StackDefinition<K>): StackDefinition<K> {
  return def;
}
