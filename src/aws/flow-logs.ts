import type { Construct } from 'constructs';
import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { FlowLog } from '@cdktf/provider-aws/lib/flow-log';
import { policyJson, serviceTrustPolicy } from '../iam/policy-document';
import { boundedName, NameLimit } from './names';

export interface VpcFlowLogsProps {
  /** Prefix of the log group path, the role name and the Name tag, e.g. `demo-main`. */
  readonly namePrefix: string;
  /** The VPC whose traffic is logged. */
  readonly vpcId: string;
  /** Days CloudWatch keeps the flow logs. */
  readonly retentionInDays: number;
}

/**
 * Flow logs of every packet of a VPC into a log group with retention, written by a role that can write only there.
 * The blocks are created directly in `scope` (the network construct), which their addresses are made from.
 */
export function addVpcFlowLogs(scope: Construct, props: VpcFlowLogsProps): CloudwatchLogGroup {
  const logGroup = new CloudwatchLogGroup(scope, 'flow-logs', {
    name: `/stackwright/vpc/${props.namePrefix}/flow-logs`,
    retentionInDays: props.retentionInDays,
  });
  const role = new IamRole(scope, 'flow-logs-role', {
    name: boundedName([props.namePrefix, 'vpc-flow-logs'], NameLimit.iamRole),
    description: `Lets VPC Flow Logs write to ${logGroup.name} (Stackwright)`,
    assumeRolePolicy: serviceTrustPolicy('vpc-flow-logs.amazonaws.com'),
  });
  new IamRolePolicy(scope, 'flow-logs-policy', {
    name: 'write-flow-logs',
    role: role.id,
    policy: policyJson([
      {
        Sid: 'WriteOwnLogGroup',
        Effect: 'Allow',
        Action: ['logs:CreateLogStream', 'logs:PutLogEvents', 'logs:DescribeLogStreams'],
        Resource: [logGroup.arn, `${logGroup.arn}:*`],
      },
    ]),
  });
  new FlowLog(scope, 'flow-log', {
    vpcId: props.vpcId,
    trafficType: 'ALL',
    logDestinationType: 'cloud-watch-logs',
    logDestination: logGroup.arn,
    iamRoleArn: role.arn,
    maxAggregationInterval: 600,
    tags: { Name: `${props.namePrefix}-flow-log` },
  });
  return logGroup;
}
