import * as z from 'zod/mini';
import { parseEvent } from './event';
import { reconcile, type ReconcileResult, type ReconcilerDeps } from './reconcile';

/** The part of an SQS event (from the Lambda event source mapping) the function reads. */
const sqsEvent = z.object({
  Records: z
    .array(z.object({ messageId: z.string(), body: z.string(), eventSource: z.literal('aws:sqs') }))
    .check(z.minLength(1)),
});

export type MessagesResult =
  | ReconcileResult
  | { readonly outcome: 'batch'; readonly messages: number; readonly results: readonly ReconcileResult[] };

/**
 * Handles one batch of the FIFO queue: each message is an EventBridge event. The batch is reconciled once per
 * cluster it names (with that cluster's last event), because reconciling reads the cluster's current state: a
 * second pass over the same cluster would find the same hosts. Events of unmanaged clusters, unrelated or malformed
 * events are logged and dropped (retrying cannot fix them). An ECS error fails the whole batch: SQS makes it visible
 * again and the FIFO group waits for it, so no later event overtakes it. Anything else (an event invoked directly,
 * as in a test console) is reconciled as one event.
 */
export async function reconcileMessages(input: unknown, deps: ReconcilerDeps): Promise<MessagesResult> {
  const batch = sqsEvent.safeParse(input);
  if (!batch.success) return reconcile(input, deps);
  const results: ReconcileResult[] = [];
  const lastByCluster = new Map<string, unknown>();
  for (const record of batch.data.Records) {
    let event: unknown;
    try {
      event = JSON.parse(record.body);
    } catch {
      deps.logger.warn('Ignored a queue message that is not JSON', { messageId: record.messageId });
      results.push({ outcome: 'ignored', reason: 'malformed' });
      continue;
    }
    const parsed = parseEvent(event);
    if (parsed.kind === 'instance-state-change') lastByCluster.set(parsed.event.clusterArn, event);
    else results.push(await reconcile(event, deps)); // logs why it is ignored
  }
  for (const event of lastByCluster.values()) results.push(await reconcile(event, deps));
  return { outcome: 'batch', messages: batch.data.Records.length, results };
}
