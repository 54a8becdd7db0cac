import { parseConfig } from '../../../src/config/load';
import { InputError, formatProblem } from '../../../src/core/errors';
import { FARGATE_MEMORY_BY_CPU as fargateMemoryByCpu } from '../../../src/aws/fargate';
import { fargateSizeProblem } from '../../../src/aws/fargate';
import { sidecarVariantNames, sidecarVariantTable } from '../../../src/sidecar/variants';
import { boundedName } from '../../../src/aws/names';

/**
 * A config whose only stack is sidecar, with `body` as the section's YAML (indented by the caller); the required
 * listenerCidrs is the test client's block unless the body sets it or `bare` leaves it out.
 */
const config = (body: string, bare = false) => {
  const cidrs = bare || body.includes('listenerCidrs') ? '' : '    listenerCidrs: [203.0.113.10/32]\n';
  const section = `${cidrs}${body}`.replace(/\n$/, '');
  return `name: t\naws:\n  region: us-east-1\nstacks:\n  sidecar:${section ? `\n${section}` : ' {}'}\n`;
};

function problems(body: string, bare = false): string[] {
  try {
    parseConfig(config(body, bare), 'cfg.yaml');
  } catch (err) {
    if (err instanceof InputError) return err.problems.map(formatProblem);
    throw err;
  }
  throw new Error('expected the config to be rejected');
}

