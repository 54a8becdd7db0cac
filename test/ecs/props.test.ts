import { App, Testing } from 'cdktf';
import { StackwrightStack } from '../../src/core/stackwright-stack';
import { Ec2CapacityCluster } from '../../src/ecs/cluster';
import { clusterNetworkPlan } from '../../src/ecs/network';
import { ClusterService } from '../../src/ecs/service';
import {
  clusterNetworkPlanProps,
  clusterProps,
  reconcilerProps,
  serviceProps,
  type ServiceRefs,
} from '../../stacks/ecs-props';
import { onlyResource, resourcesOf, testConfig } from '../helpers/synth';
import { container, ecsSection, service } from './helpers';
import type { Json } from '../helpers/json';

const sectionOf = (services: unknown[], cluster: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) => {
  const ecs = testConfig({ ecs: ecsSection(services, cluster, extra) }).stacks.ecs;
  if (!ecs) throw new Error('no ecs section');
  return ecs;
};
const clusterRefs = {
  clusterName: 'test-main',
  vpcId: '${vpc.id}',
  subnetIds: ['${subnet.id}'],
  partition: 'aws' as const,
  egress: [],
};
const refs: ServiceRefs = {
  clusterName: 'test-main',
  clusterArn: '${cluster.arn}',
  capacityProviderName: '${cp.name}',
  region: 'us-east-1',
  partition: 'aws',
  accountId: '${caller.account_id}',
  vpcId: '${vpc.id}',
  subnetIds: ['${subnet.id}'],
  dependsOn: [],
};

describe('ecs config -> construct props', () => {
  test('a cluster with defaults: a created network, t3.small capacity, Container Insights on, neither Fargate nor reconciled', () => {
    const ecs = sectionOf([service()]);
    const [c] = ecs.clusters;
    expect(clusterNetworkPlanProps(c!, 'test-main')).toEqual({
      namePrefix: 'test-main',
      network: { type: 'create', cidrBlock: '10.0.0.0/16', availabilityZones: 2, flowLogRetentionDays: 30 },
    });
    expect(clusterProps(c!, clusterRefs)).toEqual({
      ...clusterRefs,
      capacity: {
        instanceType: 't3.small',
        architecture: 'x86_64',
        scaling: 'managed',
        minSize: 0,
        maxSize: 3,
        rootVolumeGiB: 30,
        imdsHopLimit: 1,
        targetCapacityPercent: 100,
        sessionManager: false,
      },
      containerInsights: 'enabled',
      fargate: false,
      reconciledServices: false,
    });
  });

  test('a cluster registers Fargate and reconciled services when any of its services needs them', () => {
    const fargate = service({ name: 'f', launchType: 'fargate', cpu: 256, memory: 512, containers: [container()] });
    const reconciled = service({ name: 'r', oneTaskPerHost: 'reconciled' });
    const network = { type: 'existing', vpcId: 'vpc-0123abcd', subnetIds: ['subnet-0123abcd'] };
    const [c] = sectionOf([fargate, reconciled], {
      network,
      capacity: { scaling: 'memoryReservation', minSize: 2, maxSize: 4, desiredSize: 3 },
    }).clusters;
    expect(clusterNetworkPlanProps(c!, 'p')).toEqual({ namePrefix: 'p', network });
    expect(clusterProps(c!, clusterRefs)).toMatchObject({
      fargate: true,
      reconciledServices: true,
      capacity: { minSize: 2, maxSize: 4, desiredSize: 3 },
    });
    expect(serviceProps(c!, c!.services[1]!, refs).initialReconciledCount).toBe(3);
  });

  test('a service with defaults: an ordinary EC2 service, its containers as ECS definitions, every list empty', () => {
    const [c] = sectionOf([service()]).clusters;
    expect(serviceProps(c!, c!.services[0]!, refs)).toEqual({
      ...refs,
      serviceName: 'svc',
      containers: [{ ...container(), essential: true }],
      initialReconciledCount: 0,
      oneTaskPerHost: 'none',
      launchType: 'ec2',
      desiredCount: undefined,
      cpu: undefined,
      memory: undefined,
      networkMode: undefined,
      logRetentionDays: 30,
      taskPermissions: [],
      volumes: [],
      placement: { strategies: [], constraints: [] },
      deployment: {},
    });
  });

  test('every configured service value reaches its prop', () => {
    const s = service({
      name: 'web',
      oneTaskPerHost: 'daemon',
      cpu: 512,
      memory: 1024,
      networkMode: 'host',
      logRetentionDays: 90,
      taskPermissions: [{ actions: ['s3:GetObject'], resources: ['arn:aws:s3:::b/*'] }],
      volumes: [{ name: 'data', hostPath: '/data' }],
      placement: { constraints: [{ type: 'memberOf', expression: 'attribute:ecs.instance-type =~ t3.*' }] },
      deployment: { minimumHealthyPercent: 50 },
    });
    const [c] = sectionOf([s]).clusters;
    expect(serviceProps(c!, c!.services[0]!, refs)).toMatchObject({
      serviceName: 'web',
      oneTaskPerHost: 'daemon',
      cpu: 512,
      memory: 1024,
      networkMode: 'host',
      logRetentionDays: 90,
      taskPermissions: [{ actions: ['s3:GetObject'], resources: ['arn:aws:s3:::b/*'] }],
      volumes: [{ name: 'data', hostPath: '/data' }],
      placement: {
        strategies: [],
        constraints: [{ type: 'memberOf', expression: 'attribute:ecs.instance-type =~ t3.*' }],
      },
      deployment: { minimumHealthyPercent: 50 },
    });
  });

  test('the reconciler: its dry-run flag and log retention, defaults and configured', () => {
    const r = { stack: {} as StackwrightStack, managed: [], partition: 'aws', region: 'us-east-1', accountId: '1' };
    expect(reconcilerProps(sectionOf([service()]), r)).toEqual({
      ...r,
      dryRun: false,
      logRetentionDays: 30,
      alarmActions: [],
    });
    const topic = 'arn:aws:sns:us-east-1:123456789012:ops';
    const reconciler = { dryRun: true, logRetentionDays: 7, alarmActions: [topic] };
    const configured = sectionOf([service()], {}, { reconciler });
    expect(reconcilerProps(configured, r)).toMatchObject(reconciler);
  });
});

