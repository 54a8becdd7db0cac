import { parse } from 'yaml';
import { contextHash, renderVariantImages } from '../../../src/sidecar/render/index';
import { resourcesOf } from '../../helpers/synth';
import { allDeployments, containersOf, ref, resourceAt, synthSidecar } from './helpers';
import type { Json } from '../../helpers/json';

/** Appended to one template's output, to simulate someone editing that template. */
let mockTemplateEdit: { template: string; suffix: string } | undefined;
jest.mock('../../../src/templates/render', () => {
  const actual = jest.requireActual('../../../src/templates/render');
  return {
    ...actual,
    renderTemplate: (name: string, data: object) =>
      actual.renderTemplate(name, data) + (mockTemplateEdit?.template === name ? mockTemplateEdit.suffix : ''),
  };
});

const imageNames = ['tcp-nginx', 'tcp-app', 'sharedvol-nginx', 'sharedvol-app', 'combined'];

/** docker_image tag by `<image name>-<arch>`. */
function tags(json: Json): Record<string, string> {
  const out: Record<string, string> = {};
  for (const image of Object.values(resourcesOf(json, 'docker_image')) as Json[]) {
    const path: string = image['//'].metadata.path; // sidecar/images/<name>-<arch>-image
    out[path.replace(/^sidecar\/images\//, '').replace(/-image$/, '')] = image.name.split(':').pop();
  }
  return out;
}

describe('sidecar images and registries', () => {
  let synth: Awaited<ReturnType<typeof synthSidecar>>;
  let json: Json;
  beforeAll(async () => {
    mockTemplateEdit = undefined;
    synth = await synthSidecar();
    json = synth.json;
  });

  it('creates one encrypted, scan-on-push repository per image', () => {
    const repos = Object.values(resourcesOf(json, 'aws_ecr_repository')) as Json[];
    expect(repos.map((r) => r.name).sort()).toEqual(imageNames.map((n) => `test-sidecar/${n}`).sort());
    for (const repo of repos) {
      expect(repo).toMatchObject({
        image_scanning_configuration: { scan_on_push: true },
        encryption_configuration: [{ encryption_type: 'AES256' }],
      });
    }
    for (const policy of Object.values(resourcesOf(json, 'aws_ecr_lifecycle_policy')) as Json[]) {
      expect(JSON.parse(policy.policy).rules[0]).toMatchObject({
        selection: { countType: 'imageCountMoreThan', countNumber: 10 },
        action: { type: 'expire' },
      });
    }
  });

  it('lets a re-apply push a tag again (taint, replace, interrupted push, lost state); tasks pin digests', () => {
    // ECR: "After tag immutability is turned on, the ImageTagAlreadyExistsException error is returned if you push an
    // image with a tag that is already in the repository" (docs.aws.amazon.com/AmazonECR/latest/userguide/
    // image-tag-mutability.html); "even when the digest has not changed" (aws/containers-roadmap#2179).
    const ecrPush = (
      mutability: string,
      tags: Set<string>,
      tag: string,
    ): 'pushed' | 'ImageTagAlreadyExistsException' => {
      if (mutability === 'IMMUTABLE' && tags.has(tag)) return 'ImageTagAlreadyExistsException';
      tags.add(tag);
      return 'pushed';
    };
    // The docker provider pushes on every create (kreuzwerker/terraform-provider-docker v3.6.2,
    // internal/provider/resource_docker_registry_image_funcs.go, resourceDockerRegistryImageCreate), and keep_remotely
    // leaves the tag in the registry when the resource is replaced or forgotten.
    const repos = resourcesOf(json, 'aws_ecr_repository');
    const pushes = Object.entries(resourcesOf(json, 'docker_registry_image'));
    expect(pushes.length).toBe(10);
    for (const [name, push] of pushes) {
      expect(push.keep_remotely).toBe(true);
      const local = /^\$\{docker_image\.([^.]+)\.name\}$/.exec(push.name)![1]!;
      const image = resourcesOf(json, 'docker_image')[local]!;
      const repoName = /^\$\{aws_ecr_repository\.([^.]+)\.repository_url\}:(.+)$/.exec(image.name)!;
      const repo = repos[repoName[1]!]!;
      const tags = new Set<string>();
      // First apply, then the same resource created again with the same tag.
      expect([name, ecrPush(repo.image_tag_mutability, tags, repoName[2]!)]).toEqual([name, 'pushed']);
      expect([name, ecrPush(repo.image_tag_mutability, tags, repoName[2]!)]).toEqual([name, 'pushed']);
    }
    // A moved tag cannot change what runs: every container image is repository@<the push's digest>.
    for (const task of Object.values(resourcesOf(json, 'aws_ecs_task_definition')) as Json[]) {
      for (const c of JSON.parse(task.container_definitions))
        expect(c.image).toMatch(
          /^\$\{aws_ecr_repository\.[^.]+\.repository_url\}@\$\{docker_registry_image\.[^.]+\.sha256_digest\}$/,
        );
    }
  });

  it('writes every build context into the stack folder and the compose project beside it', () => {
    for (const variant of ['tcp', 'sharedvol', 'combined'] as const) {
      for (const img of renderVariantImages(variant)) {
        for (const [file, contents] of img.files) {
          expect(synth.files.get(`images/${variant}/${img.container}/${file}`)).toBe(contents);
        }
      }
    }
    expect(synth.files.get('compose/docker-compose.yml')).toContain('services:');
    // compose builds the contexts under images/: the stack writes each build context once.
    expect([...synth.files.keys()].filter((p) => p.startsWith('compose/'))).toEqual(['compose/docker-compose.yml']);
    for (const path of synth.files.keys()) expect(path).not.toMatch(/^\/|\.\./);
  });

  it.each([
    ['X86_64', 'linux/amd64'],
    ['ARM64', 'linux/arm64'],
  ])('builds each context for %s (%s) and pushes it, tagged with the context hash', (arch, platform) => {
    const a = arch.toLowerCase();
    for (const variant of ['tcp', 'sharedvol', 'combined'] as const) {
      for (const img of renderVariantImages(variant)) {
        const path = `images/${img.name}-${a}`;
        const image = resourceAt(json, 'docker_image', `${path}-image`);
        expect(image).toMatchObject({
          name: `${ref(json, 'aws_ecr_repository', `images/${img.name}-repo`, 'repository_url')}:${contextHash(img)}-${a}`,
          platform,
          build: { context: `\${path.module}/images/${variant}/${img.container}`, dockerfile: 'Dockerfile', platform },
        });
        expect(resourceAt(json, 'docker_registry_image', `${path}-push`)).toMatchObject({
          name: ref(json, 'docker_image', `${path}-image`, 'name'),
          keep_remotely: true,
        });
      }
    }
  });

  it('authenticates the docker provider with an ECR token, never a literal secret', () => {
    const auth = json.provider.docker[0].registry_auth[0];
    const token = Object.keys(json.data.aws_ecr_authorization_token)[0];
    expect(auth).toEqual({
      address: `\${replace(data.aws_ecr_authorization_token.${token}.proxy_endpoint, "https://", "")}`,
      username: `\${data.aws_ecr_authorization_token.${token}.user_name}`,
      password: `\${data.aws_ecr_authorization_token.${token}.password}`,
    });
  });

  it.each(allDeployments)(
    '$variant on $architecture runs its own images of its architecture, pinned by digest',
    (d) => {
      for (const c of containersOf(json, d)) {
        const name = c.name === 'combined' ? 'combined' : `${d.variant}-${c.name}`;
        expect(c.image).toBe(
          `${ref(json, 'aws_ecr_repository', `images/${name}-repo`, 'repository_url')}@${ref(json, 'docker_registry_image', `images/${name}-${d.architecture.toLowerCase()}-push`, 'sha256_digest')}`,
        );
      }
    },
  );

  it('changes exactly the tags of the images whose template changed', async () => {
    const before = tags(json);
    mockTemplateEdit = { template: 'sidecar/nginx.conf.hbs', suffix: '# edited\n' };
    const after = tags((await synthSidecar()).json);
    mockTemplateEdit = undefined;
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    const changed = Object.keys(before)
      .filter((k) => before[k] !== after[k])
      .sort();
    // nginx.conf is in the nginx images and the combined image, on both architectures.
    expect(changed).toEqual(
      ['combined', 'sharedvol-nginx', 'tcp-nginx'].flatMap((n) => [`${n}-arm64`, `${n}-x86_64`]).sort(),
    );
  });

  it('changes the app image tags, and only those, when config changes what is rendered into them', async () => {
    const before = tags(json);
    const after = tags((await synthSidecar({ workers: 2 })).json);
    const changed = Object.keys(before)
      .filter((k) => before[k] !== after[k])
      .sort();
    expect(changed).toEqual(
      ['combined', 'sharedvol-app', 'tcp-app'].flatMap((n) => [`${n}-arm64`, `${n}-x86_64`]).sort(),
    );
  });

  it('keeps tags stable across synths', async () => {
    expect(tags((await synthSidecar()).json)).toEqual(tags(json));
  });

  it('renders one compose project built from the same image contexts', () => {
    const compose = parse(synth.files.get('compose/docker-compose.yml') as string) as {
      services: Record<string, { build: string }>;
    };
    expect(Object.keys(compose.services).sort()).toEqual([...imageNames].sort());
    for (const [name, service] of Object.entries(compose.services)) {
      const context = service.build.replace(/^\.\.\//, '');
      const image = renderVariantImages(name.split('-')[0] as 'tcp').find((i) => i.name === name)!;
      expect(context).toBe(`images/${image.variant}/${image.container}`);
      expect(synth.files.get(`${context}/Dockerfile`)).toBe(image.files.get('Dockerfile'));
    }
  });
});
