import { hostPlan } from './hosts';
import type { PriceId } from './prices';
import {
  labelOf,
  num,
  refersTo,
  resolveRef,
  resourcesOf,
  type Attributes,
  type Resource,
  type TerraformResources,
} from './terraform-json';
import { TABLE_GB, type UsageAssumptions } from './usage';

/** One billed quantity of one resource. */
export interface CostLine {
  readonly resourceType: string;
  readonly resource: string;
  readonly item: string;
  /** The price, from ./prices.ts (us-east-1 figures). */
  readonly priceId?: PriceId;
  /** Priced per instance-hour from the instance-type table, in the stack's region. */
  readonly instanceType?: string;
  /** Units of the price a month. */
  readonly monthly: number;
  /** Units of the price per hour the resource exists: only for things billed by the hour. */
  readonly hourly?: number;
}

interface Ctx {
  readonly json: TerraformResources;
  readonly usage: UsageAssumptions;
}

type Estimator = (r: Resource, ctx: Ctx) => CostLine[];

/** Every resource type a stack may emit: billed (with how), or free (with why). A new type forces a decision. */
export type Billing =
  | { readonly billable: false; readonly why: string }
  | { readonly billable: true; readonly prices: readonly PriceId[]; readonly estimate: Estimator };

const free = (why: string): Billing => ({ billable: false, why });
const billed = (prices: readonly PriceId[], estimate: Estimator): Billing => ({ billable: true, prices, estimate });

const line = (r: Resource, item: string, priceId: PriceId | undefined, monthly: number, hourly?: number): CostLine => ({
  resourceType: r.type,
  resource: labelOf(r),
  item,
  priceId,
  monthly,
  hourly,
});
/** A line with neither a price id nor an instance type is billable but unpriced: the estimate names it. */
const perHour = (r: Resource, item: string, priceId: PriceId | undefined, count: number, ctx: Ctx) =>
  line(r, item, priceId, count * ctx.usage.hoursPerMonth, count);

const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const first = (v: unknown): Attributes => ((Array.isArray(v) ? v[0] : v) ?? {}) as Attributes;

function instances(r: Resource, ctx: Ctx): CostLine[] {
  const plan = hostPlan(ctx.json, r);
  const n = plan.hosts;
  const type = plan.instanceType;
  const template = resolveRef(ctx.json, first(r.attrs.launch_template).id);
  const gib = num(first(first(template?.attrs.block_device_mappings).ebs).volume_size, 30);
  const why = plan.reasons.length > 0 ? 'as placement needs' : 'desired, else minimum size';
  return [
    { ...perHour(r, `${n} x ${type} (${why})`, undefined, n, ctx), instanceType: type },
    line(r, `${n} x ${gib} GiB gp3 root volume`, 'ebs.gp3', n * gib, (n * gib) / ctx.usage.hoursPerMonth),
  ];
}

function fargateService(r: Resource, ctx: Ctx): CostLine[] {
  if (r.attrs.launch_type !== 'FARGATE') return [];
  const task = resolveRef(ctx.json, r.attrs.task_definition)?.attrs ?? {};
  const tasks = num(r.attrs.desired_count, 0);
  const vcpu = num(task.cpu, 0) / 1024;
  const gb = num(task.memory, 0) / 1024;
  const arm = first(task.runtime_platform).cpu_architecture === 'ARM64';
  const lines = [
    perHour(
      r,
      `${tasks} task(s) x ${vcpu} vCPU (${arm ? 'ARM' : 'x86'})`,
      arm ? 'fargate.arm.vcpu' : 'fargate.x86.vcpu',
      tasks * vcpu,
      ctx,
    ),
    perHour(r, `${tasks} task(s) x ${gb} GB`, arm ? 'fargate.arm.gb' : 'fargate.x86.gb', tasks * gb, ctx),
  ];
  if (first(r.attrs.network_configuration).assign_public_ip === true)
    lines.push(perHour(r, `${tasks} task public IPv4 address(es)`, 'ipv4.hour', tasks, ctx));
  return lines;
}

