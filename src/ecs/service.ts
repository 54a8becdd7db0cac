import { Construct } from 'constructs';
import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { EcsTaskDefinition } from '@cdktf/provider-aws/lib/ecs-task-definition';
import { EcsService, type EcsServiceConfig } from '@cdktf/provider-aws/lib/ecs-service';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { VpcSecurityGroupEgressRule } from '@cdktf/provider-aws/lib/vpc-security-group-egress-rule';
import { policyJson, serviceTrustPolicy } from '../iam/policy-document';
import type { EcsContainerDefinition } from './container-definition';
import { executionPolicyStatements } from './execution-policy';
import { boundedName, NameLimit } from '../aws/names';
import { effectiveConstraints } from './placement';
import { serviceIssues } from './service-rules';
import { issuesError } from '../core/config-issue';
import { serviceShapeOf, type ServiceShape } from './service-shape';
import type { ClusterServiceProps, OneTaskPerHost } from './service-props';

export type { ClusterServiceProps, OneTaskPerHost } from './service-props';

/**
 * One ECS service: its task definition (containers logging to the service's own log group through
 * awslogs), a least-privilege execution role, and the service with its scheduling and placement.
 *
 * - daemon: DAEMON scheduling, no desired count, no strategies, maximum percent 100.
 * - reconciled: REPLICA with distinctInstance and launch type EC2 (tasks waiting for a host must not make the
 *   capacity provider add one, or host count and desired count would chase each other); Terraform ignores
 *   desired_count, which the reconciler owns.
 * - otherwise: REPLICA on the cluster's capacity provider (or Fargate) with its placement strategies.
 */
export class ClusterService extends Construct {
  public readonly logGroup: CloudwatchLogGroup;
  public readonly executionRole: IamRole;
  /** The containers' own identity: AWS SDKs in the task use it (never the instance's role). */
  public readonly taskRole: IamRole;
  public readonly taskDefinition: EcsTaskDefinition;
  public readonly service: EcsService;
  /** Set for awsvpc tasks. */
  public readonly securityGroup?: SecurityGroup;
  public readonly oneTaskPerHost: OneTaskPerHost;
  public readonly serviceName: string;

  constructor(scope: Construct, id: string, props: ClusterServiceProps) {
    super(scope, id);
    const s = serviceShapeOf(props);
    // The config schema runs the same rules first and names the config path; here they name the prop to change.
    const issues = serviceIssues(s);
    if (issues.length > 0) throw issuesError(`ClusterService ${s.name}`, issues);
    this.serviceName = s.name;
    this.oneTaskPerHost = props.oneTaskPerHost ?? 'none';
    const fargate = s.launchType === 'fargate';
    const networkMode = s.networkMode ?? (fargate ? 'awsvpc' : 'bridge');
    const baseName = [props.clusterName, s.name];
    const taskPermissions = props.taskPermissions ?? [];

    this.logGroup = new CloudwatchLogGroup(this, 'logs', {
      name: `/stackwright/ecs/${props.clusterName}/${s.name}`,
      retentionInDays: props.logRetentionDays ?? 30,
    });

    this.executionRole = new IamRole(this, 'execution-role', {
      name: boundedName([...baseName, 'exec'], NameLimit.iamRole),
      description: `Starts tasks of ECS service ${s.name} in ${props.clusterName}: logs, image pull, secrets (Stackwright)`,
      // Confused-deputy guard: ECS may assume the role only for tasks of this account.
      assumeRolePolicy: serviceTrustPolicy('ecs-tasks.amazonaws.com', {
        StringEquals: { 'aws:SourceAccount': props.accountId },
      }),
    });
    new IamRolePolicy(this, 'execution-policy', {
      name: 'task-execution',
      role: this.executionRole.id,
      policy: policyJson(
        executionPolicyStatements({
          logGroupArn: this.logGroup.arn,
          containers: s.containers,
          partition: props.partition,
          region: props.region,
          accountId: props.accountId,
        }),
      ),
    });

    this.taskRole = new IamRole(this, 'task-role', {
      name: boundedName([...baseName, 'task'], NameLimit.iamRole),
      description:
        `Containers of ECS service ${s.name} in ${props.clusterName}: ` +
        `${taskPermissions.length > 0 ? 'its configured permissions' : 'no permissions'} (Stackwright)`,
      assumeRolePolicy: serviceTrustPolicy('ecs-tasks.amazonaws.com', {
        StringEquals: { 'aws:SourceAccount': props.accountId },
      }),
    });
    if (taskPermissions.length > 0) {
      new IamRolePolicy(this, 'task-policy', {
        name: 'task-permissions',
        role: this.taskRole.id,
        policy: policyJson(
          taskPermissions.map((p, i) => ({
            Sid: `Configured${i + 1}`,
            Effect: 'Allow' as const,
            Action: [...p.actions],
            Resource: [...p.resources],
          })),
        ),
      });
    }

    const logGroupName = this.logGroup.name; // a reference, so the task definition waits for the log group
    const containers: EcsContainerDefinition[] = s.containers.map((c) => ({
      ...c,
      ...(c.portMappings ? { portMappings: portMappingsAsReturned(c.portMappings, networkMode) } : {}),
      logConfiguration: {
        logDriver: 'awslogs',
        options: {
          'awslogs-group': logGroupName,
          'awslogs-region': props.region,
          'awslogs-stream-prefix': s.name,
          // A full log buffer drops lines instead of blocking the application's writes.
          mode: 'non-blocking',
          'max-buffer-size': '25m',
        },
      },
    }));
    this.taskDefinition = new EcsTaskDefinition(this, 'task', {
      family: boundedName(baseName, NameLimit.taskFamily),
      containerDefinitions: JSON.stringify(containers, null, 2),
      networkMode,
      requiresCompatibilities: [fargate ? 'FARGATE' : 'EC2'],
      cpu: s.cpu?.toString(),
      memory: s.memory?.toString(),
      executionRoleArn: this.executionRole.arn,
      taskRoleArn: this.taskRole.arn,
      volume: s.volumes.length > 0 ? s.volumes.map((v) => ({ name: v.name, hostPath: v.hostPath })) : undefined,
      runtimePlatform: fargate ? { operatingSystemFamily: 'LINUX', cpuArchitecture: 'X86_64' } : undefined,
    });

    if (networkMode === 'awsvpc') {
      this.securityGroup = new SecurityGroup(this, 'tasks-sg', {
        name: boundedName([...baseName, 'tasks'], NameLimit.securityGroup),
        description: `Tasks of ECS service ${s.name} in ${props.clusterName}: no ingress, all egress`,
        vpcId: props.vpcId,
        tags: { Name: `${props.clusterName}-${s.name}` },
      });
      new VpcSecurityGroupEgressRule(this, 'tasks-egress', {
        securityGroupId: this.securityGroup.id,
        description: 'The tasks own outbound traffic',
        ipProtocol: '-1',
        cidrIpv4: '0.0.0.0/0',
      });
    }

    this.service = new EcsService(this, 'service', {
      name: s.name,
      cluster: props.clusterArn,
      taskDefinition: this.taskDefinition.arn,
      ...this.scheduling(s, props),
      networkConfiguration: this.securityGroup
        ? { subnets: props.subnetIds, securityGroups: [this.securityGroup.id], assignPublicIp: false }
        : undefined,
      enableEcsManagedTags: true,
      propagateTags: 'SERVICE',
      dependsOn: props.dependsOn,
    });
  }

