import { Construct } from 'constructs';
import type { ITerraformDependable } from 'cdktf';
import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { EcsTaskDefinition } from '@cdktf/provider-aws/lib/ecs-task-definition';
import { EcsService } from '@cdktf/provider-aws/lib/ecs-service';
import { LbTargetGroup } from '@cdktf/provider-aws/lib/lb-target-group';
import { LbListenerRule } from '@cdktf/provider-aws/lib/lb-listener-rule';
import type { AwsPartition } from '../aws/partition';
import { suppressRule } from '../rules/suppress';
import { loadBalancedContainer, sidecarContainers, taskVolumes, type TaskImage } from './container-definitions';
import { fargateSizeProblem, type TaskSize } from '../aws/fargate';
import { boundedName, HashLength, NameLimit } from '../aws/names';
import { TaskExecutionRole } from './task-execution-role';
import { sidecarVariantTable, variantSpec, type SidecarVariantTable } from './variants';
import { deploymentKey, pathPrefix, type Deployment } from './deployments';

export interface SidecarDeploymentProps {
  /** The variant and CPU architecture this deployment runs. */
  readonly deployment: Deployment;
  /**
   * The table the deployment's variant is described in.
   * @default sidecarVariantTable
   */
  readonly variants?: SidecarVariantTable;
  /** Prefix of the deployment's names, e.g. `demo-sidecar`. */
  readonly namePrefix: string;
  /** The ECS cluster the service runs in. */
  readonly clusterArn: string;
  /** The VPC of the ALB target group. */
  readonly vpcId: string;
  /** Subnets of the tasks. */
  readonly subnetIds: readonly string[];
  /** The tasks' security groups. */
  readonly securityGroupIds: readonly string[];
  /**
   * Give tasks a public IP (needed in public subnets to reach ECR without NAT). Requires `publicIpReason`.
   * @default false
   */
  readonly assignPublicIp?: boolean;
  /**
   * Why tasks may have public IPs; recorded as the suppression of rule Net-NoPublicTaskIp in the generated JSON.
   * @default none (required when assignPublicIp is true)
   */
  readonly publicIpReason?: string;
  /** The ALB listener the path rule is added to. */
  readonly listenerArn: string;
  /** Listener rule priority, unique on the listener; keep it stable so rules are not reshuffled. */
  readonly rulePriority: number;
  /** Task CPU units and memory (MiB), a size Fargate offers. */
  readonly taskSize: TaskSize;
  /** The image of each of the variant's containers. */
  readonly images: readonly TaskImage[];
  /** ECR repositories the images come from (the execution role may pull only from these). */
  readonly repositoryArns: readonly string[];
  /** nginx's port: container port, target group port and health check port. */
  readonly listenPort: number;
  /** Target group health check path, answered through nginx by the app (so it checks both). */
  readonly healthCheckPath: string;
  /** Retention of the deployment's log group, in days. */
  readonly logRetentionDays: number;
  /**
   * Tasks to run.
   * @default 1
   */
  readonly desiredCount?: number;
  /** The AWS partition; every ARN uses it. */
  readonly partition: AwsPartition;
  /** Region of the log group and the repositories. */
  readonly region: string;
  /** The account ID (a Terraform reference): the execution role trusts ECS only on its behalf. */
  readonly accountId: string;
  /**
   * The network's way out (routes, NAT gateway, VPC endpoints) the tasks pull images and send logs through: the
   * service is created after them and destroyed before them.
   * @default [] (an existing network: nothing of it is created here)
   */
  readonly egress?: readonly ITerraformDependable[];
}

/**
 * One variant on one architecture behind the shared ALB: a log group, an execution role for just this deployment,
 * the Fargate task definition, an ip target group, the listener rule for its path prefix, and the service.
 */
export class SidecarDeployment extends Construct {
  /** The variant and architecture it runs. */
  public readonly deployment: Deployment;
  public readonly key: string;
  public readonly pathPrefix: string;
  public readonly logGroup: CloudwatchLogGroup;
  public readonly executionRole: TaskExecutionRole;
  public readonly taskDefinition: EcsTaskDefinition;
  public readonly targetGroup: LbTargetGroup;
  public readonly listenerRule: LbListenerRule;
  public readonly service: EcsService;

