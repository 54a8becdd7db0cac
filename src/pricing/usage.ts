/**
 * Usage the cost estimates assume where the Terraform cannot say (traffic, log volume, invocations). Every figure
 * here is printed in the README next to the estimate it feeds.
 */
export interface UsageAssumptions {
  /** Hours a month for anything billed while it exists (AWS's pricing examples use 730). */
  readonly hoursPerMonth: number;
  /** Data processed by each NAT gateway a month: image pulls, package updates, logs (GB). */
  readonly natGbPerMonth: number;
  /** Data processed by each interface endpoint a month (GB). */
  readonly endpointGbPerMonth: number;
  /** Load balancer capacity units used a month (LCU-hours): benchmark runs only. */
  readonly albLcuHoursPerMonth: number;
  /** Log volume written to each log group a month (GB), except VPC flow-log groups. */
  readonly logGbPerGroupMonth: number;
  /** A better figure for particular groups (by name), e.g. a function's from its invocations. */
  readonly logGbForGroup?: (groupName: string) => number | undefined;
  /** VPC flow-log records written a month per VPC (GB). */
  readonly flowLogGbPerMonth: number;
  /** Container Insights metrics per cluster and per service (not confirmed: count depends on AWS's metric set). */
  readonly insightsMetricsPerCluster: number;
  readonly insightsMetricsPerService: number;
  /** Compressed size of each image pushed to ECR (GB). */
  readonly imageGb: number;
  /** Load balancer access logs kept in each log bucket (GB, after the bucket's expiry): benchmark runs only. */
  readonly accessLogGbStored: number;
  /** Invocations a month of each Lambda function, by the function's name (default for others). */
  readonly invocationsPerFunction: (functionName: string) => number;
  /** Billed duration of one invocation (ms). */
  readonly lambdaDurationMs: number;
  /** Items written to each DynamoDB table a month (1 KB or less: one write request unit each). */
  readonly tableWritesPerMonth: number;
  /** Requests a month to each SQS queue (a dead-letter queue sees only failures). */
  readonly sqsRequestsPerMonth: number;
  /** A better figure for particular queues (by name), e.g. the reconciler's event queue from its events. */
  readonly sqsRequestsForQueue?: (queueName: string) => number | undefined;
  /** A sentence per assumption for the README, in the order above. */
  readonly notes: readonly string[];
}

export const HOURS_PER_MONTH = 730;

/** Defaults for an always-on stack; benchmark stacks override them in ./stack-usage.ts. */
export const BASE_USAGE: Omit<UsageAssumptions, 'notes'> = {
  hoursPerMonth: HOURS_PER_MONTH,
  natGbPerMonth: 10,
  endpointGbPerMonth: 5,
  albLcuHoursPerMonth: 10,
  logGbPerGroupMonth: 0.5,
  flowLogGbPerMonth: 1,
  insightsMetricsPerCluster: 10,
  insightsMetricsPerService: 10,
  imageGb: 0.2,
  accessLogGbStored: 1,
  invocationsPerFunction: () => 0,
  lambdaDurationMs: 150,
  tableWritesPerMonth: 0,
  sqsRequestsPerMonth: 0,
};

/** Storage each DynamoDB table holds (GB): the benchmark's items expire within a day. */
export const TABLE_GB = 0.01;
