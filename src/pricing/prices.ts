/**
 * us-east-1 list prices (USD, on-demand, free tiers ignored) that the README cost estimates use, except EC2 instances,
 * which come per region from the instance-type table (src/aws/instance-types.ts). Each names the AWS
 * pricing page it belongs to, the page the figure was actually read from (the AWS pages render their tables with
 * scripts, so several figures were read from pages quoting them), and the date it was read. `confirmed: false`
 * marks a figure no source at hand could confirm: the READMEs flag every line that uses one.
 */
export interface Price {
  readonly usd: number;
  /** What one `usd` buys, e.g. `hour`, `GB-month`, `million requests`. */
  readonly per: string;
  readonly what: string;
  /** The AWS pricing page the price belongs to. */
  readonly source: string;
  /** Where the figure was read (the AWS page itself, or a page quoting it). */
  readonly readFrom: string;
  /** ISO date the figure was read. */
  readonly read: string;
  readonly confirmed: boolean;
}

const READ = '2026-11-30';
const VPC = 'https://aws.amazon.com/vpc/pricing/';
const CLOUDWATCH = 'https://aws.amazon.com/cloudwatch/pricing/';
const LAMBDA = 'https://aws.amazon.com/lambda/pricing/';
const FARGATE = 'https://aws.amazon.com/fargate/pricing/';
const DYNAMODB = 'https://aws.amazon.com/dynamodb/pricing/on-demand/';

const price = (usd: number, per: string, what: string, source: string, readFrom: string, confirmed = true): Price => ({
  usd,
  per,
  what,
  source,
  readFrom,
  read: READ,
  confirmed,
});

