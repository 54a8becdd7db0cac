import { ecsConfigSchema } from '../../src/ecs/config';
import { operationsReadmeSections } from '../../src/ecs/readme-operations';
import { ecsSection, service, threeModes } from './helpers';

const sections = (section: unknown) => operationsReadmeSections(ecsConfigSchema.parse(section));

describe('ECS README: how the stack behaves once applied', () => {
  it('explains scaling, credentials and order of creation', () => {
    expect(sections(threeModes).map((s) => s.heading)).toEqual([
      'Scaling',
      "Containers and the instance's credentials",
      'Order of creation',
    ]);
  });

  it("scaling: names each cluster's scaling, the documents it relies on, and drops the scale-out caveat", () => {
    const body = sections(threeModes)[0]!.body;
    expect(body).toContain(
      '| `main` | memoryReservation | own target-tracking policy, 75% MemoryReservation; starts at 2 | 2 / 5 |',
    );
    // The sentences the design rests on, each with its page.
    expect(body).toContain('"A container instance is considered empty even when daemon tasks are running"');
    expect(body).toContain('"To create an empty Auto Scaling group, set the desired count to\n  zero.');
    expect(body).toContain('managed-scaling-behavior.html');
    expect(body).toContain('asg-capacity-providers.html');
    expect(body).toContain('available-metrics.html');
    expect(body).toContain('as-scaling-target-tracking.html');
    expect(body).toContain('test/ecs/scaling');
    // The old caveat leaned on the scale-out section's sentence about tasks without a strategy to claim scale-in.
    expect(body).not.toContain('tasks without a\ncapacity provider strategy are ignored by capacity providers');
    expect(body).not.toContain('Prefer it unless');
    expect(body).not.toContain('no reconciled service');
    const managed = sections(ecsSection([service()]))[0]!.body;
    expect(managed).toContain(
      '| `main` | managed | managed scaling, target 100% CapacityProviderReservation; created empty | 0 / 3 |',
    );
    expect(managed).toContain('This environment has no reconciled service.');
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
