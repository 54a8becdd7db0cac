import type { ReadmeSection } from '../core/stackwright-stack';
import type { SidecarConfig } from './config';
import { sidecarVariantTable, type SidecarVariantName } from './variants';
import { deploymentKey, pathPrefix, type Deployment } from './deployments';

/**
 * The exact command the outputs advertise for benchmarking every deployment (implemented by the bench harness). It
 * runs in the stack's folder, where `terraform output` reads the state, so it names no output folder: synth writes
 * the same bytes whatever `-o` says and wherever a target's folder sits.
 */
export const BENCH_COMMAND = 'npx stackwright bench remote --from-terraform .';

const NUMBER_WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const inWords = (n: number) => NUMBER_WORDS[n] ?? String(n);

/** The table's variants the section selects, in the table's order. */
function selected(config: Pick<SidecarConfig, 'variants'>) {
  return sidecarVariantTable.filter((v) => config.variants.includes(v.name as never));
}

/** "The three shapes", or "Two of the three shapes" when the config selects fewer. */
function shapesDeployed(config: Pick<SidecarConfig, 'variants'>): string {
  const all = inWords(sidecarVariantTable.length);
  const n = selected(config).length;
  if (n === sidecarVariantTable.length) return `The ${all} shapes`;
  const count = inWords(n);
  return `${count[0]!.toUpperCase()}${count.slice(1)} of the ${all} shapes`;
}

/** `a, b or c`. */
function orList(items: readonly string[]): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

/** The `stackwright list` line: the variants and architectures the section selects. */
export function sidecarSummary(config: Pick<SidecarConfig, 'variants' | 'architectures'>): string {
  const ways = selected(config).map((v) => v.listPhrase);
  const architectures = config.architectures.map((a) => a.toLowerCase()).join(' and ');
  return `Fargate benchmark: nginx -> gunicorn/starlette over ${orList(ways)}, ${architectures}, behind one ALB`;
}

/** README sections of the sidecar stack: what runs where, how requests are routed, and what it costs. */
export function sidecarReadme(
  config: SidecarConfig,
  deployments: readonly Deployment<SidecarVariantName>[],
  scheme: 'http' | 'https',
): ReadmeSection[] {
  const example = pathPrefix(deployments[0]!).slice(0, -1);
  const rows = deployments.map((d) => {
    const size = config.taskSizes[d.variant];
    return `| \`${deploymentKey(d)}\` | ${d.variant} | ${d.architecture} | ${size.cpu} / ${size.memory} | \`${scheme}://<alb_dns_name>${pathPrefix(d)}\` |`;
  });
  const network =
    config.network.type === 'existing'
      ? `the existing VPC \`${config.network.vpcId}\` (its subnets must already reach ECR, S3 and CloudWatch Logs for private tasks)`
      : config.taskSubnets === 'public'
        ? 'a new VPC over two AZs; tasks run in its public subnets with a public IP (no NAT, no endpoints)'
        : `a new VPC over two AZs; tasks run in private subnets and reach AWS through ${
            (config.network.privateEgress ?? 'vpc-endpoints') === 'vpc-endpoints'
              ? 'VPC endpoints (ECR API, ECR registry, CloudWatch Logs, S3 gateway)'
              : 'one NAT gateway'
          }`;
  return [
    {
      heading: 'Variants',
      body: [
        `${shapesDeployed(config)} of "Container-to-Container Communication", each on each selected CPU architecture:`,
        '',
        ...selected(config).flatMap((v) => v.readme),
        '',
        'nginx starts only when the app container reports HEALTHY; every container has a health check.',
        '',
        '| deployment | variant | architecture | task CPU / MiB | URL |',
        '| --- | --- | --- | --- | --- |',
        ...rows,
      ].join('\n'),
    },
    {
      heading: 'Routing and network',
      body: [
        `One internet-facing ALB; a listener rule per deployment forwards its path prefix (\`${example}\` and`,
        `\`${example}/*\`) to an ip target group; any other path gets a 404. The app answers on every path, so the`,
        `prefix is all a benchmark needs. Listener: ${scheme === 'https' ? 'HTTPS (port 80 redirects)' : 'HTTP on port 80'}.`,
        `Network: ${network}.`,
        "Only the ALB's listener ports are open (to `listenerCidrs`, which the config must name:",
        `${config.listenerCidrs.map((c) => `\`${c}\``).join(', ')} here); tasks accept nginx's port from the ALB's`,
        'security group only, and send nothing but HTTPS (image pulls, logs). Every container runs on a read-only root',
        'filesystem and writes only to its task volumes.',
        '',
        `Records: the ALB writes access logs to a private S3 bucket (SSE-S3, objects expire after ${config.logRetentionDays} days);`,
        config.network.type === 'create'
          ? `the VPC's flow logs go to CloudWatch Logs, kept ${config.logRetentionDays} days.`
          : "an existing VPC's flow logs are its owner's.",
        '',
        'Images are built and pushed by `terraform apply` with the docker provider, from the contexts under',
        '`images/<variant>/<container>/`, for each task architecture (`linux/amd64`, `linux/arm64`), and tagged',
        '`<context hash>-<arch>`; tasks pin images by digest. See "Where to run terraform apply" below.',
        '`compose/docker-compose.yml` runs the same images, built from the same contexts, with docker compose for a local',
        'baseline.',
        '',
        `Benchmark every deployment, in this folder: \`${BENCH_COMMAND}\` (reads \`terraform output -json\`).`,
      ].join('\n'),
    },
    {
      heading: 'Where to run terraform apply',
      body: applyMachine(config.architectures).join('\n'),
    },
    {
      heading: 'Cost caveats',
      body: [
        'The ALB (and its public IPv4 addresses), each Fargate task (one per deployment and desired count:',
        `${deployments.length * config.desiredCount} here) and, with private tasks, the interface VPC endpoints (per AZ) or the NAT gateway`,
        '(plus its per-GB processing) bill by the hour while they exist; public tasks pay for a public IPv4 address each.',
        'The figures, per hour deployed and per month left running, are under "Estimated cost" below, priced from',
        'the Terraform in this folder. Run `terraform destroy` when the benchmark is done: the ECR repositories go with',
        'their images, and nothing is kept.',
      ].join('\n'),
    },
  ];
}

