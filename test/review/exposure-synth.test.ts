import { exposureDelta } from '../../src/review/exposure-delta';
import { synthSidecar } from '../sidecar/stack/helpers';

const CERT = 'arn:aws:acm:us-east-1:111122223333:certificate/12345678-1234-1234-1234-123456789012';

async function sidecar(section: Record<string, unknown>) {
  return (await synthSidecar({ variants: ['tcp'], architectures: ['X86_64'], ...section })).json;
}

describe('exposureDelta on sidecar stacks synthesized from configs', () => {
  let base: Awaited<ReturnType<typeof sidecar>>;
  beforeAll(async () => {
    base = await sidecar({});
  });

  it('opening the ALB to 0.0.0.0/0: the exposure delta, flagged', async () => {
    const head = await sidecar({ listenerCidrs: ['0.0.0.0/0'] });
    const delta = exposureDelta(base, head);
    expect(delta.changes.map((c) => [c.kind, c.change, c.detail, c.flag?.kind])).toEqual([
      ['world-open-ingress', 'added', 'tcp port 80 from 0.0.0.0/0', 'world-open-ingress'],
    ]);
  });

  it('serving HTTPS: a new HTTPS listener (flagged as new public exposure), the HTTP one turned redirect', async () => {
    const head = await sidecar({ https: { certificateArn: CERT } });
    const delta = exposureDelta(base, head);
    const added = delta.changes.filter((c) => c.change === 'added' && c.kind === 'listener');
    expect(added).toHaveLength(1);
    expect(added[0].detail).toMatch(
      /^HTTPS port 443, ELBSecurityPolicy-TLS13-1-2-2021-06 on aws_lb\.\w+ \(internet-facing\)/,
    );
    expect(added[0].flag?.kind).toBe('public-exposure');
    const http = delta.changes.find((c) => c.change === 'changed' && c.kind === 'listener');
    expect(http?.detail).toMatch(/^HTTP port 80 .*, redirect$/);
    expect(http?.flag).toBeUndefined();
  });

  it('a weaker TLS policy on the HTTPS listener: a TLS downgrade, flagged', async () => {
    const strict = await sidecar({ https: { certificateArn: CERT } });
    const weak = await sidecar({ https: { certificateArn: CERT, sslPolicy: 'ELBSecurityPolicy-2016-08' } });
    const delta = exposureDelta(strict, weak);
    expect(delta.changes.map((c) => [c.kind, c.change, c.flag?.kind])).toEqual([
      ['listener', 'changed', 'tls-downgrade'],
    ]);
    expect(delta.changes[0].flag?.reason).toBe(
      'TLS policy ELBSecurityPolicy-TLS13-1-2-2021-06 -> ELBSecurityPolicy-2016-08: accepts TLS 1.0 (was 1.2 and later)',
    );
  });

  it('tasks in public subnets: a public IP on the service, flagged', async () => {
    const head = await sidecar({ taskSubnets: 'public', network: { type: 'create', cidr: '10.0.0.0/16' } });
    const delta = exposureDelta(base, head);
    const publicIps = delta.changes.filter((c) => c.kind === 'public-task-ip');
    expect(publicIps.map((c) => [c.change, c.flag?.kind])).toEqual([['added', 'public-exposure']]);
    expect(publicIps[0].address).toMatch(/^aws_ecs_service\./);
  });
});
