import { onlyResource } from '../helpers/synth';
import { ecsSection, service, synthEcs } from './helpers';
import type { Json } from '../helpers/json';

/**
 * The provider's default_tags reach a resource's own `tags` only: "default_tags are only propagated with the
 * root-level `tags` configuration in mind. Since the `tags` in reference are nested within the `tag_specifications`
 * block, support is not yet available" (maintainer, hashicorp/terraform-provider-aws#19387). What the Auto Scaling group
 * launches is tagged by the launch template's tag specifications, so they carry the stack's tags themselves.
 */
describe('instances and volumes the Auto Scaling group launches carry the stack tags', () => {
  let json: Json;
  beforeAll(async () => {
    json = await synthEcs(ecsSection([service({ name: 'web' })]), {
      tags: { owner: 'platform-team', costCenter: '42' },
    });
  });

  it('tags instances, volumes and network interfaces with the default tags and a Name', () => {
    const provider = json.provider.aws[0].default_tags[0].tags;
    expect(provider).toMatchObject({ owner: 'platform-team', costCenter: '42' });
    const specs = onlyResource(json, 'aws_launch_template').tag_specifications as Json[];
    expect(specs.map((s) => s.resource_type)).toEqual(['instance', 'volume', 'network-interface']);
    for (const spec of specs) expect(spec.tags).toEqual({ ...provider, Name: 'test-main-ecs' });
  });
});