describe('sidecar config', () => {
  it("defaults to every variant on both architectures with the post's sizes, private tasks behind VPC endpoints", () => {
    const sidecar = parseConfig(config(''), 'cfg.yaml').stacks.sidecar!;
    expect(sidecar).toEqual({
      variants: ['tcp', 'sharedvol', 'combined'],
      architectures: ['X86_64', 'ARM64'],
      taskSizes: {
        tcp: { cpu: 256, memory: 512 },
        sharedvol: { cpu: 256, memory: 512 },
        combined: { cpu: 512, memory: 1024 },
      },
      desiredCount: 1,
      workers: 1,
      quietDatadogAgentLogs: false,
      logRetentionDays: 7,
      listenerCidrs: ['203.0.113.10/32'],
      network: { type: 'create', cidr: '10.0.0.0/16' },
      taskSubnets: 'private',
    });
  });

  it('has no default for who may reach the ALB: a missing listenerCidrs is an error that says how to open it', () => {
    expect(problems('', true)).toEqual([
      'cfg.yaml: stacks.sidecar.listenerCidrs: is required: the CIDR blocks allowed to reach the load balancer, e.g. ' +
        '[203.0.113.10/32] for the benchmark client; write [0.0.0.0/0] to open it to the whole internet',
    ]);
    expect(problems('    listenerCidrs: []')).toEqual([
      'cfg.yaml: stacks.sidecar.listenerCidrs: Too small: expected array to have >=1 items',
    ]);
    const open = parseConfig(config('    listenerCidrs: [0.0.0.0/0]'), 'cfg.yaml').stacks.sidecar!;
    expect(open.listenerCidrs).toEqual(['0.0.0.0/0']);
  });

  it('takes its variants and default task sizes from the variant table', () => {
    const sidecar = parseConfig(config(''), 'cfg.yaml').stacks.sidecar!;
    expect(sidecar.variants).toEqual([...sidecarVariantNames]);
    expect(sidecar.taskSizes).toEqual(Object.fromEntries(sidecarVariantTable.map((v) => [v.name, v.taskSize])));
    // The post's sizes: combined runs nginx and the app in one container, so it gets twice the others.
    expect(sidecar.taskSizes).toEqual({
      tcp: { cpu: 256, memory: 512 },
      sharedvol: { cpu: 256, memory: 512 },
      combined: { cpu: 512, memory: 1024 },
    });
  });

  it('accepts every size in the Fargate table and keeps partial overrides', () => {
    for (const [cpu, memories] of fargateMemoryByCpu)
      for (const memory of memories) expect(fargateSizeProblem({ cpu, memory })).toBeUndefined();
    const sidecar = parseConfig(config('    taskSizes:\n      combined: { cpu: 1024, memory: 2048 }'), 'cfg.yaml')
      .stacks.sidecar!;
    expect(sidecar.taskSizes.combined).toEqual({ cpu: 1024, memory: 2048 });
    expect(sidecar.taskSizes.tcp).toEqual({ cpu: 256, memory: 512 });
  });

  it('rejects a memory size the cpu does not allow, listing the valid ones', () => {
    expect(problems('    taskSizes:\n      tcp: { cpu: 256, memory: 4096 }')).toEqual([
      'cfg.yaml: stacks.sidecar.taskSizes.tcp.memory: Fargate does not offer 4096 MiB with 256 CPU units (with cpu 256: one of 512, 1024, 2048)',
    ]);
    expect(problems('    taskSizes:\n      combined: { cpu: 1024 }')).toEqual([
      'cfg.yaml: stacks.sidecar.taskSizes.combined.memory: Fargate does not offer 1024 MiB with 1024 CPU units (with cpu 1024: 2048 to 8192 in steps of 1024)',
    ]);
    expect(problems('    taskSizes:\n      sharedvol: { cpu: 8192, memory: 18432 }')).toEqual([
      'cfg.yaml: stacks.sidecar.taskSizes.sharedvol.memory: Fargate does not offer 18432 MiB with 8192 CPU units (with cpu 8192: 16384 to 61440 in steps of 4096)',
    ]);
  });

  it('rejects a cpu value Fargate does not have', () => {
    expect(problems('    taskSizes:\n      tcp: { cpu: 384, memory: 1024 }')).toEqual([
      'cfg.yaml: stacks.sidecar.taskSizes.tcp.cpu: Fargate does not offer 384 CPU units (one of 256, 512, 1024, 2048, 4096, 8192, 16384)',
    ]);
  });

  it('rejects unknown variants and architectures, and duplicates', () => {
    expect(problems('    variants: [tcp, udp]')).toEqual([
      'cfg.yaml: stacks.sidecar.variants.1: value not allowed (one of "tcp", "sharedvol", "combined")',
    ]);
    expect(problems('    architectures: [X86_64, ARM]')).toEqual([
      'cfg.yaml: stacks.sidecar.architectures.1: value not allowed (one of "X86_64", "ARM64")',
    ]);
    expect(problems('    variants: [tcp, tcp]')).toEqual([
      'cfg.yaml: stacks.sidecar.variants: listed twice: tcp (each value once)',
    ]);
  });

  it('rejects privateEgress with public tasks', () => {
    expect(problems('    taskSubnets: public\n    network: { type: create, privateEgress: nat-gateway }')).toEqual([
      'cfg.yaml: stacks.sidecar.network.privateEgress: only used with taskSubnets: private (public tasks reach AWS through the internet gateway) (remove it, or set taskSubnets: private)',
    ]);
  });

  it('rejects a VPC block with host bits, or of an unusable size', () => {
    expect(problems('    network: { type: create, cidr: 10.0.0.1/16 }')).toEqual([
      "cfg.yaml: stacks.sidecar.network.cidr: '10.0.0.1/16' has host bits set (10.0.0.0/16)",
    ]);
    expect(problems('    network: { type: create, cidr: 10.0.0.0/8 }')).toEqual([
      "cfg.yaml: stacks.sidecar.network.cidr: '10.0.0.0/8' is not a VPC CIDR block (an IPv4 block from /16 to /24, e.g. 10.0.0.0/16)",
    ]);
  });

  it('needs two ALB subnets in an existing network, and knows no other keys', () => {
    expect(
      problems(
        '    network: { type: existing, vpcId: vpc-0a1b2c3d, albSubnetIds: [subnet-0000000a], taskSubnetIds: [subnet-0000000c] }',
      ),
    ).toEqual(['cfg.yaml: stacks.sidecar.network.albSubnetIds: an ALB needs subnets in at least two AZs']);
    expect(
      problems(
        '    network: { type: existing, vpcId: vpc-0a1b2c3d, albSubnetIds: [subnet-0000000a, subnet-0000000b], taskSubnetIds: [subnet-0000000c], cidr: 10.0.0.0/16 }',
      ),
    ).toEqual(["cfg.yaml: stacks.sidecar.network: unknown key 'cidr' (remove or fix the spelling)"]);
  });

  it('rejects a certificate that is not an ACM ARN and a retention CloudWatch does not offer', () => {
    expect(problems('    https: { certificateArn: arn:aws:iam::111122223333:server-certificate/x }')).toEqual([
      'cfg.yaml: stacks.sidecar.https.certificateArn: must be an ACM certificate ARN',
    ]);
    expect(problems('    logRetentionDays: 10')).toEqual([
      expect.stringMatching(/^cfg\.yaml: stacks\.sidecar\.logRetentionDays: must be one of 1, 3, 5, 7, 14/),
    ]);
  });
});

describe('boundedName', () => {
  it('keeps short names and shortens long ones to the limit with a stable hash', () => {
    expect(boundedName(['demo-sidecar-tcp-x86-64'], 32, 6)).toBe('demo-sidecar-tcp-x86-64');
    const long = boundedName(['a-very-long-environment-name-sidecar-sharedvol-x86-64'], 32, 6);
    expect(long).toHaveLength(32);
    expect(long).toMatch(/^a-very-long-environment-n-[0-9a-f]{6}$/);
    expect(boundedName(['a-very-long-environment-name-sidecar-sharedvol-arm64'], 32, 6)).not.toBe(long);
  });
});
