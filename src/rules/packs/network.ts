import type { RulePack } from '../pack';
import NoOpenIngress from '../network/NoOpenIngress';
import NoPublicTaskIp from '../network/NoPublicTaskIp';

/** Nothing reachable from the internet that need not be. */
export const networkPack: RulePack = {
  name: 'network',
  description: 'Network exposure: open ingress and public task IPs',
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
  ],
};
