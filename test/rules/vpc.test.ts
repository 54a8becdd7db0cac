import FlowLogs from '../../src/rules/vpc/FlowLogs';
import { problems, tf } from './helpers';

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
