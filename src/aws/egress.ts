import type { Construct } from 'constructs';
import type { ITerraformDependable } from 'cdktf';
import { InternetGateway } from '@cdktf/provider-aws/lib/internet-gateway';
import { NatGateway } from '@cdktf/provider-aws/lib/nat-gateway';
import { Route } from '@cdktf/provider-aws/lib/route';
import { RouteTableAssociation } from '@cdktf/provider-aws/lib/route-table-association';
import { VpcEndpoint } from '@cdktf/provider-aws/lib/vpc-endpoint';

/**
 * The resources that make a network's way out, found under one construct (a created VPC): internet gateway, NAT
 * gateways, routes, subnet-to-route-table associations and VPC endpoints. Tasks pull images and send logs through
 * them, so services depend on them explicitly: Terraform then creates them first and destroys them last, and a
 * service never starts tasks (or waits for a steady state) before its subnets can reach ECR.
 */
export function egressResources(network: Construct): ITerraformDependable[] {
  return network.node
    .findAll()
    .filter(
      (c) =>
        c instanceof InternetGateway ||
        c instanceof NatGateway ||
        c instanceof Route ||
        c instanceof RouteTableAssociation ||
        c instanceof VpcEndpoint,
    ) as ITerraformDependable[];
}
