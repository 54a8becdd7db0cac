import { Construct } from 'constructs';
import type { ITerraformDependable } from 'cdktf';
import { Lb } from '@cdktf/provider-aws/lib/lb';
import { LbListener } from '@cdktf/provider-aws/lib/lb-listener';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { VpcSecurityGroupIngressRule } from '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule';
import { InputError } from '../core/errors';

export interface BenchmarkLoadBalancerProps {
  /** ALB name (at most 32 characters) and prefix of its security group's name. */
  readonly name: string;
  /** The VPC of the ALB's security group. */
  readonly vpcId: string;
  /** Public subnets in at least two availability zones. */
  readonly subnetIds: readonly string[];
  /**
   * Serve HTTPS with this certificate; port 80 then only redirects to 443.
   * @default plain HTTP on port 80
   */
  readonly https?: { readonly certificateArn: string; readonly sslPolicy: string };
  /** IPv4 blocks allowed to reach the listener ports (at least one; `0.0.0.0/0` only as an explicit choice). */
  readonly listenerCidrs: readonly string[];
  /**
   * Where the ALB writes its access logs (the bucket's name) and what must exist first: ELB checks at creation that it
   * may write there (the bucket policy).
   */
  readonly accessLogs: { readonly bucket: string; readonly dependsOn: readonly ITerraformDependable[] };
}

/**
 * The internet-facing ALB in front of every deployment. Its security group admits the listener ports and nothing
 * else; it has no egress until targets grant it (see TaskSecurityGroup). Requests no rule matches get a 404, so only
 * the deployments' path prefixes reach a task.
 */
export class BenchmarkLoadBalancer extends Construct {
  public readonly securityGroup: SecurityGroup;
  public readonly loadBalancer: Lb;
  /** The listener deployments add their path rules to: HTTPS when configured, else HTTP. */
  public readonly listener: LbListener;
  public readonly scheme: 'http' | 'https';
  /** Ports open to `listenerCidrs`. */
  public readonly listenerPorts: readonly number[];

  constructor(scope: Construct, id: string, props: BenchmarkLoadBalancerProps) {
    super(scope, id);
    if (props.name.length > 32 || !/^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$/.test(props.name)) {
      throw new Error(
        `ALB name '${props.name}' must be 1-32 letters, digits and inner dashes: shorten the environment name`,
      );
    }
    if (/^internal-/.test(props.name) || /^sg-/.test(props.name)) {
      // Reachable with a schema-valid environment name: the user's input, not a bug.
      throw InputError.atConfigPath(
        'name',
        `ALB name '${props.name}' may not start with 'internal-' (ALB) or 'sg-' (its security group): rename the environment`,
      );
    }
    if (props.subnetIds.length < 2) throw new Error('an ALB needs subnets in at least two availability zones');
    if (props.listenerCidrs.length === 0) throw new Error('listenerCidrs must name at least one CIDR block');
    const cidrs = props.listenerCidrs;
    this.scheme = props.https ? 'https' : 'http';
    this.listenerPorts = props.https ? [80, 443] : [80];

    this.securityGroup = new SecurityGroup(this, 'sg', {
      name: `${props.name}-alb`,
      description: 'Benchmark ALB: listener ports from the allowed clients; egress only to the tasks',
      vpcId: props.vpcId,
      tags: { Name: `${props.name}-alb` },
    });
    for (const port of this.listenerPorts) {
      cidrs.forEach((cidr, i) => {
        new VpcSecurityGroupIngressRule(this, `listener-${port}-${i}`, {
          securityGroupId: this.securityGroup.id,
          description: `${port === 443 ? 'HTTPS' : 'HTTP'} listener`,
          ipProtocol: 'tcp',
          fromPort: port,
          toPort: port,
          cidrIpv4: cidr,
        });
      });
    }

    this.loadBalancer = new Lb(this, 'alb', {
      name: props.name,
      loadBalancerType: 'application',
      internal: false,
      subnets: [...props.subnetIds],
      securityGroups: [this.securityGroup.id],
      dropInvalidHeaderFields: true,
      enableDeletionProtection: false, // a benchmark is meant to be torn down
      accessLogs: { bucket: props.accessLogs.bucket, enabled: true },
      tags: { Name: props.name },
      dependsOn: [...props.accessLogs.dependsOn],
    });

    const notFound = {
      type: 'fixed-response',
      fixedResponse: { contentType: 'text/plain', statusCode: '404', messageBody: 'no such deployment\n' },
    };
    const http = new LbListener(this, 'http', {
      loadBalancerArn: this.loadBalancer.arn,
      port: 80,
      protocol: 'HTTP',
      defaultAction: [
        props.https
          ? { type: 'redirect', redirect: { protocol: 'HTTPS', port: '443', statusCode: 'HTTP_301' } }
          : notFound,
      ],
    });
    this.listener = props.https
      ? new LbListener(this, 'https', {
          loadBalancerArn: this.loadBalancer.arn,
          port: 443,
          protocol: 'HTTPS',
          certificateArn: props.https.certificateArn,
          sslPolicy: props.https.sslPolicy,
          defaultAction: [notFound],
        })
      : http;
  }
}