  constructor(scope: Construct, id: string, props: SidecarDeploymentProps) {
    super(scope, id);
    const { variant, architecture } = props.deployment;
    const spec = variantSpec(variant, props.variants ?? sidecarVariantTable);
    const size = fargateSizeProblem(props.taskSize);
    if (size) throw new Error(`task size of ${variant}: ${size.message} (${size.allowed})`);
    if (props.assignPublicIp && !props.publicIpReason)
      throw new Error(`${variant}/${architecture}: assignPublicIp needs a publicIpReason`);
    if (props.subnetIds.length === 0) throw new Error(`${variant}/${architecture}: subnetIds is empty`);
    if (!Number.isInteger(props.rulePriority) || props.rulePriority < 1 || props.rulePriority > 50000) {
      throw new Error(`rulePriority must be 1-50000, got ${props.rulePriority}`);
    }
    this.deployment = props.deployment;
    this.key = deploymentKey(props.deployment);
    this.pathPrefix = pathPrefix(props.deployment);
    const name = `${props.namePrefix}-${this.key}`;

    this.logGroup = new CloudwatchLogGroup(this, 'logs', {
      name: `/stackwright/${props.namePrefix}/${this.key}`,
      retentionInDays: props.logRetentionDays,
    });
    this.executionRole = new TaskExecutionRole(this, 'execution-role', {
      roleName: boundedName([name, 'exec'], NameLimit.iamRole, HashLength.sidecar),
      partition: props.partition,
      region: props.region,
      accountId: props.accountId,
      repositoryArns: props.repositoryArns,
      logGroupArn: this.logGroup.arn,
    });

    const containers = sidecarContainers({
      variant: spec,
      images: props.images,
      listenPort: props.listenPort,
      logGroupName: this.logGroup.name,
      region: props.region,
    });
    this.taskDefinition = new EcsTaskDefinition(this, 'task', {
      family: name,
      requiresCompatibilities: ['FARGATE'],
      networkMode: 'awsvpc',
      cpu: String(props.taskSize.cpu),
      memory: String(props.taskSize.memory),
      runtimePlatform: { operatingSystemFamily: 'LINUX', cpuArchitecture: architecture },
      executionRoleArn: this.executionRole.role.arn,
      // Task volumes with just a name: Fargate-managed storage (host paths are EC2-only) for the directories the
      // read-only containers write; sharedvol's socket volume is one directory both containers mount.
      volume: taskVolumes(containers).map((name) => ({ name })),
      // Indented: the HCL review copy then shows it as a heredoc (a one-line JSON string with references in it
      // would not survive the HCL rendering); the provider compares the JSON, not its whitespace.
      containerDefinitions: JSON.stringify(containers, null, 2),
    });

    this.targetGroup = new LbTargetGroup(this, 'targets', {
      name: boundedName([props.namePrefix, this.key.replace(/_/g, '-')], NameLimit.targetGroup, HashLength.sidecar),
      targetType: 'ip', // awsvpc tasks register by ENI address
      vpcId: props.vpcId,
      port: props.listenPort,
      protocol: 'HTTP',
      deregistrationDelay: '10', // the benchmark has no long requests to drain; faster deploys and teardown
      healthCheck: {
        enabled: true,
        path: props.healthCheckPath,
        matcher: '200',
        interval: 10,
        timeout: 5,
        healthyThreshold: 2,
        unhealthyThreshold: 3,
      },
    });
    this.listenerRule = new LbListenerRule(this, 'route', {
      listenerArn: props.listenerArn,
      priority: props.rulePriority,
      action: [{ type: 'forward', targetGroupArn: this.targetGroup.arn }],
      condition: [{ pathPattern: { values: [this.pathPrefix.slice(0, -1), `${this.pathPrefix}*`] } }],
    });

    this.service = new EcsService(this, 'service', {
      name: this.key,
      cluster: props.clusterArn,
      taskDefinition: this.taskDefinition.arn,
      desiredCount: props.desiredCount ?? 1,
      launchType: 'FARGATE',
      platformVersion: 'LATEST',
      networkConfiguration: {
        subnets: [...props.subnetIds],
        securityGroups: [...props.securityGroupIds],
        assignPublicIp: props.assignPublicIp ?? false,
      },
      loadBalancer: [
        {
          targetGroupArn: this.targetGroup.arn,
          containerName: loadBalancedContainer(spec),
          containerPort: props.listenPort,
        },
      ],
      healthCheckGracePeriodSeconds: 30,
      deploymentCircuitBreaker: { enable: true, rollback: true },
      propagateTags: 'SERVICE',
      enableEcsManagedTags: true,
      // apply returns once the tasks are healthy, so the benchmark can start right after it.
      waitForSteadyState: true,
      // The target group must be attached to the listener, the role able to pull and log, and the subnets able to
      // reach ECR and CloudWatch Logs, before tasks start.
      dependsOn: [this.listenerRule, this.executionRole.policy, ...(props.egress ?? [])],
    });
    if (props.assignPublicIp) suppressRule(this.service, 'Net-NoPublicTaskIp', props.publicIpReason!);
  }
}
