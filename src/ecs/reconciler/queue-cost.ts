import { PRICES } from '../../pricing/prices';
/**
 * What the FIFO queue between the rule and the function adds to the reconciler's monthly cost. Lambda long-polls an
 * SQS event source even when it is empty: AWS's "Configuring scaling behavior for SQS event source mappings" says
 * it keeps five concurrent pollers at low traffic and can go down to two; a long poll waits up to 20 seconds.
 * Price: Amazon SQS FIFO requests from the committed price table (src/pricing/prices.ts); free tier (1 million
 * requests a month) ignored, as in the rest of the estimate.
 */
export const SQS_FIFO_PER_MILLION_REQUESTS = PRICES['sqs.fifo.requests'].usd;
/** The upper end of the idle pollers AWS documents. */
export const IDLE_POLLERS = 5;
const LONG_POLL_SECONDS = 20;
const SECONDS_PER_MONTH = 730 * 3600;

export interface QueueCost {
  readonly requests: number;
  readonly cost: number;
}

/**
 * SQS requests a month: per event one SendMessage (EventBridge), one ReceiveMessage and one DeleteMessage (at worst
 * one event a batch), plus the idle pollers' empty receives.
 */
export function queueMonthlyCost(eventsPerMonth: number): QueueCost {
  const requests = 3 * eventsPerMonth + (IDLE_POLLERS * SECONDS_PER_MONTH) / LONG_POLL_SECONDS;
  return { requests, cost: (requests / 1e6) * SQS_FIFO_PER_MILLION_REQUESTS };
}