/**
 * What the machine running `terraform apply` needs to build and push the images. The docker provider builds through
 * the Docker engine's API, with BuildKit whenever the engine's API is 1.39 or later and no `builder` is set
 * (kreuzwerker/terraform-provider-docker v3.6.2, internal/provider/resource_docker_image_funcs.go,
 * enableBuildKitIfSupported: `const minBuildkitDockerVersion = "1.39"`, compared with the client's API version); the
 * Dockerfiles start `# syntax=docker/dockerfile:1`, which BuildKit resolves from Docker Hub. The ECR token's lifetime
 * is the ECR API reference's (AuthorizationData, https://docs.aws.amazon.com/AmazonECR/latest/APIReference/
 * API_AuthorizationData.html): "Authorization tokens are valid for 12 hours."
 */
function applyMachine(architectures: readonly string[]): string[] {
  const both = architectures.length > 1;
  return [
    'The docker provider builds every image on the machine that runs `terraform apply` and pushes it to ECR. That',
    'machine needs:',
    '',
    '- **Docker Engine with BuildKit**: a running engine whose API is 1.39 or later, at its default socket or',
    "  `DOCKER_HOST`; the provider then builds with the engine's built-in BuildKit (older engines get the legacy",
    '  builder). The provider talks to the engine itself: the `docker` CLI and buildx are not used.',
    `- **QEMU for the other architecture**: ${
      both
        ? 'both `linux/amd64` and `linux/arm64` images are built'
        : `only \`${architectures[0] === 'ARM64' ? 'linux/arm64' : 'linux/amd64'}\` images are built`
    }.`,
    "  An image for an architecture other than the machine's runs its `RUN` steps under emulation registered with",
    '  binfmt_misc, for example `docker run --privileged --rm tonistiigi/binfmt --install arm64,amd64` (once per boot).',
    '- **Registry access**: Docker Hub (the `debian` base image and the `docker/dockerfile:1` syntax frontend),',
    "  Debian's package archive (`apt-get` in the builds), and the account's ECR registry over HTTPS. The ECR login",
    '  comes from the AWS credentials Terraform runs with (an ECR authorization token, read at plan time and kept in',
    '  the Terraform state for its 12 hours: keep the state private).',
  ];
}
