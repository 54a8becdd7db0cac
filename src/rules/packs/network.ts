import type { RulePack } from '../pack';
import NoOpenIngress from '../network/NoOpenIngress';
import NoPublicTaskIp from '../network/NoPublicTaskIp';
import FlowLogs from '../vpc/FlowLogs';
import AccessLogs from '../elb/AccessLogs';

/** Nothing reachable from the internet that need not be, and a record of what reached it. */
export const networkPack: RulePack = {
  name: 'network',
  description: 'Network exposure and its records: open ingress, public task IPs, VPC flow logs, ALB access logs',
  entries: [
    {
      rule: NoOpenIngress,
      message: 'Ingress open to the internet',
      fix: "Allow the load balancer's security group (or known CIDRs) instead of 0.0.0.0/0.",
    },
    {
      rule: NoPublicTaskIp,
      message: 'ECS task with a public IP',
      fix: "Use private subnets with assign_public_ip = false, or suppress with the config's reason.",
    },
    {
      rule: FlowLogs,
      message: 'VPC without a flow log',
      fix: 'Add an aws_flow_log with vpc_id set to the VPC and traffic_type ALL, into a log group with retention.',
    },
    {
      rule: AccessLogs,
      message: 'Internet-facing ALB without access logs',
      fix: 'Set access_logs { bucket, enabled = true } to a bucket whose policy lets Elastic Load Balancing write.',
    },
  ],
};
