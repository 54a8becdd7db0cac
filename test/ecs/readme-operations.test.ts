import { ecsConfigSchema } from '../../src/ecs/config';
import { operationsReadmeSections } from '../../src/ecs/readme-operations';
import { ecsSection, service, threeModes } from './helpers';

const sections = (section: unknown) => operationsReadmeSections(ecsConfigSchema.parse(section));

describe('ECS README: how the stack behaves once applied', () => {
  it('explains scaling, credentials and order of creation', () => {
    expect(sections(threeModes).map((s) => s.heading)).toEqual([
      'Scaling with one task per host',
      "Containers and the instance's credentials",
      'Order of creation',
    ]);
  });

  it('scaling: names the design, its documented basis and the model that checks it', () => {
    const body = sections(threeModes)[0]!.body;
    expect(body).toContain('managed termination protection off');
    expect(body).toContain('Managed draining stays on');
    expect(body).toContain('tasks without a\ncapacity provider strategy are ignored by capacity providers');
    expect(body).toContain('test/ecs/scaling');
    expect(body).not.toContain('no reconciled service');
    expect(sections(ecsSection([service()]))[0]!.body).toContain('This environment has no reconciled service.');
  });

  it('credentials: the block per network mode, naming the host-mode services', () => {
    const body = sections(
      ecsSection([service({ name: 'exporter', networkMode: 'host' }), service({ name: 'web' })]),
    )[1]!.body;
    expect(body).toContain(
      'iptables --insert DOCKER-USER 1 --in-interface docker+ --destination 169.254.169.254/32 --jump DROP',
    );
    expect(body).toContain('ECS_AWSVPC_BLOCK_IMDS=true');
    expect(body).toContain('(here: `exporter`)');
    expect(sections(threeModes)[1]!.body).not.toContain('(here:');
  });

  it('order of creation: says when the network is not managed here', () => {
    expect(sections(threeModes)[2]!.body).not.toContain('existing networks');
    const existing = ecsSection([service()], {
      network: { type: 'existing', vpcId: 'vpc-0123456789abcdef0', subnetIds: ['subnet-0123456789abcdef0'] },
    });
    expect(sections(existing)[2]!.body).toContain(
      '(This environment uses existing networks: their routes are not managed here.)',
    );
  });
});
