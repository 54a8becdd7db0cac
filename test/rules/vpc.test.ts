import FlowLogDestinationArn from '../../src/rules/vpc/FlowLogDestinationArn';
import FlowLogRoleNotForS3 from '../../src/rules/vpc/FlowLogRoleNotForS3';
import FlowLogs from '../../src/rules/vpc/FlowLogs';
import { judge, problems, tf } from './helpers';

describe('VPC-FlowLogs', () => {
  it('passes a VPC that an aws_flow_log names by vpc_id', () => {
    const json = tf({
      aws_vpc: { main: { cidr_block: '10.0.0.0/16' } },
      aws_flow_log: {
        all: {
          vpc_id: '${aws_vpc.main.id}',
          traffic_type: 'ALL',
          log_destination: '${aws_cloudwatch_log_group.f.arn}',
        },
      },
    });
    expect(problems(FlowLogs, json, 'aws_vpc.main')).toEqual([]);
  });

  it('fails a VPC without one, and one whose flow log covers another VPC', () => {
    const json = tf({
      aws_vpc: { main: { cidr_block: '10.0.0.0/16' }, other: { cidr_block: '10.1.0.0/16' } },
      aws_flow_log: { all: { vpc_id: '${aws_vpc.other.id}', traffic_type: 'ALL' } },
    });
    expect(problems(FlowLogs, json, 'aws_vpc.main')).toEqual([
      'no aws_flow_log records its traffic (vpc_id refers to no flow log)',
    ]);
    expect(problems(FlowLogs, json, 'aws_vpc.other')).toEqual([]);
  });
});

const FLOW_LOG = 'aws_flow_log.main';
const flowLog = (over: Record<string, unknown>) =>
  tf({
    aws_cloudwatch_log_group: { flow: { name: '/vpc/flow' } },
    aws_flow_log: { main: { vpc_id: 'vpc-1', traffic_type: 'ALL', ...over } },
  });

// vpc_flow_log.go trims ":*" from log_destination on create and reads EC2's value back into a ForceNew attribute:
// hashicorp/terraform-provider-aws#26479 ("forces replacement for CloudWatch log ARN due to trimmed suffix :*").
describe('VPC-FlowLogDestinationArn', () => {
  it('passes a reference to the log group arn (already trimmed) and a literal ARN without ":*"', () => {
    const byReference = flowLog({ log_destination: '${aws_cloudwatch_log_group.flow.arn}' });
    expect(judge(FlowLogDestinationArn, byReference, FLOW_LOG).compliance).toBe('not-applicable');
    const literal = flowLog({ log_destination: 'arn:aws:logs:us-east-1:111122223333:log-group:/vpc/flow' });
    expect(problems(FlowLogDestinationArn, literal, FLOW_LOG)).toEqual([]);
  });
  it('fails a literal ARN, or a template, that ends in ":*"', () => {
    const message =
      'log_destination ends in ":*": the provider trims it on create, so every plan replaces the flow log';
    const literal = flowLog({ log_destination: 'arn:aws:logs:us-east-1:111122223333:log-group:/vpc/flow:*' });
    expect(problems(FlowLogDestinationArn, literal, FLOW_LOG)).toEqual([message]);
    const template = flowLog({ log_destination: '${aws_cloudwatch_log_group.flow.arn}:*' });
    expect(problems(FlowLogDestinationArn, template, FLOW_LOG)).toEqual([message]);
  });
});

// #14397: "DeliverLogsPermissionArn is not supported for `s3` `LogDestinationType`"; the plan after apply showed
// `iam_role_arn: "" => "arn:..." (forces new resource)`.
describe('VPC-FlowLogRoleNotForS3', () => {
  const s3 = { log_destination_type: 's3', log_destination: 'arn:aws:s3:::flow-logs' };
  it('passes an S3 flow log without a role, and ignores CloudWatch Logs flow logs (which need one)', () => {
    expect(problems(FlowLogRoleNotForS3, flowLog(s3), FLOW_LOG)).toEqual([]);
    const cloudWatch = flowLog({ log_destination_type: 'cloud-watch-logs', iam_role_arn: 'arn:aws:iam::1:role/r' });
    expect(judge(FlowLogRoleNotForS3, cloudWatch, FLOW_LOG).compliance).toBe('not-applicable');
  });
  it('fails an S3 flow log with iam_role_arn', () => {
    expect(
      problems(FlowLogRoleNotForS3, flowLog({ ...s3, iam_role_arn: '${aws_iam_role.flow.arn}' }), FLOW_LOG),
    ).toEqual([
      'sets iam_role_arn with an s3 destination: EC2 keeps no role for S3, so every plan replaces the flow log',
    ]);
  });
});
