import { resourcesOf, onlyResource } from '../helpers/synth';
import { parsePolicy } from '../datadog/helpers';
import { container, ecsSection, named, service, synthEcs, threeModes } from './helpers';
import type { Json } from '../helpers/json';

function onlyData(json: Json, type: string): Json {
  const all = Object.values(json.data?.[type] ?? {});
  expect(all).toHaveLength(1);
  return all[0];
}

/** `${aws_ecs_cluster.<key>.arn}` of the cluster with this name. */
function clusterArnRef(json: Json, name: string): string {
  const [key] = Object.entries(resourcesOf(json, 'aws_ecs_cluster')).find(([, c]) => c.name === name)!;
  return `\${aws_ecs_cluster.${key}.arn}`;
}

function serviceNamed(json: Json, name: string): Json {
  const all = Object.values(resourcesOf(json, 'aws_ecs_service')).filter((s: Json) => s.name === name);
  expect(all).toHaveLength(1);
  return all[0];
}

describe('ECS stack: services', () => {
  let json: Json;
  beforeAll(async () => {
    json = await synthEcs(threeModes);
  });

  it('DAEMON: no desired count, no strategies, maximum percent 100, launch type EC2, constraints kept', () => {
    const daemon = serviceNamed(json, 'agent');
    expect(daemon.scheduling_strategy).toBe('DAEMON');
    expect(daemon).not.toHaveProperty('desired_count');
    expect(daemon).not.toHaveProperty('ordered_placement_strategy');
    expect(daemon).not.toHaveProperty('capacity_provider_strategy');
    expect(daemon.deployment_maximum_percent).toBe(100);
    expect(daemon.launch_type).toBe('EC2');
    expect(daemon.placement_constraints).toEqual([{ type: 'memberOf', expression: 'attribute:ecs.os-type == linux' }]);
  });

  it('reconciled: REPLICA with distinctInstance, desired count ignored by Terraform, starts at the initial host count', () => {
    const r = serviceNamed(json, 'exporter');
    expect(r.scheduling_strategy).toBe('REPLICA');
    expect(r.placement_constraints).toEqual([{ type: 'distinctInstance' }]);
    expect(r.ordered_placement_strategy).toEqual([{ type: 'spread', field: 'attribute:ecs.availability-zone' }]);
    expect(r.lifecycle).toEqual({ ignore_changes: ['desired_count'] });
    expect(r.desired_count).toBe(2);
    expect(r.deployment_maximum_percent).toBe(100);
    // Not on the capacity provider: a task waiting for a host must not make managed scaling add one.
    expect(r.launch_type).toBe('EC2');
    expect(r).not.toHaveProperty('capacity_provider_strategy');
  });

  it('ordinary: placement blocks in config order, desired count, launch type EC2 without managed scaling, no ignore_changes', () => {
    const web = serviceNamed(json, 'web');
    expect(web.scheduling_strategy).toBe('REPLICA');
    expect(web.desired_count).toBe(3);
    expect(web.ordered_placement_strategy).toEqual([
      { type: 'spread', field: 'attribute:ecs.availability-zone' },
      { type: 'binpack', field: 'memory' },
    ]);
    expect(web.placement_constraints).toEqual([
      { type: 'memberOf', expression: 'attribute:ecs.instance-type =~ t3.*' },
    ]);
    // A cluster scaled by its own policy (threeModes has a reconciled service): no capacity provider strategy.
    expect(web.launch_type).toBe('EC2');
    expect(web).not.toHaveProperty('capacity_provider_strategy');
    expect(web).not.toHaveProperty('lifecycle');
    expect(web.deployment_circuit_breaker).toEqual({ enable: true, rollback: true });
  });

  it('task definitions: typed container definitions with awslogs to the service log group, EC2 compatibility', () => {
    const tasks = Object.values(resourcesOf(json, 'aws_ecs_task_definition')) as Json[];
    expect(tasks).toHaveLength(3);
    const web = tasks.find((t) => t.family === 'test-main-web');
    expect(web.requires_compatibilities).toEqual(['EC2']);
    expect(web.network_mode).toBe('bridge');
    const [def] = JSON.parse(web.container_definitions);
    expect(def).toMatchObject({
      name: 'app',
      image: 'public.ecr.aws/nginx/nginx:1.27',
      essential: true,
      memoryReservation: 64,
    });
    expect(def.logConfiguration.logDriver).toBe('awslogs');
    expect(def.logConfiguration.options).toMatchObject({
      'awslogs-group': expect.stringMatching(/^\$\{aws_cloudwatch_log_group\..*web.*\.name\}$/),
      'awslogs-region': 'us-east-1',
      'awslogs-stream-prefix': 'web',
    });
  });

  it('log groups have the configured retention', () => {
    const groups = Object.values(resourcesOf(json, 'aws_cloudwatch_log_group')) as Json[];
    const services = groups.filter((g) => g.name.startsWith('/stackwright/ecs/'));
    expect(services.map((g) => g.name).sort()).toEqual(
      ['agent', 'exporter', 'web'].map((s) => `/stackwright/ecs/test-main/${s}`),
    );
    for (const g of groups) expect(g.retention_in_days).toBe(30);
  });

  it('execution roles: trusted by ECS tasks of this account only, writing only to their own log group', () => {
    const roles = named(resourcesOf(json, 'aws_iam_role'), 'execution_role');
    expect(roles).toHaveLength(3);
    for (const role of roles) {
      const trust = parsePolicy(role.assume_role_policy);
      expect(trust.Statement[0].Principal).toEqual({ Service: 'ecs-tasks.amazonaws.com' });
      expect(trust.Statement[0].Condition).toEqual({
        StringEquals: { 'aws:SourceAccount': '${data.aws_caller_identity.caller.account_id}' },
      });
    }
    const policies = named(resourcesOf(json, 'aws_iam_role_policy'), 'execution_policy');
    for (const p of policies) {
      const doc = parsePolicy(p.policy);
      expect(doc.Statement).toEqual([
        {
          Sid: 'WriteOwnLogGroup',
          Effect: 'Allow',
          Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
          Resource: expect.stringMatching(/^\$\{aws_cloudwatch_log_group\.[^}]+\.arn\}:\*$/),
        },
      ]);
    }
  });
});

