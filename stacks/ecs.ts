import { DataAwsCallerIdentity } from '@cdktf/provider-aws/lib/data-aws-caller-identity';
import { defineStack } from '../src/core/stack-definition';
import { StackwrightStack } from '../src/core/stackwright-stack';
import { clusterNetworkPlan } from '../src/ecs/network';
import { egressResources } from '../src/aws/egress';
import { Ec2CapacityCluster } from '../src/ecs/cluster';
import { ClusterService } from '../src/ecs/service';
import { ecsReadmeSections } from '../src/ecs/readme';
import {
  DesiredCountReconciler,
  reconcilerReadmeSection,
  type ManagedCluster,
} from '../src/ecs/reconciler/desired-count-reconciler';
import { clusterNetworkPlanProps, clusterProps, reconcilerProps, serviceProps } from './ecs-props';

export const ecsStack = defineStack({
  key: 'ecs',
  summary: 'ECS clusters on EC2 capacity; daemon, reconciled (one task per host) and placed services',
  build: (scope, config, ecs) => {
    const names = ecs.clusters.map((c) => `${config.name}-${c.name}`).join(', ');
    const stack = new StackwrightStack(scope, 'ecs', {
      config,
      description:
        `ECS clusters ${names} on EC2 capacity with their services; services placed one task per host ` +
        `are kept there by ECS's DAEMON scheduler or by the desired-count reconciler.`,
    });
    const { partition, region } = config.aws;
    const accountId = new DataAwsCallerIdentity(stack, 'caller').accountId;

    // The provider's default tags, for what the Auto Scaling groups launch (default_tags do not reach them).
    const defaultTags = stack.aws.defaultTags;
    const instanceTags = Array.isArray(defaultTags) ? defaultTags[0]?.tags : undefined;
    const clusterOutputs: Record<string, unknown> = {};
    const serviceOutputs: Record<string, unknown> = {};
    const managed: ManagedCluster[] = [];
    for (const c of ecs.clusters) {
      const clusterName = stack.resourceName(c.name);
      const network = clusterNetworkPlan(stack, `${c.name}-network`, clusterNetworkPlanProps(c, clusterName));
      // The network's way out (none to wait for in an existing VPC): instances and tasks pull images through it.
      const egress = egressResources(network.network);
      const clusterRefs = {
        clusterName,
        vpcId: network.vpcId,
        subnetIds: network.subnetIds,
        partition,
        egress,
        instanceTags,
      };
      const cluster = new Ec2CapacityCluster(stack, c.name, clusterProps(c, clusterRefs));
      // Each attribute read makes a new Terraform reference (with a captured stack trace): read them once.
      const clusterArn = cluster.clusterArn;
      const capacityProviderName = cluster.capacity.capacityProvider.name;
      const refs = {
        clusterName,
        clusterArn,
        capacityProviderName,
        region,
        partition,
        accountId,
        vpcId: network.vpcId,
        subnetIds: network.subnetIds,
        dependsOn: [cluster.capacityProviders, ...egress],
      };
      const services = c.services.map(
        (s) => new ClusterService(cluster, `service-${s.name}`, serviceProps(c, s, refs)),
      );
      clusterOutputs[c.name] = {
        name: cluster.clusterName,
        arn: clusterArn,
        capacity_provider: capacityProviderName,
        autoscaling_group: cluster.capacity.autoScalingGroup.name,
      };
      const reconciled = services.filter((s) => s.reconciled).map((s) => s.serviceName);
      if (reconciled.length > 0) managed.push({ clusterName, clusterArn, serviceNames: reconciled });
      for (const s of services) {
        serviceOutputs[`${c.name}/${s.serviceName}`] = {
          arn: s.service.id,
          one_task_per_host: s.oneTaskPerHost,
          log_group: s.logGroup.name,
        };
      }
    }

    stack.addOutputs({
      clusters: {
        value: clusterOutputs,
        description: 'Per cluster: ECS cluster name and ARN, capacity provider, Auto Scaling group',
      },
      services: {
        value: serviceOutputs,
        description: 'Per cluster/service: service ARN, one-task-per-host mode, log group',
      },
    });
    for (const section of ecsReadmeSections(ecs, config.name)) stack.addReadmeSection(section);

    // One reconciler for the reconciled services of every cluster; none when no service is reconciled.
    if (managed.length > 0) {
      const props = reconcilerProps(ecs, { stack, managed, partition, region, accountId });
      const reconciler = new DesiredCountReconciler(stack, 'reconciler', props);
      stack.addOutputs({
        reconciler_function_name: {
          value: reconciler.function.functionName,
          description: 'The desired-count reconciler Lambda function',
        },
        reconciler_function_arn: { value: reconciler.function.arn, description: 'ARN of the reconciler function' },
        reconciler_rule_arn: {
          value: reconciler.rule.arn,
          description: 'EventBridge rule for container instance state changes of the managed clusters',
        },
        reconciler_dead_letter_queue_url: {
          value: reconciler.deadLetterQueue.url,
          description: 'Events and invocations that failed after retries',
        },
        reconciler_dead_letter_queue_arn: {
          value: reconciler.deadLetterQueue.arn,
          description: 'ARN of the reconciler dead-letter queue',
        },
      });
      stack.addReadmeSection(reconcilerReadmeSection(props));
    }
    return stack;
  },
});
