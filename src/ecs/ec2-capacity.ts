import { Construct } from 'constructs';
import { Fn, Token, type ITerraformDependable } from 'cdktf';
import { DataAwsSsmParameter } from '@cdktf/provider-aws/lib/data-aws-ssm-parameter';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { VpcSecurityGroupEgressRule } from '@cdktf/provider-aws/lib/vpc-security-group-egress-rule';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
import { IamInstanceProfile } from '@cdktf/provider-aws/lib/iam-instance-profile';
import { LaunchTemplate } from '@cdktf/provider-aws/lib/launch-template';
import { AutoscalingGroup } from '@cdktf/provider-aws/lib/autoscaling-group';
import { AutoscalingPolicy } from '@cdktf/provider-aws/lib/autoscaling-policy';
import { EcsCapacityProvider } from '@cdktf/provider-aws/lib/ecs-capacity-provider';
import type { AwsPartition } from '../aws/partition';
import { serviceTrustPolicy } from '../iam/policy-document';
import { boundedName, NameLimit } from '../aws/names';
import { capacityWithDefaults, type Ec2CapacityOptions } from './ec2-capacity-options';
import { issuesError } from '../core/config-issue';
import { clusterIssues } from './service-rules';
import { scalingIssues } from './scaling-rules';

/** AWS's public SSM parameters naming the current ECS-optimized Amazon Linux 2023 AMI. */
export const ECS_AL2023_AMI_PARAMETER = {
  x86_64: '/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id',
  arm64: '/aws/service/ecs/optimized-ami/amazon-linux-2023/arm64/recommended/image_id',
} as const;

export interface Ec2CapacityProps extends Ec2CapacityOptions {
  /** The ECS cluster the instances join (written to /etc/ecs/ecs.config). */
  readonly clusterName: string;
  /** The VPC of the instances' security group. */
  readonly vpcId: string;
  /** Subnets the Auto Scaling group launches into. */
  readonly subnetIds: string[];
  /** The AWS partition; every ARN uses it. */
  readonly partition: AwsPartition;
  /**
   * The cluster runs `reconciled` services (a REPLICA task on every host): only `scaling: memoryReservation` can
   * scale such a cluster in (see ./scaling-rules.ts).
   * @default false
   */
  readonly reconciledServices?: boolean;
  /**
   * Tags for the instances, volumes and network interfaces the group launches: the stack's tags. The provider's
   * default_tags reach only a resource's own `tags`, not the launch template's tag specifications
   * (hashicorp/terraform-provider-aws#19387: "default_tags are only propagated with the root-level `tags`
   * configuration in mind"), so without them cost-allocation tags miss the instances.
   * @default {} (only the Name tag)
   */
  readonly instanceTags?: Readonly<Record<string, string>>;
  /**
   * The network's way out (routes, NAT gateway): instances launch after it exists, so the ECS agent can register at
   * once, and terminate before it goes away.
   * @default []
   */
  readonly egress?: readonly ITerraformDependable[];
}

/**
 * EC2 capacity for one ECS cluster: instances from the ECS-optimized AL2023 AMI with IMDSv2 required and an
 * encrypted root volume, in a security group without ingress, launched by an Auto Scaling group whose ECS capacity
 * provider drains instances before they terminate (managed draining). With `scaling: managed` the capacity provider
 * also sizes the group (managed scaling, with managed termination protection), which is created empty; with
 * `memoryReservation` the group has its own target-tracking policy and no managed scaling (./scaling-rules.ts).
 */
export class Ec2Capacity extends Construct {
  public readonly securityGroup: SecurityGroup;
  public readonly instanceRole: IamRole;
  public readonly instanceProfile: IamInstanceProfile;
  public readonly launchTemplate: LaunchTemplate;
  public readonly autoScalingGroup: AutoscalingGroup;
  public readonly capacityProvider: EcsCapacityProvider;
  /** The group's own scaling policy (memoryReservation only). */
  public readonly scalingPolicy?: AutoscalingPolicy;