describe('ECS stack: cluster and capacity', () => {
  let json: Json;
  beforeAll(async () => {
    json = await synthEcs(threeModes, { aws: { region: 'us-gov-west-1', partition: 'aws-us-gov' } });
  });

  it('cluster with container insights and the capacity provider as default strategy', () => {
    const cluster = onlyResource(json, 'aws_ecs_cluster');
    expect(cluster.name).toBe('test-main');
    expect(cluster.setting).toEqual([{ name: 'containerInsights', value: 'enabled' }]);
    const cps = onlyResource(json, 'aws_ecs_cluster_capacity_providers');
    expect(cps.capacity_providers).toEqual([expect.stringMatching(/aws_ecs_capacity_provider\./)]);
    expect(cps.default_capacity_provider_strategy).toEqual([
      { capacity_provider: cps.capacity_providers[0], weight: 1, base: 0 },
    ]);
  });

  it('launch template: AL2023 ECS AMI from SSM, IMDSv2 required, encrypted gp3 root, joins the cluster', () => {
    const lt = onlyResource(json, 'aws_launch_template');
    const ssm = onlyData(json, 'aws_ssm_parameter');
    expect(ssm.name).toBe('/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id');
    expect(lt.image_id).toMatch(/^\$\{data\.aws_ssm_parameter\..+\.insecure_value\}$/);
    expect(lt.metadata_options).toEqual({
      http_endpoint: 'enabled',
      http_tokens: 'required',
      http_put_response_hop_limit: 1,
      instance_metadata_tags: 'disabled',
    });
    expect(lt.block_device_mappings).toEqual([
      {
        device_name: '/dev/xvda',
        ebs: { encrypted: 'true', volume_size: 30, volume_type: 'gp3', delete_on_termination: 'true' },
      },
    ]);
    const userData = /^\$\{base64encode\("(.*)"\)\}$/s.exec(lt.user_data)![1]!.replace(/\\n/g, '\n');
    expect(userData).toContain("cat >> /etc/ecs/ecs.config <<'EOF'\nECS_CLUSTER=test-main\n");
    // Containers cannot read the instance's credentials: awsvpc blocked by the agent, bridge by iptables, task roles on.
    expect(userData).toMatch(/^ECS_AWSVPC_BLOCK_IMDS=true$/m);
    expect(userData).toMatch(/^ECS_ENABLE_TASK_IAM_ROLE=true$/m);
    expect(userData).toMatch(/^ECS_ENABLE_TASK_IAM_ROLE_NETWORK_HOST=true$/m);
    expect(userData).toContain(
      '/usr/sbin/iptables --insert DOCKER-USER 1 --in-interface docker+ --destination 169.254.169.254/32 --jump DROP',
    );
    expect(userData).toMatch(/^WantedBy=docker\.service$/m);
    expect(lt.iam_instance_profile).toEqual({ arn: expect.stringMatching(/aws_iam_instance_profile\./) });
  });

  it('instance role: EC2 trust and the ECS managed policy in the configured partition', () => {
    const role = named(resourcesOf(json, 'aws_iam_role'), 'instance_role')[0];
    expect(parsePolicy(role.assume_role_policy).Statement[0].Principal).toEqual({ Service: 'ec2.amazonaws.com' });
    const attachments = Object.values(resourcesOf(json, 'aws_iam_role_policy_attachment')) as Json[];
    expect(attachments.map((a) => a.policy_arn)).toEqual([
      'arn:aws-us-gov:iam::aws:policy/service-role/AmazonEC2ContainerServiceforEC2Role',
    ]);
  });

  it('security groups: no ingress anywhere, including the emptied default group', () => {
    expect(resourcesOf(json, 'aws_vpc_security_group_ingress_rule')).toEqual({});
    for (const sg of Object.values(resourcesOf(json, 'aws_security_group')) as Json[])
      expect(sg.ingress ?? []).toEqual([]);
    const dflt = onlyResource(json, 'aws_default_security_group');
    expect(dflt.ingress ?? []).toEqual([]);
    expect(dflt.egress ?? []).toEqual([]);
  });

  it('created VPC: private subnets for instances, no public IPs, one NAT gateway, flow logs with retention', () => {
    const subnets = Object.values(resourcesOf(json, 'aws_subnet')) as Json[];
    expect(subnets.map((s) => s.cidr_block).sort()).toEqual([
      '10.0.0.0/18',
      '10.0.128.0/18',
      '10.0.192.0/18',
      '10.0.64.0/18',
    ]);
    for (const s of subnets) expect(s.map_public_ip_on_launch).toBe(false);
    const privateIds = subnets
      .filter((s) => s.tags['stackwright:tier'] === 'private')
      .map((s) => s.cidr_block)
      .sort();
    expect(privateIds).toEqual(['10.0.0.0/18', '10.0.64.0/18']);
    expect(Object.keys(resourcesOf(json, 'aws_nat_gateway'))).toHaveLength(1);
    const flow = onlyResource(json, 'aws_flow_log');
    expect(flow.traffic_type).toBe('ALL');
    const flowGroup = Object.values(resourcesOf(json, 'aws_cloudwatch_log_group')).find((g: Json) =>
      g.name.endsWith('/flow-logs'),
    ) as Json;
    expect(flowGroup.retention_in_days).toBe(30);
  });
});

