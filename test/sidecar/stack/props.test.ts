import { App, Testing } from 'cdktf';
import { StackwrightStack } from '../../../src/core/stackwright-stack';
import { benchmarkNetworkPlan } from '../../../src/sidecar/network-plan';
import {
  deploymentSettings,
  imageVariants,
  renderOptions,
  sidecarBenchmarkProps,
  sidecarDeployments,
} from '../../../stacks/sidecar-props';
import { resourcesOf, testConfig } from '../../helpers/synth';
import type { Json } from '../../helpers/json';

const section = (sc: Record<string, unknown>) => {
  const config = testConfig({ sidecar: { listenerCidrs: ['203.0.113.10/32'], ...sc } });
  if (!config.stacks.sidecar) throw new Error('no sidecar section');
  return config.stacks.sidecar;
};
const env = { namePrefix: 'test-sidecar', region: 'us-east-1', partition: 'aws' as const };
const sink = { addFile: () => undefined };

describe('sidecar config -> construct props', () => {
  test('an empty section: the post defaults, every variant on both architectures', () => {
    const sc = section({});
    expect(renderOptions(sc)).toEqual({ workers: 1, quietDatadogAgentLogs: false });
    expect(imageVariants(sc)).toEqual(['tcp', 'sharedvol', 'combined']);
    expect(sidecarDeployments(sc).map((d) => `${d.variant}/${d.architecture}`)).toEqual([
      'tcp/X86_64',
      'tcp/ARM64',
      'sharedvol/X86_64',
      'sharedvol/ARM64',
      'combined/X86_64',
      'combined/ARM64',
    ]);
    const props = sidecarBenchmarkProps(sc, { ...env, fileSink: sink });
    expect(props).toMatchObject({
      ...env,
      network: { network: { type: 'create', cidr: '10.0.0.0/16' }, taskSubnets: 'private', flowLogRetentionDays: 7 },
      loadBalancer: { https: undefined, listenerCidrs: ['203.0.113.10/32'] },
      albLogRetentionDays: 7,
      render: { workers: 1, quietDatadogAgentLogs: false },
      imageVariants: ['tcp', 'sharedvol', 'combined'],
      architectures: ['X86_64', 'ARM64'],
    });
    expect(props.deployments.map((d) => d.deployment)).toEqual(sidecarDeployments(sc));
  });

  test('a deployment takes its variant size, retention, count and a rule priority fixed by variant and architecture', () => {
    const sc = section({});
    const combinedArm = deploymentSettings(sc, { variant: 'combined', architecture: 'ARM64' });
    expect(combinedArm).toMatchObject({
      deployment: { variant: 'combined', architecture: 'ARM64' },
      rulePriority: 121,
      taskSize: { cpu: 512, memory: 1024 },
      logRetentionDays: 7,
      desiredCount: 1,
    });
    expect(combinedArm.publicIpReason).toContain('stacks.sidecar.taskSubnets');
    const tcpX86 = deploymentSettings(sc, { variant: 'tcp', architecture: 'X86_64' });
    expect(tcpX86).toMatchObject({ rulePriority: 100, taskSize: { cpu: 256, memory: 512 } });
  });

  test('configured values reach their props', () => {
    const https = {
      certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-1111-2222-3333-444455556666',
    };
    const network = {
      type: 'existing',
      vpcId: 'vpc-0123abcd',
      albSubnetIds: ['subnet-0123abcd', 'subnet-0123abce'],
      taskSubnetIds: ['subnet-0123abcf'],
    };
    const sc = section({
      variants: ['sharedvol'],
      architectures: ['ARM64'],
      workers: 4,
      quietDatadogAgentLogs: true,
      https,
      listenerCidrs: ['203.0.113.0/24'],
      network,
      taskSubnets: 'public',
      taskSizes: { sharedvol: { cpu: 1024, memory: 2048 } },
      logRetentionDays: 30,
      desiredCount: 2,
    });
    expect(renderOptions(sc)).toEqual({ workers: 4, quietDatadogAgentLogs: true });
    expect(sidecarDeployments(sc)).toEqual([{ variant: 'sharedvol', architecture: 'ARM64' }]);
    expect(imageVariants(section({ variants: ['combined', 'tcp'] }))).toEqual(['combined', 'tcp']);
    expect(sidecarBenchmarkProps(sc, { ...env, fileSink: sink })).toMatchObject({
      network: { network, taskSubnets: 'public', flowLogRetentionDays: 30 },
      albLogRetentionDays: 30,
      loadBalancer: {
        https: { ...https, sslPolicy: 'ELBSecurityPolicy-TLS13-1-2-2021-06' },
        listenerCidrs: ['203.0.113.0/24'],
      },
      architectures: ['ARM64'],
      deployments: [
        {
          deployment: { variant: 'sharedvol', architecture: 'ARM64' },
          rulePriority: 111,
          taskSize: { cpu: 1024, memory: 2048 },
          logRetentionDays: 30,
          desiredCount: 2,
        },
      ],
    });
  });
});

describe('benchmarkNetworkPlan used without the config', () => {
  const stack = () =>
    new StackwrightStack(new App(), 'sidecar', {
      config: testConfig({ sidecar: { listenerCidrs: ['203.0.113.10/32'] } }),
      description: 'test',
    });

  test('defaults: a created 10.0.0.0/16 VPC with private tasks behind VPC endpoints', () => {
    const s = stack();
    const plan = benchmarkNetworkPlan(s, env);
    expect(plan).toMatchObject({ assignPublicIp: false, egress: { kind: 'vpc-endpoints' } });
    const json = JSON.parse(Testing.synth(s));
    expect(Object.values(resourcesOf(json, 'aws_vpc')).map((v: Json) => v.cidr_block)).toEqual(['10.0.0.0/16']);
    expect(Object.keys(resourcesOf(json, 'aws_nat_gateway'))).toEqual([]);
  });

  test('names the prop to change', () => {
    const existing = {
      type: 'existing' as const,
      vpcId: 'vpc-1',
      albSubnetIds: ['subnet-1'],
      taskSubnetIds: ['subnet-2'],
    };
    expect(() => benchmarkNetworkPlan(stack(), { ...env, network: existing })).toThrow(
      'network.albSubnetIds needs subnets in at least two AZs',
    );
    expect(() =>
      benchmarkNetworkPlan(stack(), {
        ...env,
        network: { ...existing, albSubnetIds: ['subnet-1', 'subnet-3'], taskSubnetIds: [] },
      }),
    ).toThrow('network.taskSubnetIds needs at least one subnet');
    expect(() =>
      benchmarkNetworkPlan(stack(), {
        ...env,
        taskSubnets: 'public',
        network: { type: 'create', privateEgress: 'nat-gateway' },
      }),
    ).toThrow("network.privateEgress is only used with taskSubnets 'private'");
  });
});