  constructor(scope: Construct, id: string, props: Ec2CapacityProps) {
    super(scope, id);
    const { clusterName, partition } = props;
    const capacity = capacityWithDefaults(props);
    const managed = capacity.scaling === 'managed';
    if (props.subnetIds.length === 0)
      throw new Error(
        `Ec2Capacity ${clusterName}: subnetIds is empty; the Auto Scaling group needs at least one subnet`,
      );
    // The config schema runs the same rules first and names the config path; here they name the prop to change.
    const issues = [
      ...clusterIssues({ capacity }),
      ...scalingIssues({
        capacity,
        services: props.reconciledServices ? [{ oneTaskPerHost: 'reconciled', launchType: 'ec2' }] : [],
      }),
    ];
    if (issues.length > 0) throw issuesError(`Ec2Capacity ${clusterName}`, issues);

    this.securityGroup = new SecurityGroup(this, 'instances-sg', {
      name: boundedName([clusterName, 'instances'], NameLimit.securityGroup),
      description: `ECS container instances of ${clusterName}: no ingress, all egress`,
      vpcId: props.vpcId,
      tags: { Name: `${clusterName}-instances` },
    });
    new VpcSecurityGroupEgressRule(this, 'instances-egress', {
      securityGroupId: this.securityGroup.id,
      description: 'ECS agent, ECR, CloudWatch Logs, image registries and the bridge-mode tasks own traffic',
      ipProtocol: '-1',
      cidrIpv4: '0.0.0.0/0',
    });

    this.instanceRole = new IamRole(this, 'instance-role', {
      name: boundedName([clusterName, 'ecs-instance'], NameLimit.iamRole),
      description: `ECS container instances of ${clusterName} (Stackwright)`,
      assumeRolePolicy: serviceTrustPolicy(partition === 'aws-cn' ? 'ec2.amazonaws.com.cn' : 'ec2.amazonaws.com'),
    });
    const managedPolicies = [
      'service-role/AmazonEC2ContainerServiceforEC2Role',
      ...(capacity.sessionManager ? ['AmazonSSMManagedInstanceCore'] : []),
    ];
    for (const policy of managedPolicies) {
      new IamRolePolicyAttachment(this, `instance-${policy.split('/').pop()}`, {
        role: this.instanceRole.name,
        policyArn: `arn:${partition}:iam::aws:policy/${policy}`,
      });
    }
    this.instanceProfile = new IamInstanceProfile(this, 'instance-profile', {
      name: boundedName([clusterName, 'ecs-instance'], NameLimit.instanceProfile),
      role: this.instanceRole.name,
    });

    const ami = new DataAwsSsmParameter(this, 'ami', { name: ECS_AL2023_AMI_PARAMETER[capacity.architecture] });
    this.launchTemplate = new LaunchTemplate(this, 'launch-template', {
      name: boundedName([clusterName, 'ecs'], NameLimit.launchTemplate),
      description: `ECS-optimized AL2023 instances for ${clusterName}`,
      imageId: ami.insecureValue, // a public AMI ID, not a secret: keeps plans readable
      instanceType: capacity.instanceType,
      iamInstanceProfile: { arn: this.instanceProfile.arn },
      vpcSecurityGroupIds: [this.securityGroup.id],
      metadataOptions: {
        httpEndpoint: 'enabled',
        httpTokens: 'required',
        httpPutResponseHopLimit: capacity.imdsHopLimit,
        instanceMetadataTags: 'disabled',
      },
      blockDeviceMappings: [
        {
          deviceName: '/dev/xvda', // the AL2023 ECS AMI's root device
          ebs: {
            volumeSize: capacity.rootVolumeGiB,
            volumeType: 'gp3',
            encrypted: 'true',
            deleteOnTermination: 'true',
          },
        },
      ],
      userData: Fn.base64encode(ecsUserData(clusterName)),
      updateDefaultVersion: true,
      tagSpecifications: ['instance', 'volume', 'network-interface'].map((resourceType) => ({
        resourceType,
        tags: { ...props.instanceTags, Name: `${clusterName}-ecs` },
      })),
    });

    this.autoScalingGroup = new AutoscalingGroup(this, 'instances', {
      name: boundedName([clusterName, 'ecs'], NameLimit.autoScalingGroup),
      // Managed: created empty, so no instance registers before its capacity provider exists; managed scaling then
      // scales it out (./scaling-rules.ts quotes AWS).
      minSize: capacity.minSize,
      maxSize: capacity.maxSize,
      desiredCapacity: managed ? 0 : capacity.desiredSize,
      vpcZoneIdentifier: props.subnetIds,
      launchTemplate: { id: this.launchTemplate.id, version: Token.asString(this.launchTemplate.latestVersion) },
      healthCheckType: 'EC2',
      // Managed termination protection needs scale-in protection; ECS lifts it once an instance runs no non-daemon
      // task. The group's own policy (memoryReservation) has nothing to lift it, so it is off there.
      protectFromScaleIn: managed,
      // Destroy only: without it Terraform waits forever for scale-in-protected instances to go away.
      forceDelete: true,
      tag: [
        { key: 'Name', value: `${clusterName}-ecs`, propagateAtLaunch: true },
        // The provider's aws_ecs_capacity_provider docs: "Associating an ECS Capacity Provider to an Auto Scaling Group
        // will automatically add the AmazonECSManaged tag ... This tag should be included in the aws_autoscaling_group
        // resource configuration to prevent the provider from removing it". AWS documents no value; the empty one is
        // what users report ECS writes (aws/containers-roadmap#653: "a key of AmazonECSManaged and an empty value").
        { key: 'AmazonECSManaged', value: '', propagateAtLaunch: true },
      ],
      // The scaling (managed or the group's policy) owns the group's size after creation.
      lifecycle: { ignoreChanges: ['desired_capacity'] },
      dependsOn: props.egress && props.egress.length > 0 ? [...props.egress] : undefined,
    });

    this.capacityProvider = new EcsCapacityProvider(this, 'capacity-provider', {
      name: capacityProviderName(clusterName),
      autoScalingGroupProvider: {
        autoScalingGroupArn: this.autoScalingGroup.arn,
        // "When using managed termination protection, managed scaling must also be used" (ECS API reference,
        // AutoScalingGroupProviderUpdate).
        managedTerminationProtection: managed ? 'ENABLED' : 'DISABLED',
        // Instances chosen for scale-in go DRAINING first: ECS moves their REPLICA tasks before they terminate.
        managedDraining: 'ENABLED',
        managedScaling: managed
          ? {
              status: 'ENABLED',
              targetCapacity: capacity.targetCapacityPercent,
              minimumScalingStepSize: 1,
              maximumScalingStepSize: 10,
              instanceWarmupPeriod: 300,
            }
          : { status: 'DISABLED' },
      },
    });

    if (!managed) {
      // "If managed scaling is off, the user must manage the scaling of the Auto Scaling group" (ECS API reference,
      // ManagedScaling). Target tracking "adds or removes capacity as required to keep the metric at, or close to,
      // the specified target value" (EC2 Auto Scaling user guide, as-scaling-target-tracking.html).
      this.scalingPolicy = new AutoscalingPolicy(this, 'memory-reservation-policy', {
        name: 'ecs-memory-reservation',
        autoscalingGroupName: this.autoScalingGroup.name,
        policyType: 'TargetTrackingScaling',
        estimatedInstanceWarmup: 300,
        targetTrackingConfiguration: {
          targetValue: capacity.targetCapacityPercent,
          customizedMetricSpecification: {
            namespace: 'AWS/ECS',
            metricName: 'MemoryReservation',
            metricDimension: [{ name: 'ClusterName', value: clusterName }],
            statistic: 'Average',
            unit: 'Percent',
          },
        },
      });
    }
  }
}