describe('ECS stack: variants', () => {
  it('existing network: no VPC created, subnets checked against the VPC, ASG over them', async () => {
    const json = await synthEcs(
      ecsSection([service()], {
        network: { type: 'existing', vpcId: 'vpc-0123abcd', subnetIds: ['subnet-0123abcd', 'subnet-4567ef01'] },
      }),
    );
    expect(resourcesOf(json, 'aws_vpc')).toEqual({});
    const subnets = Object.values(json.data.aws_subnet) as Json[];
    expect(subnets.map((s) => [s.id, s.vpc_id])).toEqual([
      ['subnet-0123abcd', 'vpc-0123abcd'],
      ['subnet-4567ef01', 'vpc-0123abcd'],
    ]);
    expect(onlyResource(json, 'aws_security_group').vpc_id).toBe('vpc-0123abcd');
    expect(onlyResource(json, 'aws_autoscaling_group').vpc_zone_identifier).toEqual([
      expect.stringMatching(/data\.aws_subnet\./),
      expect.stringMatching(/data\.aws_subnet\./),
    ]);
  });

  it('arm64 capacity uses the arm64 AMI parameter; enhanced insights, hop limit 2 and Session Manager when asked', async () => {
    const json = await synthEcs(
      ecsSection([], {
        containerInsights: 'enhanced',
        capacity: { instanceType: 'c7g.large', architecture: 'arm64', imdsHopLimit: 2, sessionManager: true },
      }),
    );
    expect(onlyData(json, 'aws_ssm_parameter').name).toBe(
      '/aws/service/ecs/optimized-ami/amazon-linux-2023/arm64/recommended/image_id',
    );
    expect(onlyResource(json, 'aws_ecs_cluster').setting).toEqual([{ name: 'containerInsights', value: 'enhanced' }]);
    expect(onlyResource(json, 'aws_launch_template').metadata_options.http_put_response_hop_limit).toBe(2);
    const attachments = Object.values(resourcesOf(json, 'aws_iam_role_policy_attachment')) as Json[];
    expect(attachments.map((a) => a.policy_arn)).toContain('arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore');
  });

  it('Fargate and awsvpc services: FARGATE capacity provider, network configuration without public IP, own security group', async () => {
    const json = await synthEcs(
      ecsSection([
        service({ name: 'api', launchType: 'fargate', cpu: 256, memory: 512 }),
        service({ name: 'worker', networkMode: 'awsvpc' }),
      ]),
    );
    expect(onlyResource(json, 'aws_ecs_cluster_capacity_providers').capacity_providers).toEqual([
      expect.stringMatching(/capacity_provider/),
      'FARGATE',
    ]);
    const api = serviceNamed(json, 'api');
    expect(api.capacity_provider_strategy).toEqual([{ capacity_provider: 'FARGATE', weight: 1, base: 0 }]);
    expect(api.network_configuration).toMatchObject({
      assign_public_ip: false,
      security_groups: [expect.stringMatching(/aws_security_group\./)],
    });
    expect(api.network_configuration.subnets).toHaveLength(2);
    const task = Object.values(resourcesOf(json, 'aws_ecs_task_definition')).find(
      (t: Json) => t.family === 'test-main-api',
    ) as Json;
    expect(task).toMatchObject({
      requires_compatibilities: ['FARGATE'],
      network_mode: 'awsvpc',
      cpu: '256',
      memory: '512',
    });
    expect(serviceNamed(json, 'worker').network_configuration.assign_public_ip).toBe(false);
    expect(Object.keys(resourcesOf(json, 'aws_security_group'))).toHaveLength(3);
  });

  it('execution role may pull exactly the private ECR repositories and read exactly the referenced secrets', async () => {
    const c = container({
      image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/team/app:1.0',
      secrets: [
        { name: 'DB', valueFrom: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf:password::' },
        { name: 'TOKEN', valueFrom: '/app/token' },
      ],
    });
    const json = await synthEcs(ecsSection([service({ containers: [c] })]));
    const doc = parsePolicy(named(resourcesOf(json, 'aws_iam_role_policy'), 'execution_policy')[0].policy);
    const bySid = Object.fromEntries(doc.Statement.map((s: Json) => [s.Sid, s]));
    expect(bySid.PullOwnImages.Resource).toEqual(['arn:aws:ecr:us-east-1:123456789012:repository/team/app']);
    expect(bySid.EcrLogin).toEqual({
      Sid: 'EcrLogin',
      Effect: 'Allow',
      Action: 'ecr:GetAuthorizationToken',
      Resource: '*',
    });
    expect(bySid.ReadOwnSecrets.Resource).toEqual([
      'arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf',
      'arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf-??????',
    ]);
    expect(bySid.ReadOwnParameters.Resource).toEqual([
      'arn:aws:ssm:us-east-1:${data.aws_caller_identity.caller.account_id}:parameter/app/token',
    ]);
  });

  it('host volumes reach the task definition', async () => {
    const c = container({ mountPoints: [{ sourceVolume: 'proc', containerPath: '/host/proc', readOnly: true }] });
    const json = await synthEcs(
      ecsSection([
        service({ oneTaskPerHost: 'daemon', volumes: [{ name: 'proc', hostPath: '/proc' }], containers: [c] }),
      ]),
    );
    const task = onlyResource(json, 'aws_ecs_task_definition');
    expect(task.volume).toEqual([{ name: 'proc', host_path: '/proc' }]);
    expect(JSON.parse(task.container_definitions)[0].mountPoints).toEqual([
      { sourceVolume: 'proc', containerPath: '/host/proc', readOnly: true },
    ]);
  });
});

describe('ECS stack: reconciler wiring', () => {
  const twoClusters = {
    clusters: [
      {
        name: 'a',
        capacity: { scaling: 'memoryReservation' },
        services: [
          service({ name: 'agent', oneTaskPerHost: 'daemon' }),
          service({ name: 'exporter', oneTaskPerHost: 'reconciled' }),
          service({ name: 'web' }),
        ],
      },
      {
        name: 'b',
        capacity: { scaling: 'memoryReservation' },
        services: [service({ name: 'collector', oneTaskPerHost: 'reconciled' }), service({ name: 'api' })],
      },
      { name: 'c', services: [service({ name: 'batch' }), service({ name: 'node', oneTaskPerHost: 'daemon' })] },
    ],
    reconciler: { dryRun: true, logRetentionDays: 14 },
  };
  let json: Json;
  beforeAll(async () => {
    json = await synthEcs(twoClusters);
  });

  it("the reconciler's IAM names exactly the reconciled services, in the clusters that have them", () => {
    const policy = parsePolicy(named(resourcesOf(json, 'aws_iam_role_policy'), 'reconciler')[0].policy);
    const resize = policy.Statement.find((s: Json) => [s.Action].flat().includes('ecs:UpdateService'));
    const account = '${data.aws_caller_identity.caller.account_id}';
    expect(resize.Resource).toEqual([
      `arn:aws:ecs:us-east-1:${account}:service/test-a/exporter`,
      `arn:aws:ecs:us-east-1:${account}:service/test-b/collector`,
    ]);
    const list = policy.Statement.find((s: Json) => [s.Action].flat().includes('ecs:ListContainerInstances'));
    expect(list.Resource).toEqual([clusterArnRef(json, 'test-a'), clusterArnRef(json, 'test-b')]);
  });

  it('the rule is scoped to the clusters with reconciled services; settings come from config', () => {
    const rule = onlyResource(json, 'aws_cloudwatch_event_rule');
    const pattern = JSON.parse(rule.event_pattern);
    expect(pattern['detail-type']).toEqual(['ECS Container Instance State Change']);
    expect(pattern.detail.clusterArn).toEqual([clusterArnRef(json, 'test-a'), clusterArnRef(json, 'test-b')]);
    const fn = onlyResource(json, 'aws_lambda_function');
    expect(JSON.stringify(fn.environment)).toMatch(/exporter/);
    expect(JSON.stringify(fn.environment)).not.toMatch(/\bweb\b|\bagent\b|\bapi\b/);
    const logs = Object.values(resourcesOf(json, 'aws_cloudwatch_log_group')).find((g: Json) =>
      g.name.startsWith('/aws/lambda/'),
    ) as Json;
    expect(logs.retention_in_days).toBe(14);
  });

  it('outputs the clusters, services and the reconciler function, rule and dead-letter queue', () => {
    expect(Object.keys(json.output).sort()).toEqual([
      'clusters',
      'reconciler_dead_letter_queue_arn',
      'reconciler_dead_letter_queue_url',
      'reconciler_function_arn',
      'reconciler_function_name',
      'reconciler_rule_arn',
      'services',
    ]);
    expect(Object.keys(json.output.clusters.value)).toEqual(['a', 'b', 'c']);
    expect(json.output.services.value['a/exporter']).toMatchObject({ one_task_per_host: 'reconciled' });
    expect(json.output.services.value['c/node']).toMatchObject({ one_task_per_host: 'daemon' });
  });

  it('no reconciler at all when no service is reconciled', async () => {
    const none = await synthEcs(
      ecsSection([service({ name: 'agent', oneTaskPerHost: 'daemon' }), service({ name: 'web' })]),
    );
    expect(resourcesOf(none, 'aws_lambda_function')).toEqual({});
    expect(resourcesOf(none, 'aws_cloudwatch_event_rule')).toEqual({});
    expect(Object.keys(none.output).sort()).toEqual(['clusters', 'services']);
  });
});
