import { Construct } from 'constructs';
import { Fn } from 'cdktf';
import { EcrRepository } from '@cdktf/provider-aws/lib/ecr-repository';
import { EcrLifecyclePolicy } from '@cdktf/provider-aws/lib/ecr-lifecycle-policy';
import { DataAwsEcrAuthorizationToken } from '@cdktf/provider-aws/lib/data-aws-ecr-authorization-token';
import { DockerProvider } from '@cdktf/provider-docker/lib/provider';
import { Image } from '@cdktf/provider-docker/lib/image';
import { RegistryImage } from '@cdktf/provider-docker/lib/registry-image';
import type { StackFile } from '../core/stackwright-stack';
import { dockerPlatform, type CpuArchitecture } from './deployments';

/** One image's build context, rendered from templates/sidecar (see src/sidecar/render). */
export interface ImageSource {
  readonly variant: string;
  /** The container the image runs as: nginx, app, or combined. */
  readonly container: string;
  /** `tcp-nginx`, `combined`: unique per image; names its repository. */
  readonly name: string;
  /** Relative path -> contents; includes `Dockerfile`. */
  readonly files: ReadonlyMap<string, string>;
  /** A stable hash of `files`: changes exactly when the build context changes. */
  readonly contextHash: string;
}

export interface SidecarImagesProps {
  /** ECR repository name prefix, e.g. `demo-sidecar`. */
  readonly repositoryPrefix: string;
  /** The build context of every image, one repository each. */
  readonly sources: readonly ImageSource[];
  /** Each image is built and pushed once per architecture. */
  readonly architectures: readonly CpuArchitecture[];
  /** Receives each build context file (the stack writes them beside cdk.tf.json). */
  readonly fileSink: { addFile(file: StackFile): void };
  /**
   * Images kept per repository; older ones expire.
   * @default 10
   */
  readonly keepImages?: number;
}

interface BuiltImage {
  readonly repository: EcrRepository;
  readonly pushed: Map<CpuArchitecture, RegistryImage>;
}

/**
 * ECR repositories for the benchmark images (scan on push, encrypted) and, at `terraform apply`, the docker provider
 * building each rendered context for each task architecture and pushing it. Tags are `<context hash>-<arch>`, so they
 * change exactly when a context changes; tasks reference images by digest, never by tag.
 *
 * Tags are mutable so that a re-apply can push a tag again. The provider pushes on every create, whatever the registry
 * holds (kreuzwerker/terraform-provider-docker v3.6.2, internal/provider/resource_docker_registry_image_funcs.go:
 * resourceDockerRegistryImageCreate calls pushDockerRegistryImage unconditionally), and a taint, a replace, an
 * interrupted push or lost state all create the push again. An immutable repository refuses that push: "After tag
 * immutability is turned on, the ImageTagAlreadyExistsException error is returned if you push an image with a tag
 * that is already in the repository" (https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-tag-mutability.html),
 * even for the same digest ("when pushing an image to an IMMUTABLE registry, even when the digest has not changed,
 * it fails with ImageTagAlreadyExistsException", aws/containers-roadmap#2179). What immutability would guard, a tag
 * that changes under a running task, cannot happen here: the task definitions pin the pushed digest.
 * Creates the stack's docker provider, authenticated with a short-lived ECR token: use it once per stack.
 */
export class SidecarImages extends Construct {
  private readonly built = new Map<string, BuiltImage>();