/** AWS's ECS guidance for bridge-mode tasks: drop what containers on Docker's bridges send to the metadata service. */
export const IMDS_BLOCK_RULE = 'DOCKER-USER --in-interface docker+ --destination 169.254.169.254/32 --jump DROP';

/**
 * The instance's user data: join the cluster, and keep every task's containers away from the instance role's
 * credentials, as AWS's ECS security guidance says per network mode:
 * - bridge: an iptables rule drops traffic from Docker's bridges to 169.254.169.254. A systemd unit inserts it
 *   whenever Docker starts (Docker keeps the DOCKER-USER chain's rules), so it also holds after a reboot, and before
 *   the ECS agent starts (the agent requires it), so no task runs before the rule;
 * - awsvpc: ECS_AWSVPC_BLOCK_IMDS;
 * - host: the containers share the instance's network, so nothing on the network tells them apart: task roles
 *   (ECS_ENABLE_TASK_IAM_ROLE_NETWORK_HOST) give their SDKs credentials of their own, and the README says so.
 */
export function ecsUserData(clusterName: string): string {
  const rule = (op: string) =>
    `/usr/sbin/iptables ${op} ${IMDS_BLOCK_RULE.replace('DOCKER-USER', op === '--insert' ? 'DOCKER-USER 1' : 'DOCKER-USER')}`;
  return [
    '#!/bin/bash',
    '# Written by Stackwright: joins this instance to its ECS cluster; containers cannot read its credentials.',
    'set -euo pipefail',
    "cat >> /etc/ecs/ecs.config <<'EOF'",
    `ECS_CLUSTER=${clusterName}`,
    'ECS_AWSVPC_BLOCK_IMDS=true',
    'ECS_ENABLE_TASK_IAM_ROLE=true',
    'ECS_ENABLE_TASK_IAM_ROLE_NETWORK_HOST=true',
    'ECS_ENABLE_CONTAINER_METADATA=true',
    'EOF',
    "cat > /etc/systemd/system/stackwright-block-imds.service <<'EOF'",
    '[Unit]',
    "Description=Drop bridge-mode containers' traffic to the instance metadata service (Stackwright)",
    'After=docker.service',
    'BindsTo=docker.service',
    // The agent's unit (amazon-ecs-agent, packaging/amazon-linux-ami-integrated/ecs.service) is ordered only
    // After=docker.service and After=cloud-final.service: nothing else keeps it from starting tasks before the rule.
    // systemd.unit(5), as Red Hat's RHEL guide words it ("Important [Unit] section options"): with After=, "The unit
    // starts only after the units specified in After are active", and "The Before option has the opposite
    // functionality to After".
    'Before=ecs.service',
    '[Service]',
    'Type=oneshot',
    'RemainAfterExit=yes',
    `ExecStart=/bin/sh -c '${rule('--check')} || ${rule('--insert')}'`,
    '[Install]',
    'WantedBy=docker.service',
    // The agent does not start when the rule could not be inserted.
    'RequiredBy=ecs.service',
    'EOF',
    'systemctl daemon-reload',
    'systemctl enable stackwright-block-imds.service',
    // Docker may not be up yet at this point of the first boot: queue the unit (ordered after Docker) without
    // waiting for it, which could block the boot; the agent's queued start job waits for it (Before=ecs.service), and
    // enabling it covers every later start of Docker and of the agent.
    'systemctl start --no-block stackwright-block-imds.service',
    '',
  ].join('\n');
}

/** Capacity provider names may not start with aws, ecs or fargate; such cluster names get a `cp-` prefix. */
export function capacityProviderName(clusterName: string): string {
  const name = boundedName([clusterName, 'ec2'], NameLimit.capacityProvider);
  return /^(aws|ecs|fargate)/i.test(name) ? `cp-${name}`.slice(0, NameLimit.capacityProvider) : name;
}
