import { idleGapSequenceMs, DEFAULT_IDLE_GAP_PLAN } from '../keepalive/schedule';
import { POST_SCALE } from '../ecs/reconciler/cost-estimate';
import { queueMonthlyCost } from '../ecs/reconciler/queue-cost';
import { hostPlans } from './hosts';
import { resourcesOf, type TerraformResources } from './terraform-json';
import { BASE_USAGE, HOURS_PER_MONTH, TABLE_GB, type UsageAssumptions } from './usage';

/**
 * What each stack is assumed to do in a month, read from its synthesized Terraform alone (so a pull request's review
 * can price generated/ folders without their config). The README prints `notes`: only those about resources the
 * stack has.
 */

/** Instance state-change events per host and hour that invoke the ECS reconciler (agent reconnects, task churn). */
export const RECONCILER_EVENTS_PER_HOST_HOUR = 10;
/** Keep-alive benchmark runs a month: each one steady run (30 calls) and one idle-gap sweep per function. */
export const KEEPALIVE_RUNS_PER_MONTH = 10;
const STEADY_CALLS = 30;

const has = (json: TerraformResources, type: string) => resourcesOf(json, type).length > 0;
const interfaceEndpoints = (json: TerraformResources) =>
  resourcesOf(json, 'aws_vpc_endpoint').some((e) => e.attrs.vpc_endpoint_type === 'Interface');
const insightsOn = (json: TerraformResources) =>
  resourcesOf(json, 'aws_ecs_cluster').some((c) =>
    /"containerInsights","value":"enabled"/.test(JSON.stringify(c.attrs.setting ?? [])),
  );

/** The region the stack's AWS provider deploys to. */
export function regionOf(json: TerraformResources, fallback = 'us-east-1'): string {
  const provider = (json as { provider?: { aws?: { region?: unknown }[] } }).provider?.aws?.[0];
  return typeof provider?.region === 'string' ? provider.region : fallback;
}

/** Notes shared by the always-on stacks: each only when the stack has what it is about. */
function commonNotes(json: TerraformResources, usage: Omit<UsageAssumptions, 'notes'>): string[] {
  const notes: string[] = [];
  if (has(json, 'aws_nat_gateway')) notes.push(`each NAT gateway processes ${usage.natGbPerMonth} GB a month`);
  if (interfaceEndpoints(json)) notes.push(`${usage.endpointGbPerMonth} GB a month through each interface endpoint`);
  if (has(json, 'aws_flow_log')) notes.push(`each VPC writes ${usage.flowLogGbPerMonth} GB of flow logs a month`);
  if (has(json, 'aws_cloudwatch_log_group'))
    notes.push(`every other log group takes ${usage.logGbPerGroupMonth} GB a month unless a line says otherwise`);
  return notes;
}

function ecsUsage(json: TerraformResources): UsageAssumptions {
  const plans = hostPlans(json);
  const hosts = plans.reduce((n, p) => n + p.hosts, 0);
  const reconciler = resourcesOf(json, 'aws_lambda_function').some((f) =>
    String(f.attrs.function_name).includes('reconciler'),
  );
  const invocations = reconciler ? hosts * RECONCILER_EVENTS_PER_HOST_HOUR * HOURS_PER_MONTH : 0;
  const reconcilerLogGb = (invocations * POST_SCALE.logBytesPerInvocation) / 1024 ** 3;
  const notes: string[] = [];
  if (plans.length > 0) {
    const raised = plans.flatMap((p) => p.reasons.map((r) => `${r} (the group starts at ${p.startSize})`));
    notes.push(
      `instances: each group at its desired (else minimum) size all month, or more where its cluster's services ` +
        `need more: ${hosts} host(s) in all${raised.length > 0 ? `; ${raised.join('; ')}` : ''}`,
    );
  }
  if (reconciler)
    notes.push(
      `the reconciler runs ${RECONCILER_EVENTS_PER_HOST_HOUR} times per host and hour ` +
        `(${invocations.toLocaleString('en-US')} invocations), ${BASE_USAGE.lambdaDurationMs} ` +
        `ms and ${POST_SCALE.logBytesPerInvocation} bytes of logs each; its event queue ` +
        `carries 3 SQS requests per event plus Lambda's idle long polls; its dead-letter ` +
        `and failed queues stay empty`,
    );
  notes.push(...commonNotes(json, BASE_USAGE));
  if (insightsOn(json))
    notes.push(
      `Container Insights: about ${BASE_USAGE.insightsMetricsPerCluster} metrics per ` +
        `cluster and ${BASE_USAGE.insightsMetricsPerService} per service (not confirmed; ` +
        `its performance log events are not estimated)`,
    );
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
    notes,
  };
}

