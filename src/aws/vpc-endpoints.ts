import { Construct } from 'constructs';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { VpcEndpoint } from '@cdktf/provider-aws/lib/vpc-endpoint';
import { DataAwsVpcEndpointService } from '@cdktf/provider-aws/lib/data-aws-vpc-endpoint-service';
import type { AwsPartition } from './partition';
import { policyJson } from '../iam/policy-document';

/** What a Fargate task needs to start without internet access: the ECR API and registry, and CloudWatch Logs. */
export const interfaceEndpointServices = ['ecr.api', 'ecr.dkr', 'logs'] as const;

export interface VpcEndpointsProps {
  /** Prefix of Name tags and the security group name. */
  readonly namePrefix: string;
  /** The VPC the endpoints are created in. */
  readonly vpcId: string;
  /** Subnets the interface endpoints get a network interface in (one per AZ). */
  readonly subnetIds: readonly string[];
  /** Route tables the S3 gateway endpoint adds its prefix-list route to. */
  readonly routeTableIds: readonly string[];
  /** The region of ECR's layer bucket, the one S3 bucket the gateway endpoint's policy allows. */
  readonly region: string;
  /** The partition in that bucket's ARN. */
  readonly partition: AwsPartition;
}

/**
 * Private paths to the AWS APIs a Fargate task uses at start: interface endpoints for ECR and CloudWatch Logs (with
 * private DNS, so the default endpoints resolve to them) and an S3 gateway endpoint limited to ECR's layer bucket.
 * The endpoints' security group starts empty; whoever uses the endpoints adds an ingress rule on 443.
 */
export class VpcEndpoints extends Construct {
  public readonly securityGroup: SecurityGroup;
  public readonly interfaceEndpoints: VpcEndpoint[];
  public readonly s3Gateway: VpcEndpoint;

  constructor(scope: Construct, id: string, props: VpcEndpointsProps) {
    super(scope, id);
    if (props.subnetIds.length === 0)
      throw new Error('VpcEndpoints needs at least one subnet for the interface endpoints');
    this.securityGroup = new SecurityGroup(this, 'sg', {
      name: `${props.namePrefix}-endpoints`,
      description: 'VPC interface endpoints: HTTPS from the benchmark tasks only',
      vpcId: props.vpcId,
      tags: { Name: `${props.namePrefix}-endpoints` },
    });
    // Service names differ by partition (China prefixes some with cn.); the data source knows them.
    this.interfaceEndpoints = interfaceEndpointServices.map((service) => {
      const id = service.replace('.', '-');
      const lookup = new DataAwsVpcEndpointService(this, `${id}-service`, { service, serviceType: 'Interface' });
      return new VpcEndpoint(this, id, {
        vpcId: props.vpcId,
        serviceName: lookup.serviceName,
        vpcEndpointType: 'Interface',
        privateDnsEnabled: true,
        subnetIds: [...props.subnetIds],
        securityGroupIds: [this.securityGroup.id],
        tags: { Name: `${props.namePrefix}-${id}` },
      });
    });
    const s3 = new DataAwsVpcEndpointService(this, 's3-service', { service: 's3', serviceType: 'Gateway' });
    this.s3Gateway = new VpcEndpoint(this, 's3', {
      vpcId: props.vpcId,
      serviceName: s3.serviceName,
      vpcEndpointType: 'Gateway',
      routeTableIds: [...props.routeTableIds],
      // ECR keeps image layers in this AWS-owned bucket; nothing else in S3 is reachable through the endpoint.
      policy: policyJson([
        {
          Sid: 'EcrImageLayers',
          Effect: 'Allow',
          Principal: { AWS: '*' },
          Action: 's3:GetObject',
          Resource: `arn:${props.partition}:s3:::prod-${props.region}-starport-layer-bucket/*`,
        },
      ]),
      tags: { Name: `${props.namePrefix}-s3` },
    });
  }
}
