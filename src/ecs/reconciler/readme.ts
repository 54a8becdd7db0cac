import type { ReadmeSection } from '../../core/stackwright-stack';
import { estimateMonthlyCost, POST_SCALE, PRICES } from './cost-estimate';
import type { DesiredCountReconcilerProps } from './desired-count-reconciler';
import { RECONCILER_SETTINGS, reconcilerNames } from './reconciler-settings';

const usd = (n: number) => `$${n.toFixed(2)}`;
/** A unit price as printed: cents for whole-cent prices, all significant digits otherwise. */
const price = (n: number) => (Math.abs(Math.round(n * 100) - n * 100) < 1e-9 ? usd(n) : `$${n}`);

/** The stack README's section on the reconciler: what it manages, its rule, function and DLQ, and what it costs. */
export function reconcilerReadmeSection(props: DesiredCountReconcilerProps): ReadmeSection {
  const names = reconcilerNames(props.stack);
  const s = RECONCILER_SETTINGS;
  const a = { ...POST_SCALE, logRetentionDays: props.logRetentionDays ?? 30 };
  const cost = estimateMonthlyCost(a);
  const managed = props.managed.map((c) => `| \`${c.clusterName}\` | ${c.serviceNames.map((n) => `\`${n}\``).join(', ')} |`);
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
    '  `detail.clusterArn` one of the managed clusters. Target retries: ' +
      `${s.ruleRetryAttempts} attempts within ${s.ruleMaxEventAgeSeconds / 60} minutes, then the DLQ.`,
    `- **Function** \`${names.function}\`: ${s.runtime}, arm64, ${s.memorySize} MB, ${s.timeoutSeconds} s timeout, reserved concurrency 1`,
    '  (one invocation at a time, so bursts cannot race on UpdateService). Per event: DescribeServices (10 services a call)',
    '  and ListContainerInstances (ACTIVE, 100 a page), plus UpdateService for each service out of sync: 2 calls when in',
    '  sync. Settings in its environment: `MANAGED_SERVICES` (JSON, cluster name -> service names) and `DRY_RUN`.',
    `  Structured JSON logs in \`/aws/lambda/${names.function}\` (${a.logRetentionDays} days).`,
    `- **Dead-letter queue** \`${names.deadLetterQueue}\` (SSE-SQS encrypted, TLS only, messages kept 14 days): events`,
    `  EventBridge could not deliver, and invocations that still failed after Lambda's ${s.lambdaRetryAttempts} retries (with the error)`,
    `  or waited longer than ${s.lambdaMaxEventAgeSeconds / 60} minutes for their turn.`,
    '  A message there means a service may be at the wrong count: read it, fix the cause (often IAM or throttling), and',
    '  let the next instance event correct the count (every invocation reads the current state, so replays are safe).',
    '- **Permissions**: ListContainerInstances on the managed clusters; DescribeServices and UpdateService on the managed',
    "  services' ARNs only; its own log group; SendMessage to its DLQ. Nothing on `*`.",
    '- Reserved concurrency needs at least 10 unreserved concurrent executions left in the account: an account still at',
    "  Lambda's initial quota of 10 must request an increase first.",
    '',
    `**Monthly cost at the post's scale: about ${usd(cost.total)}** for the reconciler alone (the post: "under $2/month");`,
    'the whole stack, instances and NAT gateway included, is priced under "Estimated cost". Assumptions:',
    `${a.clusters} clusters of ${a.hostsPerCluster} hosts, ${a.eventsPerHostPerHour} instance events per host an hour`,
    `(${Math.round(cost.invocations).toLocaleString('en-US')} invocations a month), ${a.averageDurationMs} ms billed per invocation at ${a.memoryMb} MB on arm64,`,
    `${a.logBytesPerInvocation} bytes of logs per invocation kept ${a.logRetentionDays} days; us-east-1 list prices, free tiers ignored.`,
    '',
    '| item | price | per month |',
    '|---|---|---|',
    `| Lambda requests | ${price(PRICES.lambdaPerMillionRequests)} per million | ${usd(cost.requests)} |`,
    `| Lambda compute | ${price(PRICES.lambdaArm64PerGbSecond)} per GB-second (arm64) | ${usd(cost.compute)} |`,
    `| CloudWatch Logs ingestion | ${price(PRICES.logsIngestionPerGb)} per GB | ${usd(cost.logIngestion)} |`,
    `| CloudWatch Logs storage | ${price(PRICES.logsStoragePerGbMonth)} per GB-month | ${usd(cost.logStorage)} |`,
    '| EventBridge | events from AWS services on the default bus are free | $0.00 |',
    '| ECS API calls, SQS (only failures) | free / cents | $0.00 |',
  ];
  return { heading: 'Desired-count reconciler', body: body.join('\n') };
}
