import { checkPort, renderStrict, SidecarRenderError } from './files';
import { resolveRenderOptions, writableDirs, type SidecarRenderOptions } from './options';
import {
  containersOf,
  imageName,
  loadBalancedContainer,
  sidecarVariantTable,
  type SidecarContainer,
  type SidecarVariantSpec,
  type SidecarVariantTable,
} from '../variants';

/** Which variants docker compose runs, where their build contexts are, and the host ports they are published on. */
export interface ComposeLayout {
  /** The variants to run, by name; rendered in the table's order. @default every variant of `table` */
  readonly variants?: readonly string[];
  /**
   * The folder holding the build contexts, relative to docker-compose.yml, laid out `<variant>/<container>/` as the
   * stack's images/ folder is: compose builds the very contexts Terraform builds, so none is written twice.
   * @default '../images'
   */
  readonly contextDir?: string;
  /** Loopback host port per variant name. @default each variant's `composePort` */
  readonly ports?: Readonly<Record<string, number>>;
  /** The variant table the names refer to. @default sidecarVariantTable */
  readonly table?: SidecarVariantTable;
}

/** One compose service: one container of a variant's task. */
interface ComposeService {
  readonly name: string;
  readonly build: string;
  readonly mounts: readonly string[];
  /** The loopback port published, on this service's own network namespace (before `read_only`). */
  readonly ownPort: number | false;
  /** The port published for the container that joins this service's namespace (after the volumes, with why). */
  readonly sharedPort: number | false;
  /** The service whose network namespace this one joins (nginx reaching the app over loopback TCP). */
  readonly networkOf: string | false;
  /** The service that must be healthy first (nginx waits for the app, as the task definition's dependsOn). */
  readonly after: string | false;
  /** A blank line before it: the first service of every variant but the first. */
  readonly gap: boolean;
}

/** The services of one variant, in start order (the app first). */
function servicesOf(
  spec: SidecarVariantSpec,
  port: number,
  dir: string,
  socketDir: string,
  gap: boolean,
): ComposeService[] {
  const containers = containersOf(spec);
  const app = containers.includes('app') ? imageName(spec, 'app') : undefined;
  // Over loopback TCP, nginx must share the app's network namespace, as awsvpc shares it within a task.
  const joinsApp = app !== undefined && spec.appBind === 'tcp';
  return containers.map((c: SidecarContainer, i) => {
    const serving = c === loadBalancedContainer(spec);
    return {
      name: imageName(spec, c),
      build: `${dir}/${spec.name}/${c}`,
      // A task volume `v` of variant `x` is the compose volume `x-v`, mounted where the task mounts it.
      mounts: writableDirs(spec, c, socketDir).map((d) => `${spec.name}-${d.volume}:${d.path}`),
      // Every key present, false when absent: the template is rendered strictly.
      ownPort: serving && !joinsApp && port,
      sharedPort: joinsApp && c === 'app' && port,
      networkOf: joinsApp && c === 'nginx' && app,
      after: c === 'nginx' && app !== undefined && app,
      gap: gap && i === 0,
    };
  });
}

/** docker-compose.yml running the variants of `layout`, each built from its image's context folder. */
export function renderCompose(options?: Partial<SidecarRenderOptions>, layout: ComposeLayout = {}): string {
  const o = resolveRenderOptions(options);
  const table = layout.table ?? sidecarVariantTable;
  const names = layout.variants ?? table.map((v) => v.name);
  const known = table.map((v) => v.name);
  if (names.length === 0 || names.some((v) => !known.includes(v))) {
    throw new SidecarRenderError(`compose variants must be some of ${known.join(', ')} (got ${JSON.stringify(names)})`);
  }
  const run = table.filter((v) => names.includes(v.name));
  const portOf = (v: SidecarVariantSpec) =>
    checkPort(`compose port for ${v.name}`, layout.ports?.[v.name] ?? v.composePort);
  const dir = (layout.contextDir ?? '../images').replace(/\/+$/, '');
  const services = run.flatMap((v, i) => servicesOf(v, portOf(v), dir, o.socketDir, i > 0));
  const namedVolumes = [...new Set(services.flatMap((s) => s.mounts.map((m) => m.split(':')[0]!)))];
  const [first, ...others] = run;
  return renderStrict('docker-compose.yml.hbs', {
    listenPort: o.listenPort,
    firstPort: portOf(first!),
    portsNote: [first!.name, ...others.map((v) => `${v.name} on ${portOf(v)}`)].join(', ').replace(', ', '; '),
    services,
    namedVolumes,
    contextDir: dir,
  });
}
