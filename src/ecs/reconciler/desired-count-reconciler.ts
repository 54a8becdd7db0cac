import { Construct } from 'constructs';
import { Token } from 'cdktf';
import { CloudwatchEventRule } from '@cdktf/provider-aws/lib/cloudwatch-event-rule';
import { CloudwatchEventTarget } from '@cdktf/provider-aws/lib/cloudwatch-event-target';
import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { DataAwsCallerIdentity } from '@cdktf/provider-aws/lib/data-aws-caller-identity';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { LambdaFunction } from '@cdktf/provider-aws/lib/lambda-function';
import { LambdaEventSourceMapping } from '@cdktf/provider-aws/lib/lambda-event-source-mapping';
import { SqsQueue } from '@cdktf/provider-aws/lib/sqs-queue';
import { SqsQueuePolicy } from '@cdktf/provider-aws/lib/sqs-queue-policy';
import { logRetentionDays } from '../../aws/log-retention';
import { InputError } from '../../core/errors';
import { policySize, serviceTrustPolicy } from '../../iam/policy-document';
import { bundleNodeHandler } from '../../lambda/bundle';
import { addLambdaZip } from '../../lambda/lambda-zip';
import { reconcilerEnvironment } from './handler/settings';
import {
  denyInsecureTransport,
  ecsServiceArn,
  INLINE_POLICIES_MAX_CHARS,
  instanceStateChangePattern,
  reconcilerRolePolicy,
  ruleQueuePolicy,
} from './reconciler-policies';
import { policyJson } from '../../iam/policy-document';
import { RECONCILER_SETTINGS, reconcilerNames } from './reconciler-settings';
import { reconcilerAlarms } from './alarms';
import type { CloudwatchMetricAlarm } from '@cdktf/provider-aws/lib/cloudwatch-metric-alarm';

import type { DesiredCountReconcilerProps } from './props';

export { reconcilerReadmeSection } from './readme';
export type { DesiredCountReconcilerProps, ManagedCluster } from './props';

/**
 * The desired-count reconciler: an EventBridge rule for "ECS Container Instance State Change" events of the managed
 * clusters, which sends them to an SQS FIFO queue in one message group; a Lambda function reading that queue, which
 * sets each managed service's desired count to the number of ACTIVE container instances. Lambda takes one batch of a
 * message group at a time, so invocations never overlap and need no reserved concurrency (which an account at the
 * new-account concurrency quota of 10 cannot grant). Events EventBridge could not deliver go to a standard
 * dead-letter queue; messages whose processing failed five times go to a FIFO failed-messages queue.
 */
export class DesiredCountReconciler extends Construct {
  public readonly function: LambdaFunction;
  public readonly role: IamRole;
  public readonly rolePolicy: IamRolePolicy;
  public readonly logGroup: CloudwatchLogGroup;
  public readonly rule: CloudwatchEventRule;
  public readonly target: CloudwatchEventTarget;
  /** The FIFO queue between the rule and the function. */
  public readonly queue: SqsQueue;
  public readonly queuePolicy: SqsQueuePolicy;
  /** Messages the function failed on maxReceiveCount times. */
  public readonly failedQueue: SqsQueue;
  public readonly eventSource: LambdaEventSourceMapping;
  /** Events EventBridge could not deliver to the queue. */
  public readonly deadLetterQueue: SqsQueue;
  public readonly deadLetterQueuePolicy: SqsQueuePolicy;
  /** Messages in either dead-letter queue, and function errors. */
  public readonly alarms: CloudwatchMetricAlarm[];

