import { creationOrderSection } from '../../src/sidecar/readme-order';
import type { SidecarConfig } from '../../src/sidecar/config';

const created = (taskSubnets: 'private' | 'public', privateEgress?: 'vpc-endpoints' | 'nat-gateway') =>
  ({
    taskSubnets,
    network: { type: 'create', cidr: '10.1.0.0/16', ...(privateEgress ? { privateEgress } : {}) },
  }) as unknown as SidecarConfig;

describe('sidecar README: order of creation', () => {
  it('names the way out the services wait for, by network choice', () => {
    expect(creationOrderSection(created('private')).body).toContain(
      'the VPC endpoints (ECR API, ECR registry, CloudWatch Logs, the S3 gateway for image layers)',
    );
    expect(creationOrderSection(created('private', 'nat-gateway')).body).toContain(
      'the NAT gateway, its route and the private route table associations.',
    );
    expect(creationOrderSection(created('public')).body).toContain('the internet gateway and the public routes.');
  });

  it('says an existing VPC must be ready before the apply', () => {
    const existing = { taskSubnets: 'private', network: { type: 'existing' } } as unknown as SidecarConfig;
    expect(creationOrderSection(existing)).toEqual({
      heading: 'Order of creation',
      body: expect.stringMatching(/must exist before the apply/),
    });
  });
});