function sidecarUsage(json: TerraformResources): UsageAssumptions {
  const usage = { ...BASE_USAGE, logGbPerGroupMonth: 0.1, albLcuHoursPerMonth: 10 };
  const notes = [
    'a benchmark: the hourly figure is what it costs while deployed; the monthly one if it is left running',
  ];
  if (has(json, 'aws_ecs_service')) notes.push('every task at its desired count');
  if (has(json, 'aws_lb')) notes.push(`${usage.albLcuHoursPerMonth} LCU-hours of benchmark traffic`);
  if (has(json, 'aws_ecr_repository')) notes.push(`each image ${usage.imageGb} GB compressed in ECR`);
  if (has(json, 'aws_s3_bucket')) notes.push(`${usage.accessLogGbStored} GB of access logs kept in each log bucket`);
  return { ...usage, notes: [...notes, ...commonNotes(json, usage)] };
}

function keepaliveUsage(json: TerraformResources): UsageAssumptions {
  const callsPerRun = STEADY_CALLS + idleGapSequenceMs(DEFAULT_IDLE_GAP_PLAN).length;
  const invocations = KEEPALIVE_RUNS_PER_MONTH * callsPerRun;
  const functions = resourcesOf(json, 'aws_lambda_function').length;
  return {
    ...BASE_USAGE,
    logGbPerGroupMonth: 0.01,
    lambdaDurationMs: 50,
    invocationsPerFunction: () => invocations,
    tableWritesPerMonth: invocations * functions,
    notes: [
      'a benchmark with nothing billed by the hour: it costs (almost) nothing while idle',
      `${KEEPALIVE_RUNS_PER_MONTH} runs a month, each ${STEADY_CALLS} steady calls ` +
        `plus one idle-gap sweep (${callsPerRun - STEADY_CALLS} calls) per function: ` +
        `${invocations} invocations of 50 ms each, one 1 KB item written per call, ${TABLE_GB} ` +
        `GB held (items expire)`,
      `each log group 0.01 GB a month`,
    ],
  };
}

/** The usage a stack (by its generated/ folder name) is assumed to have; notes start with the pricing basis. */
export function usageFor(stack: string, json: TerraformResources): UsageAssumptions {
  const base = `${HOURS_PER_MONTH} hours a month for anything billed by the hour; on-demand list prices, no free tier, no data transfer out`;
  const withBase = (u: UsageAssumptions): UsageAssumptions => ({ ...u, notes: [base, ...u.notes] });
  if (stack === 'ecs') return withBase(ecsUsage(json));
  if (stack === 'sidecar') return withBase(sidecarUsage(json));
  if (stack === 'keepalive') return withBase(keepaliveUsage(json));
  if (stack === 'datadog')
    return withBase({
      ...BASE_USAGE,
      notes: [
        "Datadog's own charges follow your Datadog plan; its CloudWatch API calls (GetMetricData, " +
          'billed to this account per metric requested) depend on how many metrics it ' +
          'collects and are not estimated',
      ],
    });
  return withBase({ ...BASE_USAGE, notes: commonNotes(json, BASE_USAGE) });
}
