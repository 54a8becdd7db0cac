import { defineRule, verdict } from '../rule';

/**
 * Every VPC the stack creates has a flow log (checkov CKV2_AWS_11, cdk-nag VPC7): without one, nothing records which
 * addresses reached or left the network. A flow log is an `aws_flow_log` whose `vpc_id` refers to the VPC. EC2's
 * CreateFlowLogs "Creates one or more flow logs to capture information about IP traffic for a specific network
 * interface, subnet, or VPC" (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateFlowLogs.html); the
 * VPC-level one is what both checks look for.
 */
export default defineRule({
  id: 'VPC-FlowLogs',
  appliesTo: ['aws_vpc'],
  check: (vpc, stack) => {
    const logs = stack.referencing(vpc, 'aws_flow_log', 'vpc_id');
    return verdict(logs.length > 0 ? [] : ['no aws_flow_log records its traffic (vpc_id refers to no flow log)']);
  },
});