function containerInsights(r: Resource, ctx: Ctx): CostLine[] {
  const mode = arr(r.attrs.setting)
    .map(first)
    .find((s) => s.name === 'containerInsights')?.value;
  if (mode !== 'enabled' && mode !== 'enhanced') return [];
  if (mode === 'enhanced')
    return [line(r, 'Container Insights (enhanced): billed per observation, not estimated', undefined, 0)];
  const services = resourcesOf(ctx.json, 'aws_ecs_service').filter((s) => refersTo(s.attrs.cluster, r)).length;
  const metrics = ctx.usage.insightsMetricsPerCluster + services * ctx.usage.insightsMetricsPerService;
  return [
    line(
      r,
      `Container Insights: ~${metrics} metrics (1 cluster, ${services} services)`,
      'cw.metric',
      metrics,
      metrics / ctx.usage.hoursPerMonth,
    ),
  ];
}

function logGroup(r: Resource, ctx: Ctx): CostLine[] {
  const flow = resourcesOf(ctx.json, 'aws_flow_log').some((f) => refersTo(f.attrs.log_destination, r));
  const gb = flow
    ? ctx.usage.flowLogGbPerMonth
    : (ctx.usage.logGbForGroup?.(typeof r.attrs.name === 'string' ? r.attrs.name : '') ?? ctx.usage.logGbPerGroupMonth);
  const days = num(r.attrs.retention_in_days, 0);
  // Held at steady state: `days` worth of the monthly volume (never-expiring groups: the first month's).
  const held = days > 0 ? (gb * days) / 30 : gb;
  const lines = [line(r, `storage: ${+held.toFixed(3)} GB held (${days || 'no'} day retention)`, 'logs.store', held)];
  // Flow-log ingestion is billed on the flow log itself.
  if (!flow) lines.unshift(line(r, `ingestion: ${+gb.toFixed(3)} GB`, 'logs.ingest', gb));
  return lines;
}

function lambdaFunction(r: Resource, ctx: Ctx): CostLine[] {
  const calls = ctx.usage.invocationsPerFunction(
    typeof r.attrs.function_name === 'string' ? r.attrs.function_name : '',
  );
  const gbSeconds = calls * (ctx.usage.lambdaDurationMs / 1000) * (num(r.attrs.memory_size, 128) / 1024);
  const arm = arr(r.attrs.architectures).includes('arm64');
  return [
    line(r, `${calls.toLocaleString('en-US')} invocations`, 'lambda.requests', calls / 1e6),
    line(
      r,
      `${Math.round(gbSeconds).toLocaleString('en-US')} GB-s (${ctx.usage.lambdaDurationMs} ms at ${num(r.attrs.memory_size, 128)} MB)`,
      arm ? 'lambda.arm' : 'lambda.x86',
      gbSeconds,
    ),
  ];
}

function dynamodbTable(r: Resource, ctx: Ctx): CostLine[] {
  const writes = ctx.usage.tableWritesPerMonth;
  const lines = [
    line(
      r,
      `${writes.toLocaleString('en-US')} writes (on-demand)`,
      r.attrs.billing_mode === 'PAY_PER_REQUEST' ? 'dynamodb.wru' : undefined,
      writes / 1e6,
    ),
    line(r, `storage: ${TABLE_GB} GB`, 'dynamodb.storage', TABLE_GB),
  ];
  if (first(r.attrs.point_in_time_recovery).enabled === true)
    lines.push(line(r, `point-in-time recovery: ${TABLE_GB} GB`, 'dynamodb.pitr', TABLE_GB));
  return lines;
}

function ecrRepository(r: Resource, ctx: Ctx): CostLine[] {
  // A pushed image names its local build (docker_image), whose name is the repository URL and tag.
  const pushesTo = (i: Resource) =>
    refersTo(i.attrs.name, r) || refersTo(resolveRef(ctx.json, i.attrs.name)?.attrs.name, r);
  const images = resourcesOf(ctx.json, 'docker_registry_image').filter(pushesTo).length;
  return [line(r, `${images} image(s) x ${ctx.usage.imageGb} GB`, 'ecr.storage', images * ctx.usage.imageGb)];
}

