import { parse } from '@cdktf/hcl2json';
import { synthesize } from '../../../src/synth/synthesize';
import { testConfig } from '../../helpers/synth';
import type { Json } from '../../helpers/json';

/** Every file of the sidecar stack folder, including the HCL copy, rendered contexts and README. */
async function folder(section: Record<string, unknown> = {}): Promise<Map<string, string>> {
  const [stack] = await synthesize(testConfig({ sidecar: { listenerCidrs: ['203.0.113.10/32'], ...section } }), {
    only: ['sidecar'],
  });
  return new Map(
    [...stack!.files].map(([path, contents]) => [
      path,
      typeof contents === 'string' ? contents : Buffer.from(contents).toString('base64'),
    ]),
  );
}

describe('sidecar stack determinism', () => {
  let first: Map<string, string>;
  beforeAll(async () => {
    first = await folder();
  });

  it('synthesizes byte-identical folders twice', async () => {
    expect(await folder()).toEqual(first);
  });

  it('writes no absolute paths, home directories or timestamps', () => {
    const cwd = process.cwd();
    for (const [path, contents] of first) {
      expect(contents).not.toContain(cwd);
      expect(contents).not.toMatch(/\/(home|Users|tmp)\//);
      expect(contents).not.toMatch(/\b20\d\d-\d\d-\d\dT\d\d:\d\d/);
      expect(path).not.toMatch(/^\//);
    }
  });

  it('has the README sections on variants, routing and cost', () => {
    const readme = first.get('README.md')!;
    for (const heading of ['## Variants', '## Routing and network', '## Cost caveats'])
      expect(readme).toContain(heading);
    expect(readme).toContain('`http://<alb_dns_name>/sharedvol-arm64/`');
    expect(readme).toContain('npx stackwright bench remote --from-terraform .');
  });

  it('states what the machine running terraform apply needs: Docker with BuildKit, QEMU, registry access', () => {
    const readme = first.get('README.md')!;
    const section = readme.slice(readme.indexOf('## Where to run terraform apply'), readme.indexOf('## Cost caveats'));
    // kreuzwerker/terraform-provider-docker v3.6.2, internal/provider/resource_docker_image_funcs.go:
    // enableBuildKitIfSupported sets `buildOptions.Version = types.BuilderBuildKit` when the engine's API version
    // is at least minBuildkitDockerVersion = "1.39", else `types.BuilderV1`.
    expect(section).toContain('**Docker Engine with BuildKit**: a running engine whose API is 1.39 or later');
    expect(section).toContain('**QEMU for the other architecture**');
    expect(section).toContain('both `linux/amd64` and `linux/arm64` images are built');
    // Every Dockerfile names the syntax frontend BuildKit fetches, and the Docker Hub base image.
    for (const [path, text] of first)
      if (path.endsWith('/Dockerfile')) expect(text).toMatch(/^# syntax=docker\/dockerfile:1\n[\s\S]*^FROM debian:/m);
    expect(section).toContain('**Registry access**: Docker Hub (the `debian` base image and the `docker/dockerfile:1`');
    expect(section).toContain("the account's ECR registry");
  });

  it('renders a parseable HCL copy with every deployment, container definitions as heredocs', async () => {
    const hcl = first.get('hcl/main.tf')!;
    const parsed: Json = await parse('main.tf', hcl);
    expect(Object.keys(parsed.resource.aws_ecs_service)).toHaveLength(6);
    for (const [task] of Object.values(parsed.resource.aws_ecs_task_definition) as Json[][]) {
      const names = JSON.parse(task.container_definitions.replace(/\$\{[^}]+\}/g, 'ref')).map((c: Json) => c.name);
      expect(names.length).toBeGreaterThan(0);
    }
  });
});
