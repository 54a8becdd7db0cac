import type { ReadmeSection } from '../../core/stackwright-stack';
import { estimateMonthlyCost, POST_SCALE, PRICES } from './cost-estimate';
import type { DesiredCountReconcilerProps } from './props';
import { RECONCILER_SETTINGS, reconcilerNames } from './reconciler-settings';
import { IDLE_POLLERS, queueMonthlyCost, SQS_FIFO_PER_MILLION_REQUESTS } from './queue-cost';
import { PRICES as LIST_PRICES } from '../../pricing/prices';

/** The reconciler's alarms (./alarms.ts): dead letters, failed messages, errors. */
const ALARMS = 3;

const usd = (n: number) => `$${n.toFixed(2)}`;
/** A unit price as printed: cents for whole-cent prices, all significant digits otherwise. */
const price = (n: number) => (Math.abs(Math.round(n * 100) - n * 100) < 1e-9 ? usd(n) : `$${n}`);

/** The stack README's section on the reconciler: what it manages, its rule, function and DLQ, and what it costs. */
export function reconcilerReadmeSection(props: DesiredCountReconcilerProps): ReadmeSection {
  const names = reconcilerNames(props.stack);
  const s = RECONCILER_SETTINGS;
  const a = { ...POST_SCALE, logRetentionDays: props.logRetentionDays ?? 30 };
  const cost = estimateMonthlyCost(a);
  const queue = queueMonthlyCost(cost.invocations); // one invocation an event at most: events <= invocations
  const alarms = ALARMS * LIST_PRICES['cw.alarm'].usd;

  const managed = props.managed.map(
    (c) => `| \`${c.clusterName}\` | ${c.serviceNames.map((n) => `\`${n}\``).join(', ')} |`,
  );
  const body = [
    'Each managed service runs one task per host: its desired count is set to the number of ACTIVE container instances',
    'of its cluster (DRAINING hosts cannot take a task) whenever a container instance changes state.',
    '',
    ...(props.dryRun ? ['**Dry run is on**: the function logs the changes it would make and makes none.', ''] : []),
    '| cluster | managed services |',
    '|---|---|',
    ...managed,
    '',
    `- **Rule** \`${names.rule}\` (default event bus): source \`aws.ecs\`, detail-type \`ECS Container Instance State Change\`,`,
    '  `detail.clusterArn` one of the managed clusters. It sends each event to the FIFO queue ' +
      `\`${names.queue}\` in one message group; delivery retries: ${s.ruleRetryAttempts} attempts ` +
      `within ${s.ruleMaxEventAgeSeconds / 60} minutes, then the DLQ.`,
    `- **Queue** \`${names.queue}\` (SQS FIFO, SSE-SQS, TLS only, content-based deduplication, visibility ${s.visibilityTimeoutSeconds} s):`,
    '  Lambda reads it through an event source mapping, up to ' +
      `${s.batchSize} messages a batch. A batch that fails stays in the queue and blocks its group, so nothing overtakes`,
    `  it; after ${s.maxReceiveCount} receives its messages move to \`${names.failedQueue}\` (FIFO, kept 14 days).`,
    `- **Function** \`${names.function}\`: ${s.runtime}, arm64, ${s.memorySize} MB, ${s.timeoutSeconds} s timeout, no reserved concurrency.`,
    '  Per batch, for each managed cluster named in it (once, however many of its events the batch holds):',
    '  DescribeServices (10 services a call) and ListContainerInstances (ACTIVE, 100 a page), plus UpdateService for each',
    '  service out of sync: 2 calls when in sync. Settings in its environment: `MANAGED_SERVICES` (JSON, cluster name ->',
    `  service names) and \`DRY_RUN\`. Structured JSON logs in \`/aws/lambda/${names.function}\` (${a.logRetentionDays} days).`,
    `- **Dead-letter queue** \`${names.deadLetterQueue}\` (SSE-SQS encrypted, TLS only, messages kept 14 days): events`,
    '  EventBridge could not deliver to the queue.',
    '  A message there or in the failed queue means a service may be at the wrong count: read it, fix the cause (often',
    '  IAM or throttling), and let the next instance event correct the count (every invocation reads the current',
    '  state, so replays are safe).',
    `- **Alarms** (CloudWatch, 5-minute periods, no data is not a breach): \`${names.function}-dead-letters\` and`,
    `  \`${names.function}-failed-messages\` when a message is visible in either dead-letter queue (SQS`,
    `  \`ApproximateNumberOfMessagesVisible\`), \`${names.function}-errors\` when an invocation fails (Lambda \`Errors\`).`,
    (props.alarmActions ?? []).length > 0
      ? `  They notify ${(props.alarmActions ?? []).map((a) => `\`${a}\``).join(', ')} (config \`reconciler.alarmActions\`).`
      : '  They notify nobody until `reconciler.alarmActions` names where to (an SNS topic ARN, for example).',
    '- **Permissions**: ListContainerInstances on the managed clusters; DescribeServices and UpdateService on the managed',
    "  services' ARNs only; its own log group; receive, delete and change visibility of its own queue's messages.",
    '  Nothing on `*`.',
    '',
    '**Why a FIFO queue and no reserved concurrency.** Two invocations at once could each count the hosts, then write',
    'their counts in the wrong order. Reserved concurrency 1 prevented that, but it cannot be applied on an account',
    "still at Lambda's new-account concurrency quota of 10 (AWS keeps 100 unreserved). For a FIFO queue, AWS documents",
    'that concurrent invocations are capped at the number of message groups, and that a failing batch is retried',
    'before any later message of its group is delivered. With one message group, invocations never overlap, whatever',
    'the account quota, and an event that arrives while one runs waits in the queue and is handled after it, reading',
    'the state again (so no final re-check is needed). This holds for invocations through the queue only: a direct',
    "invocation (`aws lambda invoke`, the console's Test button) bypasses the queue and can overlap one of them, so",
    'invoke it directly only when the queue is idle. No event is lost on the way: delivery failures go to the DLQ,',
    'processing failures are retried and then kept in the failed queue. Each invocation computes the count from the',
    'current state, so duplicates and replays are harmless. The price: Lambda long-polls the queue even when it is',
    'idle, which the cost table below counts.',
    '',
    `**Monthly cost at the post's scale: about ${usd(cost.total + queue.cost + alarms)}** for the reconciler alone (the post: "under $2/month");`,
    'the whole stack, instances and NAT gateway included, is priced under "Estimated cost". Assumptions:',
    `${a.clusters} clusters of ${a.hostsPerCluster} hosts, ${a.eventsPerHostPerHour} instance events per host an hour`,
    `(${Math.round(cost.invocations).toLocaleString('en-US')} invocations a month), ` +
      `${a.averageDurationMs} ms billed per invocation at ${a.memoryMb} MB on arm64,`,
    `${a.logBytesPerInvocation} bytes of logs per invocation kept ${a.logRetentionDays} days; us-east-1 list prices, free tiers ignored.`,
    '',
    '| item | price | per month |',
    '|---|---|---|',
    `| Lambda requests | ${price(PRICES.lambdaPerMillionRequests)} per million | ${usd(cost.requests)} |`,
    `| Lambda compute | ${price(PRICES.lambdaArm64PerGbSecond)} per GB-second (arm64) | ${usd(cost.compute)} |`,
    `| CloudWatch Logs ingestion | ${price(PRICES.logsIngestionPerGb)} per GB | ${usd(cost.logIngestion)} |`,
    `| CloudWatch Logs storage | ${price(PRICES.logsStoragePerGbMonth)} per GB-month | ${usd(cost.logStorage)} |`,
    '| EventBridge | events from AWS services on the default bus are free | $0.00 |',
    `| SQS FIFO requests (${(queue.requests / 1e6).toFixed(2)} million: 3 per event, and ` +
      `${IDLE_POLLERS} idle pollers' 20 s long polls) | ${price(SQS_FIFO_PER_MILLION_REQUESTS)} per ` +
      `million | ${usd(queue.cost)} |`,
    `| CloudWatch alarms (${ALARMS}, standard resolution) | ${price(LIST_PRICES['cw.alarm'].usd)} per alarm-month | ${usd(alarms)} |`,
    '| ECS API calls, dead-letter queues (only failures) | free / cents | $0.00 |',
  ];
  return { heading: 'Desired-count reconciler', body: body.join('\n') };
}
