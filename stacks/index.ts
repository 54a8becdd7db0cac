import type { StackKey } from '../src/config/schema';
import type { StackDefinition } from '../src/core/stack-definition';
import { datadogStack } from './datadog';
import { ecsStack } from './ecs';
import { sidecarStack } from './sidecar';
import { keepaliveStack } from './keepalive';

/** Every stack Stackwright can synthesize, keyed by its config section. Order is synth order. */
export const stackDefinitions: { readonly [K in StackKey]: StackDefinition<K> } = {
  datadog: datadogStack,
  ecs: ecsStack,
  sidecar: sidecarStack,
  keepalive: keepaliveStack,
};
