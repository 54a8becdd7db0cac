import { Construct } from 'constructs';
import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { LambdaFunction } from '@cdktf/provider-aws/lib/lambda-function';
import { LambdaFunctionUrl } from '@cdktf/provider-aws/lib/lambda-function-url';
import { serviceTrustPolicy } from '../iam/policy-document';
import { logRetentionDays } from '../aws/log-retention';
import type { LambdaZip } from '../lambda/lambda-zip';
import { functionPolicyJson } from './policies';

export interface TimedPutFunctionProps {
  /** Lambda function name; also names its role and log group. At most 64 characters with the `-role` suffix. */
  readonly functionName: string;
  /** The function's description in the Lambda console. */
  readonly description: string;
  /** Lambda runtime identifier, e.g. `python3.14`. */
  readonly runtime: string;
  /** `<module>.<function>` inside the zip. */
  readonly handler: string;
  /** The deployment package, already written beside the stack. */
  readonly code: LambdaZip;
  /** Name of the table the function writes to (passed as TABLE_NAME). */
  readonly tableName: string;
  /** ARN of that table: the only resource the function may write to. */
  readonly tableArn: string;
  /** Seconds until benchmark items expire (passed as ITEM_TTL_SECONDS). */
  readonly itemTtlSeconds: number;
  /** Retention of the function's log group, in days (a value CloudWatch Logs accepts). */
  readonly logRetentionDays: number;
  /**
   * @default 128
   */
  readonly memorySize?: number;
  /**
   * Seconds.
   * @default 10
   */
  readonly timeout?: number;
  /**
   * @default 'x86_64'
   */
  readonly architecture?: 'x86_64' | 'arm64';
}

/**
 * One benchmark function: its log group (created first, with retention), a role that may only PutItem on the table
 * and write its own logs, the function, and a function URL that only IAM-signed requests may call.
 */
export class TimedPutFunction extends Construct {
  public readonly logGroup: CloudwatchLogGroup;
  public readonly role: IamRole;
  public readonly policy: IamRolePolicy;
  public readonly fn: LambdaFunction;
  public readonly url: LambdaFunctionUrl;

  constructor(scope: Construct, id: string, props: TimedPutFunctionProps) {
    super(scope, id);
    if (!/^[A-Za-z0-9_-]{1,59}$/.test(props.functionName)) {
      throw new Error(
        `functionName '${props.functionName}' must be 1-59 letters, digits, '-' or '_' (the role adds '-role'): shorten the environment name`,
      );
    }
    if (!(logRetentionDays as readonly number[]).includes(props.logRetentionDays)) {
      throw new Error(
        `logRetentionDays ${props.logRetentionDays} is not accepted by CloudWatch Logs: use one of ${logRetentionDays.join(', ')}`,
      );
    }

    this.logGroup = new CloudwatchLogGroup(this, 'logs', {
      name: `/aws/lambda/${props.functionName}`,
      retentionInDays: props.logRetentionDays,
    });
    this.role = new IamRole(this, 'role', {
      name: `${props.functionName}-role`,
      description: `Execution role of ${props.functionName} (Stackwright keep-alive benchmark)`,
      assumeRolePolicy: serviceTrustPolicy('lambda.amazonaws.com'),
    });
    this.policy = new IamRolePolicy(this, 'policy', {
      name: 'put-item-and-log',
      role: this.role.id,
      policy: functionPolicyJson(props.tableArn, this.logGroup.arn),
    });
    this.fn = new LambdaFunction(this, 'function', {
      functionName: props.functionName,
      description: props.description,
      runtime: props.runtime,
      handler: props.handler,
      architectures: [props.architecture ?? 'x86_64'],
      memorySize: props.memorySize ?? 128,
      timeout: props.timeout ?? 10,
      role: this.role.arn,
      filename: props.code.filename,
      sourceCodeHash: props.code.sourceCodeHash,
      environment: { variables: { TABLE_NAME: props.tableName, ITEM_TTL_SECONDS: String(props.itemTtlSeconds) } },
      loggingConfig: { logFormat: 'Text', logGroup: this.logGroup.name },
      // The role's policy must exist before the first invocation can write its logs and item.
      dependsOn: [this.logGroup, this.policy],
    });
    this.url = new LambdaFunctionUrl(this, 'url', {
      functionName: this.fn.functionName,
      authorizationType: 'AWS_IAM',
    });
  }
}
