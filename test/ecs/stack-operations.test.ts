import { onlyResource, resourcesOf } from '../helpers/synth';
import { parsePolicy } from '../datadog/helpers';
import { ecsSection, named, service, synthEcs, threeModes } from './helpers';
import type { Json } from '../helpers/json';

/** What the generated ECS stack does once applied: scaling protection, task roles, order of creation. */
describe('ECS stack: operations', () => {
  let json: Json;
  beforeAll(async () => {
    json = await synthEcs(threeModes);
  });

  it('capacity provider with a reconciled service: draining only, the group scales on MemoryReservation', () => {
    const cp = onlyResource(json, 'aws_ecs_capacity_provider');
    expect(cp.name).toBe('test-main-ec2');
    expect(cp.auto_scaling_group_provider).toEqual({
      auto_scaling_group_arn: expect.stringMatching(/^\$\{aws_autoscaling_group\..+\.arn\}$/),
      managed_termination_protection: 'DISABLED',
      managed_draining: 'ENABLED',
      managed_scaling: { status: 'DISABLED' },
    });
    expect(onlyResource(json, 'aws_autoscaling_policy')).toMatchObject({
      policy_type: 'TargetTrackingScaling',
      autoscaling_group_name: expect.stringMatching(/^\$\{aws_autoscaling_group\..+\.name\}$/),
      target_tracking_configuration: {
        target_value: 75,
        customized_metric_specification: {
          namespace: 'AWS/ECS',
          metric_name: 'MemoryReservation',
          metric_dimension: [{ name: 'ClusterName', value: 'test-main' }],
          statistic: 'Average',
        },
      },
    });
    const asg = onlyResource(json, 'aws_autoscaling_group');
    expect(asg).toMatchObject({ min_size: 2, max_size: 5, desired_capacity: 2, protect_from_scale_in: false });
    expect(asg.lifecycle).toEqual({ ignore_changes: ['desired_capacity'] });
    expect(asg.vpc_zone_identifier).toHaveLength(2);
    expect(asg.tag).toContainEqual({ key: 'AmazonECSManaged', value: '', propagate_at_launch: true });
  });

  it('capacity provider without reconciled services: managed termination protection with scale-in protection', async () => {
    const plain = await synthEcs(
      ecsSection([service({ name: 'web' }), service({ name: 'agent', oneTaskPerHost: 'daemon' })]),
    );
    expect(onlyResource(plain, 'aws_ecs_capacity_provider').auto_scaling_group_provider).toMatchObject({
      managed_termination_protection: 'ENABLED',
      managed_draining: 'ENABLED',
    });
    expect(onlyResource(plain, 'aws_autoscaling_group').protect_from_scale_in).toBe(true);
    expect(resourcesOf(plain, 'aws_autoscaling_policy')).toEqual({});
  });

  it('every task has its own task role (ECS trust, this account only), with no permissions unless configured', async () => {
    const roles = resourcesOf(json, 'aws_iam_role');
    for (const t of Object.values(resourcesOf(json, 'aws_ecs_task_definition')) as Json[]) {
      const key = /^\$\{aws_iam_role\.([^.]+)\.arn\}$/.exec(t.task_role_arn)![1]!;
      expect(roles[key].name).toBe(`${t.family}-task`);
      const trust = parsePolicy(roles[key].assume_role_policy).Statement[0];
      expect(trust).toMatchObject({
        Principal: { Service: 'ecs-tasks.amazonaws.com' },
        Condition: { StringEquals: { 'aws:SourceAccount': expect.stringMatching(/account_id/) } },
      });
    }
    expect(named(resourcesOf(json, 'aws_iam_role_policy'), 'task_policy')).toEqual([]);
    const granted = await synthEcs(
      ecsSection([service({ taskPermissions: [{ actions: ['s3:GetObject'], resources: ['arn:aws:s3:::bucket/*'] }] })]),
    );
    const [policy] = named(resourcesOf(granted, 'aws_iam_role_policy'), 'task_policy');
    expect(parsePolicy(policy.policy).Statement).toEqual([
      { Sid: 'Configured1', Effect: 'Allow', Action: ['s3:GetObject'], Resource: ['arn:aws:s3:::bucket/*'] },
    ]);
  });

  it("every service waits for the capacity provider association and for the network's way out (NAT, routes)", () => {
    const wayOut = [
      ...Object.keys(resourcesOf(json, 'aws_internet_gateway')).map((k) => `aws_internet_gateway.${k}`),
      ...Object.keys(resourcesOf(json, 'aws_nat_gateway')).map((k) => `aws_nat_gateway.${k}`),
      ...Object.keys(resourcesOf(json, 'aws_route')).map((k) => `aws_route.${k}`),
      ...Object.keys(resourcesOf(json, 'aws_route_table_association')).map((k) => `aws_route_table_association.${k}`),
    ];
    expect(wayOut).toHaveLength(1 + 1 + 2 + 4);
    for (const s of Object.values(resourcesOf(json, 'aws_ecs_service')) as Json[]) {
      expect(s.depends_on[0]).toMatch(/^aws_ecs_cluster_capacity_providers\./);
      expect([...s.depends_on.slice(1)].sort()).toEqual([...wayOut].sort());
    }
    // The instances too: their ECS agent registers through the NAT gateway.
    expect([...onlyResource(json, 'aws_autoscaling_group').depends_on].sort()).toEqual([...wayOut].sort());
  });

  it('services in an existing VPC wait for the capacity provider association only', async () => {
    const existing = await synthEcs(
      ecsSection([service({ name: 'web' })], {
        network: { type: 'existing', vpcId: 'vpc-0123456789abcdef0', subnetIds: ['subnet-0123456789abcdef0'] },
      }),
    );
    expect(onlyResource(existing, 'aws_ecs_service').depends_on).toEqual([
      expect.stringMatching(/^aws_ecs_cluster_capacity_providers\./),
    ]);
    expect(onlyResource(existing, 'aws_autoscaling_group').depends_on).toBeUndefined();
  });
});