  constructor(scope: Construct, id: string, props: SidecarImagesProps) {
    super(scope, id);
    if (props.sources.length === 0) throw new Error('SidecarImages needs at least one image source');
    if (props.architectures.length === 0) throw new Error('SidecarImages needs at least one architecture');
    for (const s of props.sources) {
      if (!/^[a-z0-9][a-z0-9._-]*$/.test(s.name))
        throw new Error(`image name '${s.name}' must be lowercase letters, digits and ._- (an ECR repository name)`);
      if (!s.files.has('Dockerfile'))
        throw new Error(`image ${s.variant}/${s.container} has no Dockerfile in its context`);
      if (!/^[a-z0-9][a-z0-9._-]*$/.test(s.contextHash))
        throw new Error(`image ${s.variant}/${s.container}: context hash '${s.contextHash}' is not usable in a tag`);
    }
    const token = new DataAwsEcrAuthorizationToken(this, 'ecr-token', {});
    new DockerProvider(this, 'docker', {
      registryAuth: [
        {
          address: Fn.replace(token.proxyEndpoint, 'https://', ''),
          username: token.userName,
          password: token.password,
        },
      ],
    });

    for (const source of props.sources) {
      const lookup = imageKey(source.variant, source.container);
      if (this.built.has(lookup)) throw new Error(`image ${source.variant}/${source.container} is listed twice`);
      const key = source.name;
      const dir = `images/${source.variant}/${source.container}`;
      for (const [path, contents] of [...source.files].sort(([a], [b]) => (a < b ? -1 : 1))) {
        props.fileSink.addFile({ path: `${dir}/${path}`, contents });
      }
      const repository = new EcrRepository(this, `${key}-repo`, {
        name: `${props.repositoryPrefix}/${source.name}`,
        imageTagMutability: 'MUTABLE', // see the class comment: a re-apply must be able to push the tag again
        imageScanningConfiguration: { scanOnPush: true },
        encryptionConfiguration: [{ encryptionType: 'AES256' }],
        forceDelete: true, // `terraform destroy` removes the benchmark's images with it
      });
      new EcrLifecyclePolicy(this, `${key}-lifecycle`, {
        repository: repository.name,
        policy: JSON.stringify({
          rules: [
            {
              rulePriority: 1,
              description: `keep the newest ${props.keepImages ?? 10} images`,
              selection: { tagStatus: 'any', countType: 'imageCountMoreThan', countNumber: props.keepImages ?? 10 },
              action: { type: 'expire' },
            },
          ],
        }),
      });
      const pushed = new Map<CpuArchitecture, RegistryImage>();
      for (const architecture of props.architectures) {
        const arch = architecture.toLowerCase();
        const image = new Image(this, `${key}-${arch}-image`, {
          name: `${repository.repositoryUrl}:${source.contextHash}-${arch}`,
          platform: dockerPlatform[architecture],
          buildAttribute: {
            context: `\${path.module}/${dir}`,
            dockerfile: 'Dockerfile',
            platform: dockerPlatform[architecture],
          },
          triggers: { context_hash: source.contextHash },
        });
        pushed.set(
          architecture,
          new RegistryImage(this, `${key}-${arch}-push`, {
            name: image.name,
            // Running tasks may still use the previous image (by digest); the lifecycle policy cleans up.
            keepRemotely: true,
            triggers: { context_hash: source.contextHash },
          }),
        );
      }
      this.built.set(lookup, { repository, pushed });
    }
  }

  /** The pushed image for a container on an architecture, pinned by digest (so tasks wait for the push). */
  public imageUri(variant: string, container: string, architecture: CpuArchitecture): string {
    const built = this.built.get(imageKey(variant, container));
    const pushed = built?.pushed.get(architecture);
    if (!built || !pushed)
      throw new Error(
        `no image for ${variant}/${container} on ${architecture}: add it to the sources and architectures`,
      );
    // repository@digest: the form ECS documents for digests; the tag stays visible in ECR.
    return `${built.repository.repositoryUrl}@${pushed.sha256Digest}`;
  }

  /** The repositories a variant's tasks pull from. */
  public repositoryArns(variant: string): string[] {
    return [...this.built.entries()].filter(([k]) => k.startsWith(`${variant}/`)).map(([, b]) => b.repository.arn);
  }

  public get repositories(): EcrRepository[] {
    return [...this.built.values()].map((b) => b.repository);
  }
}

function imageKey(variant: string, container: string): string {
  return `${variant}/${container}`;
}
