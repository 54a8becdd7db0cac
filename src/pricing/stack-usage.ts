import type { StackwrightConfig } from '../config/schema';
import { idleGapSequenceMs, DEFAULT_IDLE_GAP_PLAN } from '../keepalive/schedule';
import { POST_SCALE } from '../ecs/reconciler/cost-estimate';
import { queueMonthlyCost } from '../ecs/reconciler/queue-cost';
import { BASE_USAGE, HOURS_PER_MONTH, TABLE_GB, type UsageAssumptions } from './usage';

/** Instance state-change events per host and hour that invoke the ECS reconciler (agent reconnects, task churn). */
export const RECONCILER_EVENTS_PER_HOST_HOUR = 10;
/** Keep-alive benchmark runs a month: each one steady run (30 calls) and one idle-gap sweep per function. */
export const KEEPALIVE_RUNS_PER_MONTH = 10;
const STEADY_CALLS = 30;

/** What each stack is assumed to do in a month, from its config; the README prints `notes`. */
export function usageFor(stack: string, config: StackwrightConfig): UsageAssumptions {
  const common = [
    `${HOURS_PER_MONTH} hours a month for anything billed by the hour; on-demand us-east-1 list prices, no free tier, no data transfer out`,
  ];
  if (stack === 'ecs' && config.stacks.ecs) {
    const hosts = config.stacks.ecs.clusters.reduce((n, c) => n + (c.capacity.desiredSize ?? c.capacity.minSize), 0);
    const invocations = hosts * RECONCILER_EVENTS_PER_HOST_HOUR * HOURS_PER_MONTH;
    const reconcilerLogGb = (invocations * POST_SCALE.logBytesPerInvocation) / 1024 ** 3;
    return {
      ...BASE_USAGE,
      invocationsPerFunction: (name) => (name.includes('reconciler') ? invocations : 0),
      logGbForGroup: (group) =>
        group.startsWith('/aws/lambda/') && group.includes('reconciler') ? reconcilerLogGb : undefined,
      // The event queue carries every instance event (and Lambda's idle long polls); the failed queue stays empty.
      sqsRequestsForQueue: (queue) =>
        queue.includes('reconciler') && !queue.includes('failed') && queue.endsWith('.fifo')
          ? queueMonthlyCost(invocations).requests
          : undefined,
      notes: [
        ...common,
        `instances: each cluster at its desired (else minimum) size all month: ${hosts} host(s) in all`,
        `the reconciler runs ${RECONCILER_EVENTS_PER_HOST_HOUR} times per host and hour ` +
          `(${invocations.toLocaleString('en-US')} invocations), ${BASE_USAGE.lambdaDurationMs} ` +
          `ms and ${POST_SCALE.logBytesPerInvocation} bytes of logs each; its event queue ` +
          `carries 3 SQS requests per event plus Lambda's idle long polls; its dead-letter ` +
          `and failed queues stay empty`,
        `each NAT gateway processes ${BASE_USAGE.natGbPerMonth} GB a month; each VPC ` +
          `writes ${BASE_USAGE.flowLogGbPerMonth} GB of flow logs; every service log group ` +
          `${BASE_USAGE.logGbPerGroupMonth} GB`,
        `Container Insights: about ${BASE_USAGE.insightsMetricsPerCluster} metrics per ` +
          `cluster and ${BASE_USAGE.insightsMetricsPerService} per service (not confirmed; ` +
          `its performance log events are not estimated)`,
      ],
    };
  }
  if (stack === 'sidecar') {
    const usage = { ...BASE_USAGE, logGbPerGroupMonth: 0.1, albLcuHoursPerMonth: 10 };
    return {
      ...usage,
      notes: [
        ...common,
        'a benchmark: the hourly figure is what it costs while deployed; the monthly one if it is left running',
        `every task at its desired count; ${usage.albLcuHoursPerMonth} LCU-hours of ` +
          `benchmark traffic; ${usage.endpointGbPerMonth} GB through each interface endpoint, ` +
          `${usage.natGbPerMonth} GB through a NAT gateway`,
        `each image ${usage.imageGb} GB compressed in ECR; each log group ${usage.logGbPerGroupMonth} GB a month`,
      ],
    };
  }
  if (stack === 'keepalive' && config.stacks.keepalive) {
    const callsPerRun = STEADY_CALLS + idleGapSequenceMs(DEFAULT_IDLE_GAP_PLAN).length;
    const invocations = KEEPALIVE_RUNS_PER_MONTH * callsPerRun;
    const functions = config.stacks.keepalive.variants.length;
    return {
      ...BASE_USAGE,
      logGbPerGroupMonth: 0.01,
      lambdaDurationMs: 50,
      invocationsPerFunction: () => invocations,
      tableWritesPerMonth: invocations * functions,
      notes: [
        ...common,
        'a benchmark with nothing billed by the hour: it costs (almost) nothing while idle',
        `${KEEPALIVE_RUNS_PER_MONTH} runs a month, each ${STEADY_CALLS} steady calls ` +
          `plus one idle-gap sweep (${callsPerRun - STEADY_CALLS} calls) per function: ` +
          `${invocations} invocations of 50 ms each, one 1 KB item written per call, ${TABLE_GB} ` +
          `GB held (items expire)`,
        `each log group 0.01 GB a month`,
      ],
    };
  }
  if (stack === 'datadog') {
    return {
      ...BASE_USAGE,
      notes: [
        ...common,
        "Datadog's own charges follow your Datadog plan; its CloudWatch API calls (GetMetricData, " +
          'billed to this account per metric requested) depend on how many metrics it ' +
          'collects and are not estimated',
      ],
    };
  }
  return { ...BASE_USAGE, notes: common };
}
