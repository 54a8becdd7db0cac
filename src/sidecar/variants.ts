/**
 * The sidecar experiment's variants: how nginx reaches the app. (The other dimension, the CPU architecture, and the
 * deployments of the two are in deployments.ts.)
 *
 * `sidecarVariantTable` is the one description of each variant. The config defaults, the image and compose
 * renderers, the task definitions, the README and the local runner all read it; none of them compares variant names.
 * Each function that walks the variants takes the table as an input (default: this one), so a test can add a variant
 * without any other edit (ARCHITECTURE.md, "A sidecar variant").
 */

/** The containers of a variant's task. */
export type VariantContainers =
  /** An nginx container and an app container (nginx waits for the app to be healthy). */
  | 'nginx+app'
  /** One container, named `combined`, running nginx and the app under supervisord. */
  | 'one';

/** A container of a variant's task: nginx and app, or the one `combined` container. */
export type SidecarContainer = 'nginx' | 'app' | 'combined';

/** Everything that differs between the variants. */
export interface SidecarVariantSpec {
  /** The variant's name in the config, image folders, deployment keys and compose services. */
  readonly name: string;
  /** The task's containers. */
  readonly containers: VariantContainers;
  /**
   * How the app binds: a loopback TCP port (nginx and the app then share one network namespace, as awsvpc gives a
   * task and as compose gives with `network_mode: service:`), or a unix socket in the socket directory.
   */
  readonly appBind: 'tcp' | 'unix';
  /**
   * The socket directory is a task volume both containers mount. Needed when two containers talk over a unix socket;
   * one container (or a TCP bind) needs no shared directory.
   */
  readonly sharedSocketVolume: boolean;
  /** Default task size (CPU units, MiB), as the post sized it; the config's `taskSizes.<name>` overrides it. */
  readonly taskSize: { readonly cpu: number; readonly memory: number };
  /**
   * Offsets from the local runner's `--base-port`: nginx's, and (TCP bind only) the app's. Fixed per variant,
   * whatever is selected, so a variant keeps its ports run after run.
   */
  readonly localPortOffsets: { readonly nginx: number; readonly app?: number };
  /** The loopback host port docker compose publishes the variant on. */
  readonly composePort: number;
  /** How `stackwright list` says nginx reaches the app: "tcp", "a shared volume", "one container". */
  readonly listPhrase: string;
  /** The README's description of the variant: markdown list item lines (the first starts with `- `). */
  readonly readme: readonly string[];
  /**
   * Other names a benchmark target may give the variant (`sharedvolume-x86_64`).
   * @default none
   */
  readonly aliases?: readonly string[];
}

/** An ordered set of variants: the order is the post's, and the order of every listing derived from it. */
export type SidecarVariantTable = readonly SidecarVariantSpec[];

const table = [
  {
    name: 'tcp',
    containers: 'nginx+app',
    appBind: 'tcp',
    sharedSocketVolume: false,
    taskSize: { cpu: 256, memory: 512 },
    localPortOffsets: { nginx: 0, app: 3 },
    composePort: 8081,
    listPhrase: 'tcp',
    readme: [
      '- `tcp`: an nginx container and an app container (gunicorn + uvicorn worker + starlette); nginx proxies to',
      '  the app over loopback TCP (awsvpc gives the task one network namespace).',
    ],
  },
  {
    name: 'sharedvol',
    containers: 'nginx+app',
    appBind: 'unix',
    sharedSocketVolume: true,
    taskSize: { cpu: 256, memory: 512 },
    localPortOffsets: { nginx: 1 },
    composePort: 8082,
    listPhrase: 'a shared volume',
    aliases: ['sharedvolume'],
    readme: ['- `sharedvol`: the same two containers; both mount one task volume, the app binds a unix socket on it.'],
  },
  {
    name: 'combined',
    containers: 'one',
    appBind: 'unix',
    sharedSocketVolume: false,
    // One container runs nginx and the app, so it gets twice the resources, as in the post.
    taskSize: { cpu: 512, memory: 1024 },
    localPortOffsets: { nginx: 2 },
    composePort: 8083,
    listPhrase: 'one container',
    readme: [
      '- `combined`: one container running nginx and the app under supervisord, over a unix socket; twice the',
      '  task size, as in the post.',
    ],
  },
] as const satisfies SidecarVariantTable;

/** The post's three variants, in its order (checked when loaded). */
export const sidecarVariantTable: SidecarVariantTable = table;

/** A variant of the real table (the config's choices). */
export type SidecarVariantName = (typeof table)[number]['name'];
export const sidecarVariantNames = table.map((v) => v.name) as [SidecarVariantName, ...SidecarVariantName[]];

/**
 * The variant every other one is compared with on the same architecture: the table's first (the post compares unix
 * sockets with TCP).
 */
export function baselineVariant(variants: SidecarVariantTable = sidecarVariantTable): string {
  return variants[0]!.name;
}

/** The variant named `name` in `variants`; an Error naming the known ones otherwise. */
export function variantSpec(name: string, variants: SidecarVariantTable = sidecarVariantTable): SidecarVariantSpec {
  const spec = variants.find((v) => v.name === name);
  if (!spec) throw new Error(`unknown sidecar variant "${name}" (${variants.map((v) => v.name).join(', ')})`);
  return spec;
}

/** The task's containers in start order: the app first (nginx waits for it). */
export function containersOf(spec: SidecarVariantSpec): readonly SidecarContainer[] {
  return spec.containers === 'one' ? ['combined'] : ['app', 'nginx'];
}

/** The container that receives load balancer traffic: nginx, or the one combined container. */
export function loadBalancedContainer(spec: SidecarVariantSpec): SidecarContainer {
  return spec.containers === 'one' ? 'combined' : 'nginx';
}

/** `tcp-nginx`, `combined`: an image's context folder, repository and compose service name. */
export function imageName(spec: SidecarVariantSpec, container: SidecarContainer): string {
  return container === 'combined' ? spec.name : `${spec.name}-${container}`;
}

/**
 * The table's own consistency: names unique and usable in image and service names, nginx+app over a unix socket
 * with the shared volume it needs, an app port offset exactly for a TCP bind, ports unique. Throws an Error naming
 * the variant (a table is code, not input).
 */
export function checkVariantTable(variants: SidecarVariantTable): SidecarVariantTable {
  if (variants.length === 0) throw new Error('the sidecar variant table is empty');
  const seen = new Set<string>();
  const offsets = new Set<number>();
  const composePorts = new Set<number>();
  for (const v of variants) {
    const problem = (what: string) => new Error(`sidecar variant "${v.name}": ${what}`);
    if (!/^[a-z][a-z0-9]*$/.test(v.name)) throw problem('name must be lowercase letters and digits');
    if (seen.has(v.name)) throw problem('listed twice');
    seen.add(v.name);
    if (v.containers === 'nginx+app' && v.appBind === 'unix' && !v.sharedSocketVolume)
      throw problem('nginx and the app in two containers need sharedSocketVolume for a unix socket');
    if ((v.appBind === 'tcp') !== (v.localPortOffsets.app !== undefined))
      throw problem('localPortOffsets.app is needed exactly when the app binds TCP');
    for (const offset of [v.localPortOffsets.nginx, v.localPortOffsets.app ?? []].flat()) {
      if (offsets.has(offset)) throw problem(`local port offset ${offset} is another variant's`);
      offsets.add(offset);
    }
    if (composePorts.has(v.composePort)) throw problem(`compose port ${v.composePort} is another variant's`);
    composePorts.add(v.composePort);
  }
  return variants;
}

checkVariantTable(sidecarVariantTable);
