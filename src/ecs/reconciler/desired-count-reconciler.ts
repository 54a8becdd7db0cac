import { Construct } from 'constructs';
import { Token } from 'cdktf';
import { CloudwatchEventRule } from '@cdktf/provider-aws/lib/cloudwatch-event-rule';
import { CloudwatchEventTarget } from '@cdktf/provider-aws/lib/cloudwatch-event-target';
import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { DataAwsCallerIdentity } from '@cdktf/provider-aws/lib/data-aws-caller-identity';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { LambdaFunction } from '@cdktf/provider-aws/lib/lambda-function';
import { LambdaFunctionEventInvokeConfig } from '@cdktf/provider-aws/lib/lambda-function-event-invoke-config';
import { LambdaPermission } from '@cdktf/provider-aws/lib/lambda-permission';
import { SqsQueue } from '@cdktf/provider-aws/lib/sqs-queue';
import { SqsQueuePolicy } from '@cdktf/provider-aws/lib/sqs-queue-policy';
import type { StackwrightStack } from '../../core/stackwright-stack';
import { logRetentionDays } from '../../config/common';
import { InputError } from '../../core/errors';
import { policySize, serviceTrustPolicy } from '../../iam/policy-document';
import { bundleNodeHandler } from '../../lambda/bundle';
import { addLambdaZip } from '../../lambda/lambda-zip';
import { reconcilerEnvironment } from './handler/settings';
import {
  deadLetterQueuePolicy,
  ecsServiceArn,
  INLINE_POLICIES_MAX_CHARS,
  instanceStateChangePattern,
  reconcilerRolePolicy,
} from './reconciler-policies';
import { RECONCILER_SETTINGS, reconcilerNames } from './reconciler-settings';

export { reconcilerReadmeSection } from './readme';

/** One ECS cluster and the services in it whose desired count follows its number of ACTIVE container instances. */
export interface ManagedCluster {
  /** The cluster's name, literal (it is part of the managed services' ARNs and of the function's environment). */
  readonly clusterName: string;
  /** The cluster's ARN; may be a Terraform reference such as `aws_ecs_cluster.x.arn`. */
  readonly clusterArn: string;
  /** Names of the REPLICA services (with distinctInstance) to keep at one task per ACTIVE host. Literal. */
  readonly serviceNames: readonly string[];
}

export interface DesiredCountReconcilerProps {
  /** The stack: the zip is written into its folder and resource names come from its environment name. */
  readonly stack: StackwrightStack;
  /** The clusters and services the reconciler manages; nothing else is touched or even readable. */
  readonly managed: readonly ManagedCluster[];
  /**
   * Log the changes the function would make, without calling UpdateService.
   * @default false
   */
  readonly dryRun?: boolean;
  /**
   * Retention of the function's log group, in days (a value CloudWatch Logs accepts).
   * @default 30
   */
  readonly logRetentionDays?: number;
  /** The AWS partition, e.g. `aws`; every ARN uses it. */
  readonly partition: string;
  /** The region of the clusters and of the function. */
  readonly region: string;
  /**
   * The account of the clusters, for the services' ARNs in the role policy (a literal or a Terraform reference).
   * @default the account of the provider's credentials, from a `aws_caller_identity` data source
   */
  readonly accountId?: string;
}

/**
 * The desired-count reconciler: an EventBridge rule for "ECS Container Instance State Change" events of the managed
 * clusters, a Lambda function (one at a time: reserved concurrency 1) that sets each managed service's desired
 * count to the number of ACTIVE container instances, and an encrypted dead-letter queue for events that could not
 * be delivered or whose invocation still failed after Lambda's retries.
 */
export class DesiredCountReconciler extends Construct {
  public readonly function: LambdaFunction;
  public readonly role: IamRole;
  public readonly rolePolicy: IamRolePolicy;
  public readonly logGroup: CloudwatchLogGroup;
  public readonly rule: CloudwatchEventRule;
  public readonly target: CloudwatchEventTarget;
  public readonly permission: LambdaPermission;
  public readonly deadLetterQueue: SqsQueue;
  public readonly deadLetterQueuePolicy: SqsQueuePolicy;
  public readonly invokeConfig: LambdaFunctionEventInvokeConfig;

