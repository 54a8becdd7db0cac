import { PRICES as PRICE_TABLE } from '../../pricing/prices';

/**
 * A monthly cost estimate for the reconciler alone at the post's scale, with every assumption a named input, so the
 * README can state them. Prices: the shared us-east-1 table (src/pricing/prices.ts), free tiers ignored. The whole
 * stack (instances, NAT gateway, Container Insights...) is priced from its Terraform in the README's Estimated cost.
 */
export interface CostAssumptions {
  readonly clusters: number;
  readonly hostsPerCluster: number;
  /** "ECS Container Instance State Change" events per host and hour (agent reconnects, tasks starting/stopping). */
  readonly eventsPerHostPerHour: number;
  /** Billed duration of one invocation, averaged over warm and cold ones. */
  readonly averageDurationMs: number;
  readonly memoryMb: number;
  /** Log bytes ingested per invocation: Lambda's platform lines plus one JSON line per managed service. */
  readonly logBytesPerInvocation: number;
  readonly logRetentionDays: number;
}

export const PRICES = {
  lambdaPerMillionRequests: PRICE_TABLE['lambda.requests'].usd,
  lambdaArm64PerGbSecond: PRICE_TABLE['lambda.arm'].usd,
  logsIngestionPerGb: PRICE_TABLE['logs.ingest'].usd,
  logsStoragePerGbMonth: PRICE_TABLE['logs.store'].usd,
} as const;

/** The post's scale: 10 clusters; the rest are assumptions stated in the README. */
export const POST_SCALE: CostAssumptions = {
  clusters: 10,
  hostsPerCluster: 10,
  eventsPerHostPerHour: 10,
  averageDurationMs: 150,
  memoryMb: 128,
  logBytesPerInvocation: 1500,
  logRetentionDays: 30,
};

const HOURS_PER_MONTH = 730;
const GB = 1024 ** 3;

export interface CostEstimate {
  readonly invocations: number;
  readonly requests: number;
  readonly compute: number;
  readonly logIngestion: number;
  readonly logStorage: number;
  readonly total: number;
}

export function estimateMonthlyCost(a: CostAssumptions): CostEstimate {
  const invocations = a.clusters * a.hostsPerCluster * a.eventsPerHostPerHour * HOURS_PER_MONTH;
  const requests = (invocations / 1e6) * PRICES.lambdaPerMillionRequests;
  const gbSeconds = invocations * (a.averageDurationMs / 1000) * (a.memoryMb / 1024);
  const compute = gbSeconds * PRICES.lambdaArm64PerGbSecond;
  const logGb = (invocations * a.logBytesPerInvocation) / GB;
  const logIngestion = logGb * PRICES.logsIngestionPerGb;
  // At steady state the group holds `retention` days of logs.
  const logStorage = logGb * Math.min(1, a.logRetentionDays / 30) * PRICES.logsStoragePerGbMonth;
  return {
    invocations,
    requests,
    compute,
    logIngestion,
    logStorage,
    total: requests + compute + logIngestion + logStorage,
  };
}
