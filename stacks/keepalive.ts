import { defineStack } from '../src/core/stack-definition';
import { StackwrightStack } from '../src/core/stackwright-stack';

/** Placeholder until its issue lands: an empty stack. */
export const keepaliveStack = defineStack({
  key: 'keepalive',
  summary: '(not yet implemented)',
  build: (scope, config) => new StackwrightStack(scope, 'keepalive', { config, description: 'Not yet implemented.' }),
});