  constructor(scope: Construct, id: string, props: DesiredCountReconcilerProps) {
    super(scope, id);
    validateProps(props);
    const { stack, managed, partition, region } = props;
    const names = reconcilerNames(stack);
    const s = RECONCILER_SETTINGS;
    const accountId = props.accountId ?? new DataAwsCallerIdentity(this, 'caller').accountId;
    const clusterArns = managed.map((c) => c.clusterArn);
    const serviceArns = managed.flatMap((c) => c.serviceNames.map((n) => ecsServiceArn(partition, region, accountId, c.clusterName, n)));
    checkPolicySize(props, names);

    this.deadLetterQueue = new SqsQueue(this, 'dead-letters', {
      name: names.deadLetterQueue,
      sqsManagedSseEnabled: true,
      messageRetentionSeconds: s.deadLetterRetentionSeconds,
    });
    this.logGroup = new CloudwatchLogGroup(this, 'logs', {
      name: `/aws/lambda/${names.function}`,
      retentionInDays: props.logRetentionDays ?? 30,
    });
    this.role = new IamRole(this, 'role', {
      name: names.role,
      description: `Execution role of ${names.function} (Stackwright ECS desired-count reconciler)`,
      assumeRolePolicy: serviceTrustPolicy('lambda.amazonaws.com'),
    });
    this.rolePolicy = new IamRolePolicy(this, 'policy', {
      name: 'reconcile-managed-services',
      role: this.role.id,
      policy: reconcilerRolePolicy({ clusterArns, serviceArns, logGroupArn: this.logGroup.arn, deadLetterQueueArn: this.deadLetterQueue.arn }),
    });

    const code = addLambdaZip(stack, names.zip, [{ path: 'index.js', contents: reconcilerBundle() }]);
    this.function = new LambdaFunction(this, 'function', {
      functionName: names.function,
      description: 'Sets the desired count of one-task-per-host ECS services to the number of ACTIVE container instances',
      runtime: s.runtime,
      architectures: ['arm64'],
      handler: 'index.handler',
      filename: code.filename,
      sourceCodeHash: code.sourceCodeHash,
      memorySize: s.memorySize,
      timeout: s.timeoutSeconds,
      // One invocation at a time: two concurrent ones could read the same count and race on UpdateService.
      reservedConcurrentExecutions: 1,
      role: this.role.arn,
      environment: { variables: reconcilerEnvironment(new Map(managed.map((c) => [c.clusterName, c.serviceNames])), props.dryRun ?? false) },
      loggingConfig: { logFormat: 'JSON', logGroup: this.logGroup.name, applicationLogLevel: 'INFO', systemLogLevel: 'INFO' },
      // The log group and the permissions must exist before the first invocation.
      dependsOn: [this.logGroup, this.rolePolicy],
    });
    // EventBridge invokes Lambda asynchronously: a failed invocation is retried by Lambda, then sent here.
    this.invokeConfig = new LambdaFunctionEventInvokeConfig(this, 'async', {
      functionName: this.function.functionName,
      maximumRetryAttempts: s.lambdaRetryAttempts,
      maximumEventAgeInSeconds: s.lambdaMaxEventAgeSeconds,
      destinationConfig: { onFailure: { destination: this.deadLetterQueue.arn } },
      dependsOn: [this.rolePolicy],
    });

    this.rule = new CloudwatchEventRule(this, 'rule', {
      name: names.rule,
      description: 'ECS container instance state changes of the clusters whose services the reconciler manages',
      eventPattern: JSON.stringify(instanceStateChangePattern(clusterArns)),
      state: 'ENABLED',
    });
    this.deadLetterQueuePolicy = new SqsQueuePolicy(this, 'dead-letters-policy', {
      queueUrl: this.deadLetterQueue.url,
      policy: deadLetterQueuePolicy(this.deadLetterQueue.arn, this.rule.arn),
    });
    this.permission = new LambdaPermission(this, 'invoke', {
      statementId: 'AllowInvokeFromInstanceStateChangeRule',
      action: 'lambda:InvokeFunction',
      functionName: this.function.functionName,
      principal: 'events.amazonaws.com',
      sourceArn: this.rule.arn,
    });
    this.target = new CloudwatchEventTarget(this, 'target', {
      rule: this.rule.name,
      targetId: 'reconciler',
      arn: this.function.arn,
      retryPolicy: { maximumRetryAttempts: s.ruleRetryAttempts, maximumEventAgeInSeconds: s.ruleMaxEventAgeSeconds },
      deadLetterConfig: { arn: this.deadLetterQueue.arn },
      dependsOn: [this.permission, this.deadLetterQueuePolicy],
    });
  }
}