export const PRICES = {
  'ebs.gp3': price(
    0.08,
    'GB-month',
    'EBS gp3 volume storage',
    'https://aws.amazon.com/ebs/pricing/',
    'not confirmed: no source at hand quotes the us-east-1 rate',
    false,
  ),
  'nat.hour': price(
    0.045,
    'NAT gateway-hour',
    'NAT gateway',
    VPC,
    'https://github.com/chime/terraform-aws-alternat (quotes the VPC pricing page)',
  ),
  'nat.gb': price(
    0.045,
    'GB processed',
    'NAT gateway data processing',
    VPC,
    'https://github.com/chime/terraform-aws-alternat (quotes the VPC pricing page)',
  ),
  'ipv4.hour': price(
    0.005,
    'address-hour',
    'public IPv4 address (in use or idle), since 2024-02-01',
    VPC,
    'https://www.doit.com/aws-public-ipv4-price-increase-the-complete-guide/',
  ),
  'alb.hour': price(
    0.0225,
    'ALB-hour',
    'Application Load Balancer',
    'https://aws.amazon.com/elasticloadbalancing/pricing/',
    'https://cloud-horizons.com/blog/alb-the-line-item-nobody-watches/',
  ),
  'alb.lcu': price(
    0.008,
    'LCU-hour',
    'Application Load Balancer capacity unit',
    'https://aws.amazon.com/elasticloadbalancing/pricing/',
    'https://cloud-horizons.com/blog/alb-the-line-item-nobody-watches/',
  ),
  'endpoint.azHour': price(
    0.01,
    'endpoint-AZ-hour',
    'interface VPC endpoint, per AZ',
    'https://aws.amazon.com/privatelink/pricing/',
    'not confirmed: the PrivateLink page at hand shows only the per-GB tiers',
    false,
  ),
  'endpoint.gb': price(
    0.01,
    'GB processed',
    'interface VPC endpoint data processing (first PB)',
    'https://aws.amazon.com/privatelink/pricing/',
    'https://aws.amazon.com/privatelink/pricing/ (mirror)',
  ),
  'fargate.x86.vcpu': price(
    0.04048,
    'vCPU-hour',
    'Fargate Linux/x86 vCPU',
    FARGATE,
    'https://www.vantage.sh/blog/fargate-pricing',
  ),
  'fargate.x86.gb': price(
    0.004445,
    'GB-hour',
    'Fargate Linux/x86 memory',
    FARGATE,
    'https://www.vantage.sh/blog/fargate-pricing',
  ),
  'fargate.arm.vcpu': price(
    0.03238,
    'vCPU-hour',
    'Fargate Linux/ARM vCPU',
    FARGATE,
    'https://www.vantage.sh/blog/fargate-pricing',
  ),
  'fargate.arm.gb': price(
    0.00356,
    'GB-hour',
    'Fargate Linux/ARM memory',
    FARGATE,
    'https://www.vantage.sh/blog/fargate-pricing',
  ),
  'cw.alarm': price(
    0.1,
    'alarm-month',
    'CloudWatch metric alarm, standard resolution',
    CLOUDWATCH,
    'https://c3x.dev/resources/aws/aws_cloudwatch_metric_alarm',
  ),
  'cw.metric': price(
    0.3,
    'metric-month',
    'CloudWatch custom metric (first 10,000); Container Insights metrics bill as custom metrics',
    CLOUDWATCH,
    'https://www.vantage.sh/blog/cloudwatch-metrics-pricing-explained-in-plain-english',
  ),
  'logs.ingest': price(
    0.5,
    'GB ingested',
    'CloudWatch Logs standard ingestion (also vended logs such as VPC flow logs, first 10 TB)',
    CLOUDWATCH,
    'https://c3x.dev/blog/cloudwatch-logs-cost-optimization',
  ),
  'logs.store': price(
    0.03,
    'GB-month',
    'CloudWatch Logs storage',
    CLOUDWATCH,
    'https://c3x.dev/blog/cloudwatch-logs-cost-optimization',
  ),
  'lambda.requests': price(
    0.2,
    'million requests',
    'Lambda requests',
    LAMBDA,
    'https://git.mcrn.ar/mariano/lambda_local_runner/src/branch/main/docs/lambdas-md/lambda-13-cost.md',
  ),
  'lambda.x86': price(
    0.0000166667,
    'GB-second',
    'Lambda duration, x86_64',
    LAMBDA,
    'https://cloudchipr.com/blog/aws-lambda-pricing',
  ),
  'lambda.arm': price(
    0.0000133334,
    'GB-second',
    'Lambda duration, arm64',
    LAMBDA,
    'https://cloudchipr.com/blog/aws-lambda-pricing',
  ),
  'dynamodb.wru': price(
    0.625,
    'million write request units',
    'DynamoDB on-demand writes (after the November 2024 cut)',
    DYNAMODB,
    'https://airbyte.com/data-engineering-resources/dynamodb-pricing',
  ),
  'dynamodb.storage': price(
    0.25,
    'GB-month',
    'DynamoDB table storage (standard class)',
    DYNAMODB,
    'not confirmed: no source at hand quotes it',
    false,
  ),
  'dynamodb.pitr': price(
    0.2,
    'GB-month',
    'DynamoDB continuous backups (point-in-time recovery)',
    DYNAMODB,
    'not confirmed: no source at hand quotes it',
    false,
  ),
  'sqs.requests': price(
    0.4,
    'million requests',
    'SQS standard queue requests',
    'https://aws.amazon.com/sqs/pricing/',
    'https://cloudburn.io/blog/amazon-sqs-pricing',
  ),
  'sqs.fifo.requests': price(
    0.5,
    'million requests',
    'SQS FIFO queue requests',
    'https://aws.amazon.com/sqs/pricing/',
    'https://cloudburn.io/blog/amazon-sqs-pricing',
  ),
  'events.aws': price(
    0,
    'event',
    'EventBridge: events from AWS services on the default bus',
    'https://aws.amazon.com/eventbridge/pricing/',
    'https://www.factualminds.com/blog/amazon-eventbridge-pricing-events-pipes-schema-archive/',
  ),
  's3.storage': price(
    0.023,
    'GB-month',
    'S3 Standard storage (first 50 TB)',
    'https://aws.amazon.com/s3/pricing/',
    'not confirmed: the pricing page renders its table with scripts and no page at hand quoted the figure',
    false,
  ),
  'ecr.storage': price(
    0.1,
    'GB-month',
    'ECR private repository storage',
    'https://aws.amazon.com/ecr/pricing/',
    'https://cloudburn.io/blog/amazon-ecr-pricing',
  ),
  'kms.key': price(
    1,
    'key-month',
    'KMS customer managed key',
    'https://aws.amazon.com/kms/pricing/',
    'not confirmed: no source at hand quotes it',
    false,
  ),
} as const satisfies Record<string, Price>;

export type PriceId = keyof typeof PRICES;
