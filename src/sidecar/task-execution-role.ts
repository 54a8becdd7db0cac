import { Construct } from 'constructs';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import type { AwsPartition } from '../aws/partition';
import { policyJson } from '../iam/policy-document';

export interface TaskExecutionRoleProps {
  /** IAM role name. */
  readonly roleName: string;
  /** The AWS partition; every ARN uses it. */
  readonly partition: AwsPartition;
  /** Region of the log group and repositories. */
  readonly region: string;
  /** The account the tasks run in: the trust policy accepts ECS acting for this account only. */
  readonly accountId: string;
  /** Repositories the task's images come from. */
  readonly repositoryArns: readonly string[];
  /** The log group the task's containers write to (its ARN without a trailing `:*`). */
  readonly logGroupArn: string;
}

/**
 * The role ECS uses to start one deployment's tasks: pull from its repositories and write to its log group, nothing
 * else. `ecr:GetAuthorizationToken` has no resource-level permissions, so it is granted on `*` (it only issues a
 * registry login that the repository permissions still limit).
 */
export class TaskExecutionRole extends Construct {
  public readonly role: IamRole;
  public readonly policy: IamRolePolicy;

  constructor(scope: Construct, id: string, props: TaskExecutionRoleProps) {
    super(scope, id);
    if (props.repositoryArns.length === 0)
      throw new Error(`${props.roleName}: repositoryArns is empty; a task needs at least one image`);
    this.role = new IamRole(this, 'role', {
      name: props.roleName,
      description: 'ECS task execution: pull the benchmark images, write the benchmark logs (Stackwright)',
      assumeRolePolicy: policyJson([
        {
          Effect: 'Allow',
          Principal: { Service: 'ecs-tasks.amazonaws.com' },
          Action: 'sts:AssumeRole',
          // Confused-deputy guard: ECS may assume the role only on behalf of this account's tasks.
          Condition: {
            StringEquals: { 'aws:SourceAccount': props.accountId },
            ArnLike: { 'aws:SourceArn': `arn:${props.partition}:ecs:${props.region}:${props.accountId}:*` },
          },
        },
      ]),
    });
    this.policy = new IamRolePolicy(this, 'policy', {
      name: 'pull-images-write-logs',
      role: this.role.name,
      policy: policyJson([
        { Sid: 'RegistryLogin', Effect: 'Allow', Action: 'ecr:GetAuthorizationToken', Resource: '*' },
        {
          Sid: 'PullImages',
          Effect: 'Allow',
          Action: ['ecr:BatchCheckLayerAvailability', 'ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'],
          Resource: [...props.repositoryArns],
        },
        {
          Sid: 'WriteLogs',
          Effect: 'Allow',
          Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
          Resource: `${props.logGroupArn}:log-stream:*`,
        },
      ]),
    });
  }
}
