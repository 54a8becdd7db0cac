import type { StackwrightStack } from '../../core/stackwright-stack';

/** Fixed settings of the reconciler function, its rule and its queue; the README states them too. */
export const RECONCILER_SETTINGS = {
  /** Node.js 24 runs the bundle (built for node22); the newest runtime the provider (6.25) accepts. */
  runtime: 'nodejs24.x',
  /** Two or three ECS calls per event: the smallest size is plenty. */
  memorySize: 128,
  /** Covers the SDK's retries with back-off on a throttled ECS API. */
  timeoutSeconds: 30,
  /** EventBridge's retries when it cannot deliver an event to the queue. */
  ruleRetryAttempts: 10,
  ruleMaxEventAgeSeconds: 3600,
  /** The one message group of the FIFO queue: Lambda handles its messages one batch at a time, in order. */
  messageGroupId: 'instance-state-changes',
  /** Messages per invocation; each invocation reconciles each cluster named in its batch once. */
  batchSize: 10,
  /** AWS's advice for a Lambda event source: six times the function's timeout. */
  visibilityTimeoutSeconds: 6 * 30,
  /** Receives of a failing batch before its messages move to the failed-messages queue. */
  maxReceiveCount: 5,
  /** A day: an older event is stale anyway (each invocation reads the cluster's current state). */
  queueRetentionSeconds: 24 * 3600,
  /** SQS's maximum: two weeks to look at what failed. */
  deadLetterRetentionSeconds: 14 * 24 * 3600,
} as const;

export interface ReconcilerNames {
  readonly function: string;
  readonly role: string;
  readonly rule: string;
  readonly deadLetterQueue: string;
  /** The FIFO queue between the rule and the function. */
  readonly queue: string;
  /** FIFO queue for messages whose processing failed maxReceiveCount times. */
  readonly failedQueue: string;
  /** The zip is `assets/<zip>.zip` in the stack folder. */
  readonly zip: string;
}

/** Resource names, from the environment name (at most 24 characters, so every name fits its limit). */
export function reconcilerNames(stack: StackwrightStack): ReconcilerNames {
  const fn = stack.resourceName('ecs-reconciler');
  return {
    function: fn,
    role: `${fn}-role`,
    rule: `${fn}-instance-changes`,
    deadLetterQueue: `${fn}-dlq`,
    queue: `${fn}-events.fifo`,
    failedQueue: `${fn}-failed.fifo`,
    zip: 'ecs-reconciler',
  };
}
