import type { StackKey } from '../src/config/schema';
import type { StackDefinition } from '../src/core/stack-definition';

/**
 * Every stack Stackwright can synthesize, keyed by its config section. Order is synth order. Each is loaded on first
 * use, so a config (or a test) that names one stack loads only that stack's constructs and provider bindings.
 */
export const stackDefinitions: { readonly [K in StackKey]: StackDefinition<K> } = {
  get datadog() {
    return (require('./datadog') as typeof import('./datadog')).datadogStack;
  },
  get ecs() {
    return (require('./ecs') as typeof import('./ecs')).ecsStack;
  },
  get sidecar() {
    return (require('./sidecar') as typeof import('./sidecar')).sidecarStack;
  },
  get keepalive() {
    return (require('./keepalive') as typeof import('./keepalive')).keepaliveStack;
  },
};