export const RESOURCE_BILLING: Readonly<Record<string, Billing>> = {
  aws_autoscaling_group: billed(['ebs.gp3'], instances),
  aws_nat_gateway: billed(['nat.hour', 'nat.gb'], (r, ctx) => [
    perHour(r, 'NAT gateway', 'nat.hour', 1, ctx),
    line(r, `${ctx.usage.natGbPerMonth} GB processed`, 'nat.gb', ctx.usage.natGbPerMonth),
  ]),
  aws_eip: billed(['ipv4.hour'], (r, ctx) => [perHour(r, 'public IPv4 address', 'ipv4.hour', 1, ctx)]),
  aws_lb: billed(['alb.hour', 'alb.lcu', 'ipv4.hour'], (r, ctx) => [
    perHour(r, 'load balancer', 'alb.hour', 1, ctx),
    line(r, `${ctx.usage.albLcuHoursPerMonth} LCU-hours`, 'alb.lcu', ctx.usage.albLcuHoursPerMonth),
    ...(r.attrs.internal === true
      ? []
      : [
          perHour(
            r,
            `${arr(r.attrs.subnets).length} public IPv4 address(es), one per AZ`,
            'ipv4.hour',
            arr(r.attrs.subnets).length,
            ctx,
          ),
        ]),
  ]),
  aws_vpc_endpoint: billed(['endpoint.azHour', 'endpoint.gb'], (r, ctx) =>
    r.attrs.vpc_endpoint_type !== 'Interface'
      ? [] // Gateway endpoints (S3, DynamoDB) are free.
      : [
          perHour(
            r,
            `interface endpoint in ${arr(r.attrs.subnet_ids).length} AZ(s)`,
            'endpoint.azHour',
            arr(r.attrs.subnet_ids).length,
            ctx,
          ),
          line(r, `${ctx.usage.endpointGbPerMonth} GB processed`, 'endpoint.gb', ctx.usage.endpointGbPerMonth),
        ],
  ),
  aws_ecs_service: billed(
    ['fargate.x86.vcpu', 'fargate.x86.gb', 'fargate.arm.vcpu', 'fargate.arm.gb', 'ipv4.hour'],
    fargateService,
  ),
  aws_ecs_cluster: billed(['cw.metric'], containerInsights),
  aws_flow_log: billed(['logs.ingest'], (r, ctx) => [
    line(
      r,
      `${ctx.usage.flowLogGbPerMonth} GB of flow records (vended logs)`,
      'logs.ingest',
      ctx.usage.flowLogGbPerMonth,
    ),
  ]),
  aws_cloudwatch_log_group: billed(['logs.ingest', 'logs.store'], logGroup),
  aws_lambda_function: billed(['lambda.requests', 'lambda.x86', 'lambda.arm'], lambdaFunction),
  aws_dynamodb_table: billed(['dynamodb.wru', 'dynamodb.storage', 'dynamodb.pitr'], dynamodbTable),
  aws_sqs_queue: billed(['sqs.requests', 'sqs.fifo.requests'], (r, ctx) => {
    const requests = ctx.usage.sqsRequestsForQueue?.(String(r.attrs.name)) ?? ctx.usage.sqsRequestsPerMonth;
    const fifo = r.attrs.fifo_queue === true;
    return [
      line(
        r,
        `${Math.round(requests).toLocaleString('en-US')} ${fifo ? 'FIFO ' : ''}requests`,
        fifo ? 'sqs.fifo.requests' : 'sqs.requests',
        requests / 1e6,
      ),
    ];
  }),
  aws_cloudwatch_event_rule: billed(['events.aws'], (r) => [
    line(r, 'events from AWS services on the default bus', 'events.aws', 0),
  ]),
  aws_ecr_repository: billed(['ecr.storage'], ecrRepository),
  aws_s3_bucket: billed(['s3.storage'], (r, ctx) => [
    line(r, `${ctx.usage.accessLogGbStored} GB of access logs stored`, 's3.storage', ctx.usage.accessLogGbStored),
  ]),
  aws_cloudwatch_metric_alarm: billed(['cw.alarm'], (r) => [line(r, 'metric alarm', 'cw.alarm', 1, 1 / 730)]),
  aws_kms_key: billed(['kms.key'], (r) => [line(r, 'customer managed key', 'kms.key', 1, 1 / 730)]),

  aws_vpc: free('no charge for the VPC itself'),
  aws_subnet: free('no charge'),
  aws_route_table: free('no charge'),
  aws_route: free('no charge'),
  aws_route_table_association: free('no charge'),
  aws_internet_gateway: free('no charge (data transfer is billed, not the gateway)'),
  aws_default_security_group: free('no charge'),
  aws_security_group: free('no charge'),
  aws_vpc_security_group_ingress_rule: free('no charge'),
  aws_vpc_security_group_egress_rule: free('no charge'),
  aws_iam_role: free('IAM is free'),
  aws_iam_role_policy: free('IAM is free'),
  aws_iam_policy: free('IAM is free'),
  aws_iam_role_policy_attachment: free('IAM is free'),
  aws_iam_instance_profile: free('IAM is free'),
  aws_launch_template: free('no charge: the instances it launches are billed on the Auto Scaling group'),
  aws_ecs_task_definition: free('no charge: tasks are billed as Fargate or on their instances'),
  aws_ecs_capacity_provider: free('no charge: the instances are billed on the Auto Scaling group'),
  aws_ecs_cluster_capacity_providers: free('no charge'),
  aws_lambda_permission: free('no charge'),
  aws_lambda_function_event_invoke_config: free('no charge'),
  aws_lambda_function_url: free('no extra charge: calls bill as Lambda requests and duration'),
  aws_cloudwatch_event_target: free('no charge: delivery of AWS service events is included'),
  aws_sqs_queue_policy: free('no charge'),
  aws_lb_listener: free('no charge: included in the load balancer hour and LCUs'),
  aws_lb_listener_rule: free('no charge: rule evaluations count in LCUs'),
  aws_lb_target_group: free('no charge'),
  aws_ecr_lifecycle_policy: free('no charge'),
  aws_s3_bucket_lifecycle_configuration: free('no charge for expiring objects in S3 Standard'),
  aws_s3_bucket_ownership_controls: free('no charge'),
  aws_s3_bucket_policy: free('no charge'),
  aws_s3_bucket_public_access_block: free('no charge'),
  aws_s3_bucket_server_side_encryption_configuration: free('no charge: SSE-S3 is included'),
  aws_kms_alias: free('no charge: the key is billed'),
  aws_lambda_alias: free('no charge'),
  aws_lambda_event_source_mapping: free(
    'no charge: the polling requests bill on the queue, the invocations on the function',
  ),
  aws_sqs_queue_redrive_policy: free('no charge'),
  aws_sqs_queue_redrive_allow_policy: free('no charge'),
  aws_autoscaling_lifecycle_hook: free('no charge'),
  aws_appautoscaling_target: free('no charge'),
  aws_appautoscaling_policy: free('no charge: the alarms it creates are billed as CloudWatch alarms'),
  aws_autoscaling_policy: free(
    'no charge: the alarms a target-tracking policy creates are billed as CloudWatch alarms',
  ),
  docker_image: free('built on the machine running Terraform; nothing in AWS'),
  docker_registry_image: free('the push itself is free; storage is billed on the ECR repository'),
  datadog_integration_aws_account: free('billed by Datadog under your Datadog plan, not by AWS'),
  datadog_integration_aws_external_id: free('billed by Datadog under your Datadog plan, not by AWS'),
};
