import { checkStacks } from '../../../src/rules/index';
import { resourcesOf } from '../../helpers/synth';
import { synthSidecar } from './helpers';
import type { Json } from '../../helpers/json';

const certificateArn = 'arn:aws:acm:us-east-1:111122223333:certificate/0f6b5f7e-1234-4c1d-9a6e-2b3c4d5e6f70';

describe("sidecar stack against the project's rule packs", () => {
  it.each([
    ['default (private, VPC endpoints)', {}],
    ['NAT gateway', { network: { type: 'create', privateEgress: 'nat-gateway' } }],
    [
      'HTTPS in an existing VPC',
      {
        https: { certificateArn },
        network: {
          type: 'existing',
          vpcId: 'vpc-0a1b2c3d',
          albSubnetIds: ['subnet-0000000a', 'subnet-0000000b'],
          taskSubnetIds: ['subnet-0000000c'],
        },
      },
    ],
  ])('%s: no findings and nothing suppressed', async (_name, section) => {
    const { json } = await synthSidecar(section);
    const report = checkStacks([{ stack: 'sidecar', json }]);
    expect(report.findings).toEqual([]);
    expect(report.suppressed).toEqual([]);
  });

  it('public tasks: the public-IP rule is suppressed in code, per service, with the config as the reason', async () => {
    const { json } = await synthSidecar({ taskSubnets: 'public' });
    const report = checkStacks([{ stack: 'sidecar', json }]);
    expect(report.findings).toEqual([]);
    expect(report.suppressed).toHaveLength(6);
    for (const s of report.suppressed) {
      expect(s).toMatchObject({
        ruleId: 'Net-NoPublicTaskIp',
        by: 'code',
        resource: expect.stringMatching(/^aws_ecs_service\./),
      });
      expect(s.reason).toContain('taskSubnets is public');
    }
    for (const service of Object.values(resourcesOf(json, 'aws_ecs_service')) as Json[]) {
      expect(service.network_configuration.assign_public_ip).toBe(true);
    }
  });
});