  constructor(scope: Construct, id: string, props: DesiredCountReconcilerProps) {
    super(scope, id);
    validateProps(props);
    const { stack, managed, partition, region } = props;
    const names = reconcilerNames(stack);
    const s = RECONCILER_SETTINGS;
    const accountId = props.accountId ?? new DataAwsCallerIdentity(this, 'caller').accountId;
    const clusterArns = managed.map((c) => c.clusterArn);
    const serviceArns = managed.flatMap((c) =>
      c.serviceNames.map((n) => ecsServiceArn(partition, region, accountId, c.clusterName, n)),
    );
    checkPolicySize(props, names);

    this.deadLetterQueue = new SqsQueue(this, 'dead-letters', {
      name: names.deadLetterQueue,
      sqsManagedSseEnabled: true,
      messageRetentionSeconds: s.deadLetterRetentionSeconds,
    });
    this.failedQueue = new SqsQueue(this, 'failed', {
      name: names.failedQueue,
      fifoQueue: true,
      sqsManagedSseEnabled: true,
      messageRetentionSeconds: s.deadLetterRetentionSeconds,
    });
    new SqsQueuePolicy(this, 'failed-policy', {
      queueUrl: this.failedQueue.url,
      policy: policyJson([denyInsecureTransport(this.failedQueue.arn)]),
    });
    this.queue = new SqsQueue(this, 'events', {
      name: names.queue,
      fifoQueue: true,
      // EventBridge sends no deduplication ID; the event (with its unique id) is the content.
      contentBasedDeduplication: true,
      sqsManagedSseEnabled: true,
      visibilityTimeoutSeconds: s.visibilityTimeoutSeconds,
      messageRetentionSeconds: s.queueRetentionSeconds,
      redrivePolicy: JSON.stringify({ deadLetterTargetArn: this.failedQueue.arn, maxReceiveCount: s.maxReceiveCount }),
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
      policy: reconcilerRolePolicy({
        clusterArns,
        serviceArns,
        logGroupArn: this.logGroup.arn,
        queueArn: this.queue.arn,
      }),
    });

    const code = addLambdaZip(stack, names.zip, [{ path: 'index.js', contents: reconcilerBundle() }]);
    this.function = new LambdaFunction(this, 'function', {
      functionName: names.function,
      description:
        'Sets the desired count of one-task-per-host ECS services to the number of ACTIVE container instances',
      runtime: s.runtime,
      architectures: ['arm64'],
      handler: 'index.handler',
      filename: code.filename,
      sourceCodeHash: code.sourceCodeHash,
      memorySize: s.memorySize,
      timeout: s.timeoutSeconds,
      role: this.role.arn,
      environment: {
        variables: reconcilerEnvironment(
          new Map(managed.map((c) => [c.clusterName, c.serviceNames])),
          props.dryRun ?? false,
        ),
      },
      loggingConfig: {
        logFormat: 'JSON',
        logGroup: this.logGroup.name,
        applicationLogLevel: 'INFO',
        systemLogLevel: 'INFO',
      },
      // The log group and the permissions must exist before the first invocation.
      dependsOn: [this.logGroup, this.rolePolicy],
    });
    // One message group: Lambda hands its messages to one invocation at a time, in order. A failed batch stays in
    // the queue (blocking the group, so nothing overtakes it) and is retried, then moved to the failed queue.
    this.eventSource = new LambdaEventSourceMapping(this, 'queue-source', {
      eventSourceArn: this.queue.arn,
      functionName: this.function.arn,
      batchSize: s.batchSize,
      enabled: true,
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
      policy: ruleQueuePolicy(this.deadLetterQueue.arn, this.rule.arn, 'EventBridgeRuleDeadLetters'),
    });
    this.queuePolicy = new SqsQueuePolicy(this, 'events-policy', {
      queueUrl: this.queue.url,
      policy: ruleQueuePolicy(this.queue.arn, this.rule.arn, 'EventBridgeRuleEvents'),
    });
    this.target = new CloudwatchEventTarget(this, 'target', {
      rule: this.rule.name,
      targetId: 'reconciler-queue',
      arn: this.queue.arn,
      sqsTarget: { messageGroupId: s.messageGroupId },
      retryPolicy: { maximumRetryAttempts: s.ruleRetryAttempts, maximumEventAgeInSeconds: s.ruleMaxEventAgeSeconds },
      deadLetterConfig: { arn: this.deadLetterQueue.arn },
      dependsOn: [this.queuePolicy, this.deadLetterQueuePolicy],
    });
    this.alarms = reconcilerAlarms(this, {
      functionName: names.function,
      deadLetterQueueName: names.deadLetterQueue,
      failedQueueName: names.failedQueue,
      alarmActions: props.alarmActions,
    });
  }
}

/** The handler is the same for every stack of a run: bundleNodeHandler builds it once (src/lambda/bundle-cache.ts). */
function reconcilerBundle(): string {
  return bundleNodeHandler({ entry: 'src/ecs/reconciler/handler/index.ts' });
}

const NAME = /^[A-Za-z0-9_-]{1,255}$/;

function validateProps(props: DesiredCountReconcilerProps): void {
  if (props.managed.length === 0)
    throw new Error(
      'DesiredCountReconciler: managed lists no cluster; leave the reconciler out when no service is reconciled',
    );
  const seen = new Set<string>();
  for (const c of props.managed) {
    if (Token.isUnresolved(c.clusterName) || !NAME.test(c.clusterName)) {
      throw new Error(
        `DesiredCountReconciler: clusterName '${c.clusterName}' must be a literal ECS cluster name (letters, digits, '-' and '_')`,
      );
    }
    if (seen.has(c.clusterName))
      throw new Error(
        `DesiredCountReconciler: cluster '${c.clusterName}' is listed twice in managed; merge its services`,
      );
    seen.add(c.clusterName);
    if (c.serviceNames.length === 0)
      throw new Error(`DesiredCountReconciler: cluster '${c.clusterName}' lists no service; leave it out of managed`);
    if (new Set(c.serviceNames).size !== c.serviceNames.length) {
      throw new Error(`DesiredCountReconciler: cluster '${c.clusterName}' lists a service twice in serviceNames`);
    }
    for (const n of c.serviceNames) {
      if (Token.isUnresolved(n) || !NAME.test(n)) {
        throw new Error(
          `DesiredCountReconciler: service name '${n}' in cluster '${c.clusterName}' must be a literal ECS service name (letters, digits, '-' and '_')`,
        );
      }
    }
  }
  const retention = props.logRetentionDays ?? 30;
  if (!(logRetentionDays as readonly number[]).includes(retention)) {
    throw new Error(
      `DesiredCountReconciler: logRetentionDays ${retention} is not accepted by CloudWatch Logs; use one of ${logRetentionDays.join(', ')}`,
    );
  }
}

/** The role's one inline policy must fit IAM's limit once Terraform has filled in the account and ARNs. */
function checkPolicySize(props: DesiredCountReconcilerProps, names: ReturnType<typeof reconcilerNames>): void {
  const { partition, region } = props;
  const account = '123456789012';
  const policy = reconcilerRolePolicy({
    clusterArns: props.managed.map((c) => `arn:${partition}:ecs:${region}:${account}:cluster/${c.clusterName}`),
    serviceArns: props.managed.flatMap((c) =>
      c.serviceNames.map((n) => ecsServiceArn(partition, region, account, c.clusterName, n)),
    ),
    logGroupArn: `arn:${partition}:logs:${region}:${account}:log-group:/aws/lambda/${names.function}`,
    queueArn: `arn:${partition}:sqs:${region}:${account}:${names.queue}`,
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
