import { defineStack } from '../src/core/stack-definition';
import { StackwrightStack } from '../src/core/stackwright-stack';

/** Placeholder until its issue lands: an empty stack. */
export const sidecarStack = defineStack({
  key: 'sidecar',
  summary: '(not yet implemented)',
  build: (scope, config) => new StackwrightStack(scope, 'sidecar', { config, description: 'Not yet implemented.' }),
});
