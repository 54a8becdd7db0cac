import { Construct } from 'constructs';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { VpcSecurityGroupIngressRule } from '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule';
import { VpcSecurityGroupEgressRule } from '@cdktf/provider-aws/lib/vpc-security-group-egress-rule';

/** Where tasks send the HTTPS they need to start (image pulls, log delivery). */
export type TaskEgress =
  /** Through VPC endpoints: their security group, and the S3 gateway's prefix list for image layers. */
  | { readonly kind: 'vpc-endpoints'; readonly endpointSecurityGroupId: string; readonly s3PrefixListId: string }
  /** Through an internet gateway or NAT to the public AWS endpoints: HTTPS to any address, nothing else. */
  | { readonly kind: 'https-anywhere' };

export interface TaskSecurityGroupProps {
  /** Security group name. */
  readonly name: string;
  /** The VPC of the security group. */
  readonly vpcId: string;
  /** The ALB's security group: the only source tasks accept connections from. */
  readonly albSecurityGroupId: string;
  /** The port nginx (the load-balanced container) listens on. */
  readonly port: number;
  /** How the tasks reach AWS: only the VPC endpoints, or HTTPS anywhere. */
  readonly egress: TaskEgress;
}

/**
 * The security group of every benchmark task, and both sides of each pairing: the ALB may reach the tasks' nginx
 * port (egress on the ALB's group, ingress here), and tasks may reach only HTTPS for pulling images and writing logs.
 */
export class TaskSecurityGroup extends Construct {
  public readonly securityGroup: SecurityGroup;

  constructor(scope: Construct, id: string, props: TaskSecurityGroupProps) {
    super(scope, id);
    if (!Number.isInteger(props.port) || props.port < 1 || props.port > 65535)
      throw new Error(`port must be 1-65535, got ${props.port}`);
    this.securityGroup = new SecurityGroup(this, 'sg', {
      name: props.name,
      description: 'Benchmark tasks: nginx port from the ALB only; HTTPS out for images and logs',
      vpcId: props.vpcId,
      tags: { Name: props.name },
    });
    const sg = this.securityGroup.id;
    const tcp = (port: number) => ({ ipProtocol: 'tcp', fromPort: port, toPort: port });
    new VpcSecurityGroupIngressRule(this, 'from-alb', {
      securityGroupId: sg,
      description: 'nginx from the load balancer',
      referencedSecurityGroupId: props.albSecurityGroupId,
      ...tcp(props.port),
    });
    new VpcSecurityGroupEgressRule(this, 'alb-to-tasks', {
      securityGroupId: props.albSecurityGroupId,
      description: 'load balancer to the tasks (traffic and health checks)',
      referencedSecurityGroupId: sg,
      ...tcp(props.port),
    });

    if (props.egress.kind === 'vpc-endpoints') {
      new VpcSecurityGroupEgressRule(this, 'to-endpoints', {
        securityGroupId: sg,
        description: 'ECR and CloudWatch Logs interface endpoints',
        referencedSecurityGroupId: props.egress.endpointSecurityGroupId,
        ...tcp(443),
      });
      new VpcSecurityGroupIngressRule(this, 'endpoints-from-tasks', {
        securityGroupId: props.egress.endpointSecurityGroupId,
        description: 'HTTPS from the benchmark tasks',
        referencedSecurityGroupId: sg,
        ...tcp(443),
      });
      new VpcSecurityGroupEgressRule(this, 'to-s3', {
        securityGroupId: sg,
        description: 'ECR image layers through the S3 gateway endpoint',
        prefixListId: props.egress.s3PrefixListId,
        ...tcp(443),
      });
    } else {
      new VpcSecurityGroupEgressRule(this, 'https-out', {
        securityGroupId: sg,
        description: 'HTTPS to ECR, S3 and CloudWatch Logs public endpoints (pull images, write logs)',
        cidrIpv4: '0.0.0.0/0',
        ...tcp(443),
      });
    }
  }
}
