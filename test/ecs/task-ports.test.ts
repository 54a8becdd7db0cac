import HostModeHostPort from '../../src/rules/ecs/HostModeHostPort';
import { StackView } from '../../src/terraform/json';
import { resourcesOf } from '../helpers/synth';
import { container, ecsSection, service, synthEcs } from './helpers';
import type { Json } from '../helpers/json';

/**
 * hashicorp/terraform-provider-aws v6.25.0, internal/service/ecs/container_definitions.go, reduce(isAWSVPC): a missing
 * hostPort is filled from containerPort only "if isAWSVPC"; in host mode ECS returns hostPort = containerPort, so a
 * mapping written without it differs from what the provider reads back, and the task definition is replaced on every
 * apply. The generator writes ports as ECS returns them.
 */
describe('task definitions: port mappings as ECS returns them', () => {
  let json: Json;
  beforeAll(async () => {
    json = await synthEcs(
      ecsSection([
        service({
          name: 'exporter',
          oneTaskPerHost: 'daemon',
          networkMode: 'host',
          containers: [container({ name: 'exporter', portMappings: [{ containerPort: 9100 }] })],
        }),
        service({ name: 'web', containers: [container({ portMappings: [{ containerPort: 80 }] })] }),
      ]),
    );
  });
  const task = (family: string): [string, Json] =>
    Object.entries(resourcesOf(json, 'aws_ecs_task_definition')).find(([, t]) => String(t.family).endsWith(family))!;
  const ports = (family: string) => JSON.parse(task(family)[1].container_definitions)[0].portMappings;

  it('writes hostPort = containerPort in host mode, and the rule passes the generated task definition', () => {
    expect(ports('exporter')).toEqual([{ containerPort: 9100, hostPort: 9100 }]);
    const view = new StackView('ecs', json);
    const verdict = HostModeHostPort.check(view.get(`aws_ecs_task_definition.${task('exporter')[0]}`)!, view);
    expect(verdict.compliance).toBe('compliant');
  });

  it('leaves bridge-mode mappings alone (no hostPort: a dynamic port)', () => {
    expect(ports('web')).toEqual([{ containerPort: 80 }]);
  });
});
