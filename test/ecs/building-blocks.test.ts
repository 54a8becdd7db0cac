import { spawnSync } from 'node:child_process';
import { cidrSubnet, formatCidr, parseCidr } from '../../src/aws/cidr';
import { boundedName } from '../../src/aws/names';
import { capacityProviderName, ecsUserData } from '../../src/ecs/ec2-capacity';
import { isFargateSize } from '../../src/aws/fargate';

describe('CIDR arithmetic', () => {
  it('matches Terraform cidrsubnet() for the subnets of a created VPC', () => {
    const base = parseCidr('10.20.0.0/16')!;
    expect([0, 1, 2, 3].map((n) => formatCidr(cidrSubnet(base, 2, n)))).toEqual([
      '10.20.0.0/18',
      '10.20.64.0/18',
      '10.20.128.0/18',
      '10.20.192.0/18',
    ]);
    expect(formatCidr(cidrSubnet(parseCidr('192.168.4.0/24')!, 4, 15))).toBe('192.168.4.240/28');
  });

  it('rejects malformed blocks and subnets that do not fit', () => {
    expect(parseCidr('10.0.0.256/16')).toBeUndefined();
    expect(parseCidr('10.0.0.0/33')).toBeUndefined();
    expect(parseCidr('10.0.0/16')).toBeUndefined();
    expect(() => cidrSubnet(parseCidr('10.0.0.0/16')!, 2, 4)).toThrow(/cannot take subnet 4/);
  });
});

describe('resource names', () => {
  it('keeps short names and cuts long ones with a stable hash suffix, never colliding', () => {
    expect(boundedName(['demo-main', 'web', 'exec'], 64)).toBe('demo-main-web-exec');
    const a = boundedName(['a'.repeat(24), 'b'.repeat(24), 'service-one', 'exec'], 64);
    const b = boundedName(['a'.repeat(24), 'b'.repeat(24), 'service-two', 'exec'], 64);
    expect(a).toHaveLength(64);
    expect(a).toMatch(/-[0-9a-f]{8}$/);
    expect(a).not.toBe(b);
    expect(boundedName(['a'.repeat(24), 'b'.repeat(24), 'service-one', 'exec'], 64)).toBe(a);
  });

  it('capacity provider names avoid the reserved aws/ecs/fargate prefixes', () => {
    expect(capacityProviderName('demo-main')).toBe('demo-main-ec2');
    expect(capacityProviderName('ecsprod-main')).toBe('cp-ecsprod-main-ec2');
    expect(capacityProviderName('fargate-x')).toBe('cp-fargate-x-ec2');
  });
});

describe('instance and task facts', () => {
  it('user data writes ECS_CLUSTER to /etc/ecs/ecs.config and installs the metadata block; bash accepts it', () => {
    const script = ecsUserData('demo-main');
    expect(script).toMatch(
      /^#!\/bin\/bash\n[\s\S]*cat >> \/etc\/ecs\/ecs\.config <<'EOF'\nECS_CLUSTER=demo-main\n[^]*?\nEOF\n/,
    );
    expect(script).toMatch(
      /cat > \/etc\/systemd\/system\/stackwright-block-imds\.service <<'EOF'\n\[Unit\][^]*?\nEOF\nsystemctl daemon-reload\n/,
    );
    expect(script.endsWith('systemctl start --no-block stackwright-block-imds.service\n')).toBe(true);
    expect(spawnSync('bash', ['-n'], { input: script, encoding: 'utf8' })).toMatchObject({ status: 0, stderr: '' });
  });

  it('Fargate sizes follow the published table', () => {
    expect(isFargateSize(256, 512)).toBe(true);
    expect(isFargateSize(256, 1536)).toBe(false);
    expect(isFargateSize(512, 3072)).toBe(true);
    expect(isFargateSize(4096, 30720)).toBe(true);
    expect(isFargateSize(8192, 20480)).toBe(true);
    expect(isFargateSize(8192, 18432)).toBe(false);
    expect(isFargateSize(16384, 122880)).toBe(true);
    expect(isFargateSize(300, 1024)).toBe(false);
  });
});
