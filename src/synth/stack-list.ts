import type { StackwrightConfig } from '../config/schema';
import { stackDefinitions } from '../../stacks';
import { stackSummary, type StackDefinition } from '../core/stack-definition';
import { buildStacks } from './synthesize';

/** One line of `stackwright list`: a stack the config yields, its block counts and what it is. */
export interface StackListRow {
  readonly stack: string;
  readonly resources: number;
  readonly dataSources: number;
  readonly summary: string;
}

type Blocks = Record<string, object> | undefined;

/** The stacks a config yields, in synth order, with their resource and data source counts. */
export function listStacks(config: StackwrightConfig): StackListRow[] {
  return buildStacks(config).map((stack) => {
    const json = stack.toTerraform() as { resource?: Blocks; data?: Blocks };
    const key = stack.node.id as keyof typeof stackDefinitions;
    return {
      stack: stack.node.id,
      resources: countBlocks(json.resource),
      dataSources: countBlocks(json.data),
      summary: stackSummary(stackDefinitions[key] as StackDefinition, config.stacks[key] as never),
    };
  });
}

function countBlocks(blocks: Blocks): number {
  return Object.values(blocks ?? {}).reduce((n, r) => n + Object.keys(r).length, 0);
}
