import type { StackwrightStack } from '../../core/stackwright-stack';

/** Fixed settings of the reconciler function, its rule and its queue; the README states them too. */
export const RECONCILER_SETTINGS = {
  /** Node.js 24 runs the bundle (built for node22); the newest runtime the provider (6.25) accepts. */
  runtime: 'nodejs24.x',
  /** Two or three ECS calls per event: the smallest size is plenty. */
  memorySize: 128,
  /** Covers the SDK's retries with back-off on a throttled ECS API. */
  timeoutSeconds: 30,
  /** EventBridge's retries when it cannot invoke the function (the function failing is not one of these). */
  ruleRetryAttempts: 10,
  ruleMaxEventAgeSeconds: 3600,
  /** Lambda's retries of a failed asynchronous invocation before it goes to the dead-letter queue. */
  lambdaRetryAttempts: 2,
  /** Older events are stale anyway: each invocation reads the cluster's current state. */
  lambdaMaxEventAgeSeconds: 3600,
  /** SQS's maximum: two weeks to look at what failed. */
  deadLetterRetentionSeconds: 14 * 24 * 3600,
} as const;

export interface ReconcilerNames {
  readonly function: string;
  readonly role: string;
  readonly rule: string;
  readonly deadLetterQueue: string;
  /** The zip is `assets/<zip>.zip` in the stack folder. */
  readonly zip: string;
}

/** Resource names, from the environment name (at most 24 characters, so every name fits its limit). */
export function reconcilerNames(stack: StackwrightStack): ReconcilerNames {
  const fn = stack.resourceName('ecs-reconciler');
  return { function: fn, role: `${fn}-role`, rule: `${fn}-instance-changes`, deadLetterQueue: `${fn}-dlq`, zip: 'ecs-reconciler' };
}
