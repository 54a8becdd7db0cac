import type { RulePack } from '../pack';
import AwsvpcHostPort from '../ecs/AwsvpcHostPort';
import AwsvpcTargetTypeIp from '../ecs/AwsvpcTargetTypeIp';
import ContainersReadInstanceCredentials from '../ecs/ContainersReadInstanceCredentials';
import ContainerWithinTask from '../ecs/ContainerWithinTask';
import DaemonService from '../ecs/DaemonService';
import EssentialContainer from '../ecs/EssentialContainer';
import FargateAwsvpc from '../ecs/FargateAwsvpc';
import FargateCompatibility from '../ecs/FargateCompatibility';
import FargateLogConfiguration from '../ecs/FargateLogConfiguration';
import FargateNoPlacement from '../ecs/FargateNoPlacement';
import FargateTaskCpuMemory from '../ecs/FargateTaskCpuMemory';
import FargateTaskSize from '../ecs/FargateTaskSize';
import FargateUnsupportedParameters from '../ecs/FargateUnsupportedParameters';
import HostModeHostPort from '../ecs/HostModeHostPort';
import GracePeriodNeedsLoadBalancer from '../ecs/GracePeriodNeedsLoadBalancer';
import LaunchTypeOrCapacityProvider from '../ecs/LaunchTypeOrCapacityProvider';
import ServiceWaitsForEgress from '../ecs/ServiceWaitsForEgress';
import ReadonlyRootFilesystem from '../ecs/ReadonlyRootFilesystem';

/**
 * What ECS rejects at apply time and `terraform validate` does not check, and what it accepts but regrets: containers
 * that can read the instance's credentials, services that may start before their network's way out exists.
 */
export const ecsPack: RulePack = {
  name: 'ecs',
  description:
    'ECS task definitions and services: what AWS rejects at apply time, containers reaching instance credentials, services racing their network',
  entries: [
    {
      rule: FargateTaskSize,
      message: 'Fargate task size is not a valid CPU/memory pair',
      fix: 'Pick a CPU and memory pair from the Fargate task size table.',
    },
    { rule: FargateAwsvpc, message: 'Fargate task without awsvpc networking', fix: 'Set network_mode = "awsvpc".' },
    {
      rule: FargateTaskCpuMemory,
      message: 'Fargate task without task-level cpu and memory',
      fix: 'Set cpu and memory on the task definition.',
    },
    {
      rule: FargateCompatibility,
      message: 'Fargate service runs a task definition not compatible with Fargate',
      fix: 'Add "FARGATE" to the task definition\'s requires_compatibilities.',
    },
    {
      rule: FargateNoPlacement,
      message: 'Placement strategy or constraint on Fargate',
      fix: 'Remove ordered_placement_strategy and placement_constraints, or run on EC2.',
    },
    {
      rule: DaemonService,
      message: 'DAEMON service with settings ECS rejects',
      fix: 'Run DAEMON services on EC2 with no desired_count, no placement strategy, deployment_maximum_percent 100, the ECS controller and no auto scaling.',
    },
    {
      rule: AwsvpcHostPort,
      message: 'awsvpc port mapping with a different hostPort',
      fix: 'Leave hostPort out or set it equal to containerPort.',
    },
    {
      rule: HostModeHostPort,
      message: 'host-mode port mapping without hostPort: the task definition is replaced on every apply',
      fix: 'Set hostPort equal to containerPort, as ECS returns it.',
    },
    {
      rule: AwsvpcTargetTypeIp,
      message: 'awsvpc service behind a target group that does not target IPs',
      fix: 'Set target_type = "ip" on the target group.',
    },
    {
      rule: FargateLogConfiguration,
      message: 'Log configuration Fargate does not support',
      fix: 'Use awslogs (with awslogs-group, awslogs-region and awslogs-stream-prefix), splunk or awsfirelens.',
    },
    {
      rule: EssentialContainer,
      message: 'Task definition without an essential container',
      fix: 'Mark the main container essential (the default).',
    },
    {
      rule: GracePeriodNeedsLoadBalancer,
      message: 'Health-check grace period without a load balancer',
      fix: "Remove health_check_grace_period_seconds, or add a load_balancer; use the container health check's startPeriod instead.",
    },
    {
      rule: LaunchTypeOrCapacityProvider,
      message: 'Service sets both a launch type and a capacity provider strategy',
      fix: 'Keep one: launch_type or capacity_provider_strategy.',
    },
    {
      rule: FargateUnsupportedParameters,
      message: 'Parameters Fargate does not support',
      fix: 'Remove them, or run the task on EC2.',
    },
    {
      rule: ContainersReadInstanceCredentials,
      message: "Containers can read the instance role's credentials",
      fix:
        'Block the metadata service per network mode: iptables DOCKER-USER drop (or hop limit 1) for bridge, ' +
        'ECS_AWSVPC_BLOCK_IMDS=true for awsvpc, a task role for host mode.',
    },
    {
      rule: ServiceWaitsForEgress,
      message: 'Service in a private subnet does not wait for its way out',
      fix: "Add the subnet's route table association and NAT route (or its VPC's endpoints) to the service's depends_on.",
    },
    {
      rule: ContainerWithinTask,
      message: 'Container resources do not fit the task',
      fix: "Lower the containers' memory/cpu or raise the task's; give every container memory or memoryReservation when the task sets none.",
    },
    {
      rule: ReadonlyRootFilesystem,
      message: 'Container can write to its root filesystem',
      fix: 'Set readonlyRootFilesystem: true and mount a task volume (or tmpfs on EC2) at each path the process writes.',
    },
  ],
};