describe('the ecs constructs used without the config', () => {
  const stack = () =>
    new StackwrightStack(new App(), 'ecs', {
      config: testConfig({ ecs: ecsSection([service()]) }),
      description: 'test',
    });
  const app = { name: 'app', image: 'public.ecr.aws/nginx/nginx:1.27', essential: true, memoryReservation: 64 };

  test('a cluster and a service from their required props alone take the documented defaults', () => {
    const s = stack();
    const network = clusterNetworkPlan(s, 'network', { namePrefix: 'test-main' });
    const placed = { vpcId: network.vpcId, subnetIds: network.subnetIds };
    const cluster = new Ec2CapacityCluster(s, 'main', { clusterName: 'test-main', ...placed, partition: 'aws' });
    new ClusterService(cluster, 'service-svc', { ...refs, serviceName: 'svc', containers: [app] });
    const json = JSON.parse(Testing.synth(s));
    expect(onlyResource(json, 'aws_vpc').cidr_block).toBe('10.0.0.0/16');
    expect(onlyResource(json, 'aws_launch_template').instance_type).toBe('t3.small');
    expect(onlyResource(json, 'aws_autoscaling_group')).toMatchObject({
      min_size: 0,
      max_size: 3,
      desired_capacity: 0,
    });
    expect(onlyResource(json, 'aws_ecs_service')).toMatchObject({
      scheduling_strategy: 'REPLICA',
      desired_count: 1,
      deployment_maximum_percent: 200,
    });
    expect(onlyResource(json, 'aws_ecs_task_definition')).toMatchObject({
      network_mode: 'bridge',
      requires_compatibilities: ['EC2'],
    });
    const retention = Object.values(resourcesOf(json, 'aws_cloudwatch_log_group')).map(
      (g: Json) => g.retention_in_days,
    );
    expect(retention).toEqual([30, 30]); // the VPC flow logs and the service
  });

  test('ClusterService names the prop to change', () => {
    const fargateWithoutSize = () =>
      new ClusterService(stack(), 'svc', { ...refs, serviceName: 'svc', containers: [app], launchType: 'fargate' });
    expect(fargateWithoutSize).toThrow('ClusterService svc: cpu: Fargate needs task-level cpu');
    const daemonWithCount = () =>
      new ClusterService(stack(), 'svc', {
        ...refs,
        serviceName: 'svc',
        containers: [app],
        oneTaskPerHost: 'daemon',
        desiredCount: 2,
      });
    expect(daemonWithCount).toThrow(
      'desiredCount: a daemon service has no desired count (one task per instance) (remove desiredCount)',
    );
  });

  // Ec2Capacity runs the config's cluster rules (clusterIssues, scalingIssues): the same wording, the prop's path.
  test('Ec2Capacity and clusterNetworkPlan name the prop to change', () => {
    const cluster = (capacity: object) => () =>
      new Ec2CapacityCluster(stack(), 'main', {
        clusterName: 'test-main',
        vpcId: 'v',
        subnetIds: ['s'],
        partition: 'aws',
        capacity,
      });
    expect(cluster({ scaling: 'memoryReservation', minSize: 4 })).toThrow(
      'Ec2Capacity test-main: capacity.minSize: minSize 4 is above maxSize 3 (0 to 3)',
    );
    expect(cluster({ scaling: 'memoryReservation', desiredSize: 5 })).toThrow(
      'Ec2Capacity test-main: capacity.desiredSize: desiredSize 5 is outside minSize..maxSize (1 to 3)',
    );
    expect(cluster({ minSize: 1 })).toThrow(
      'Ec2Capacity test-main: capacity.minSize: minSize 1 with managed scaling: the group is created empty',
    );
    expect(cluster({ instanceType: 't4g.small' })).toThrow(
      'Ec2Capacity test-main: capacity.architecture: instance type t4g.small is arm64 (Graviton) but architecture is x86_64',
    );
    expect(
      () =>
        new Ec2CapacityCluster(stack(), 'main', {
          clusterName: 'test-main',
          vpcId: 'v',
          subnetIds: [],
          partition: 'aws',
        }),
    ).toThrow('Ec2Capacity test-main: subnetIds is empty');
    expect(() =>
      clusterNetworkPlan(stack(), 'n', {
        namePrefix: 'p',
        network: { type: 'existing', vpcId: 'vpc-1', subnetIds: [] },
      }),
    ).toThrow('clusterNetworkPlan p: network.subnetIds is empty');
  });
});