let bundled: string | undefined;
/** The handler is the same for every stack of a run: bundle it once per process. */
function reconcilerBundle(): string {
  bundled ??= bundleNodeHandler({ entry: 'src/ecs/reconciler/handler/index.ts' });
  return bundled;
}

const NAME = /^[A-Za-z0-9_-]{1,255}$/;

function validateProps(props: DesiredCountReconcilerProps): void {
  if (props.managed.length === 0) throw new Error('DesiredCountReconciler: managed lists no cluster; leave the reconciler out when no service is reconciled');
  const seen = new Set<string>();
  for (const c of props.managed) {
    if (Token.isUnresolved(c.clusterName) || !NAME.test(c.clusterName)) {
      throw new Error(`DesiredCountReconciler: clusterName '${c.clusterName}' must be a literal ECS cluster name (letters, digits, '-' and '_')`);
    }
    if (seen.has(c.clusterName)) throw new Error(`DesiredCountReconciler: cluster '${c.clusterName}' is listed twice in managed; merge its services`);
    seen.add(c.clusterName);
    if (c.serviceNames.length === 0) throw new Error(`DesiredCountReconciler: cluster '${c.clusterName}' lists no service; leave it out of managed`);
    if (new Set(c.serviceNames).size !== c.serviceNames.length) {
      throw new Error(`DesiredCountReconciler: cluster '${c.clusterName}' lists a service twice in serviceNames`);
    }
    for (const n of c.serviceNames) {
      if (Token.isUnresolved(n) || !NAME.test(n)) {
        throw new Error(`DesiredCountReconciler: service name '${n}' in cluster '${c.clusterName}' must be a literal ECS service name (letters, digits, '-' and '_')`);
      }
    }
  }
  const retention = props.logRetentionDays ?? 30;
  if (!(logRetentionDays as readonly number[]).includes(retention)) {
    throw new Error(`DesiredCountReconciler: logRetentionDays ${retention} is not accepted by CloudWatch Logs; use one of ${logRetentionDays.join(', ')}`);
  }
}

/** The role's one inline policy must fit IAM's limit once Terraform has filled in the account and ARNs. */
function checkPolicySize(props: DesiredCountReconcilerProps, names: ReturnType<typeof reconcilerNames>): void {
  const { partition, region } = props;
  const account = '123456789012';
  const policy = reconcilerRolePolicy({
    clusterArns: props.managed.map((c) => `arn:${partition}:ecs:${region}:${account}:cluster/${c.clusterName}`),
    serviceArns: props.managed.flatMap((c) => c.serviceNames.map((n) => ecsServiceArn(partition, region, account, c.clusterName, n))),
    logGroupArn: `arn:${partition}:logs:${region}:${account}:log-group:/aws/lambda/${names.function}`,
    deadLetterQueueArn: `arn:${partition}:sqs:${region}:${account}:${names.deadLetterQueue}`,
  });
  const size = policySize(policy);
  if (size > INLINE_POLICIES_MAX_CHARS) {
    const services = props.managed.reduce((n, c) => n + c.serviceNames.length, 0);
    // Reachable with a schema-valid config (many or long service names): the user's input, not a bug.
    throw InputError.atConfigPath(
      'stacks.ecs.clusters',
      `the reconciler's role policy for ${services} managed services would be ${size} characters, over IAM's ${INLINE_POLICIES_MAX_CHARS}`,
      'reconcile fewer services (or shorter cluster and service names) per environment',
    );
  }
}