  /** Whether the reconciler owns this service's desired count. */
  public get reconciled(): boolean {
    return this.oneTaskPerHost === 'reconciled';
  }

  private scheduling(s: ServiceShape, props: ClusterServiceProps): Partial<EcsServiceConfig> {
    const constraints = effectiveConstraints(s.placement.constraints, this.reconciled);
    const placementConstraints =
      constraints.length > 0 ? constraints.map((c) => ({ type: c.type, expression: c.expression })) : undefined;
    const orderedPlacementStrategy =
      s.placement.strategies.length > 0
        ? s.placement.strategies.map((p) => ({ type: p.type, field: p.field }))
        : undefined;
    switch (this.oneTaskPerHost) {
      case 'daemon':
        return {
          schedulingStrategy: 'DAEMON',
          launchType: 'EC2',
          deploymentMaximumPercent: 100,
          deploymentMinimumHealthyPercent: s.deployment.minimumHealthyPercent ?? 0,
          placementConstraints,
        };
      case 'reconciled':
        return {
          schedulingStrategy: 'REPLICA',
          launchType: 'EC2',
          desiredCount: props.initialReconciledCount ?? 0,
          // One task on every host leaves no room to start a replacement first: stop, then start.
          deploymentMaximumPercent: s.deployment.maximumPercent ?? 100,
          deploymentMinimumHealthyPercent: s.deployment.minimumHealthyPercent ?? 0,
          deploymentCircuitBreaker: { enable: true, rollback: true },
          orderedPlacementStrategy,
          placementConstraints,
          lifecycle: { ignoreChanges: ['desired_count'] },
        };
      case 'none':
        return {
          schedulingStrategy: 'REPLICA',
          desiredCount: s.desiredCount ?? 1,
          ...placedOn(s.launchType === 'fargate' ? 'FARGATE' : props.capacityProviderName),
          deploymentMaximumPercent: s.deployment.maximumPercent ?? 200,
          deploymentMinimumHealthyPercent: s.deployment.minimumHealthyPercent ?? 100,
          deploymentCircuitBreaker: { enable: true, rollback: true },
          orderedPlacementStrategy,
          placementConstraints,
        };
    }
  }
}

/**
 * Port mappings as ECS returns them: in host and awsvpc modes a task owns its ports, and ECS reports hostPort equal to
 * containerPort. The provider fills a missing hostPort only for awsvpc before comparing (ECS-HostModeHostPort), so a
 * host-mode mapping written without it would replace the task definition on every apply.
 */
export function portMappingsAsReturned(
  mappings: NonNullable<EcsContainerDefinition['portMappings']>,
  networkMode: string,
): NonNullable<EcsContainerDefinition['portMappings']> {
  if (networkMode === 'bridge') return mappings;
  return mappings.map((m) => (m.hostPort === undefined ? { ...m, hostPort: m.containerPort } : m));
}

/** A capacity provider strategy on the given provider, or launch type EC2 when there is none. */
function placedOn(capacityProvider: string | undefined): Partial<EcsServiceConfig> {
  return capacityProvider === undefined
    ? { launchType: 'EC2' }
    : { capacityProviderStrategy: [{ capacityProvider, weight: 1, base: 0 }] };
}
