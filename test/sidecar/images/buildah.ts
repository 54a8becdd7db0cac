import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { defaultRenderOptions } from '../../../src/sidecar/render';
import { imageName, type SidecarContainer, variantSpec } from '../../../src/sidecar/variants';

/**
 * Builds the sidecar images from generated/sidecar/images with Debian's buildah (chroot isolation, no Docker engine),
 * offline from anything but Debian's archive: the base image the Dockerfiles name is a debootstrapped bookworm
 * imported under that exact tag, and builds never pull. Base and layers are cached per architecture under
 * STACKWRIGHT_IMAGE_CACHE (default ~/.cache/stackwright/images), so a rerun is only cache hits. Builds of one
 * architecture run one at a time (flock), so parallel jest workers never build the same layer twice.
 */

export type ImageArch = 'amd64' | 'arm64';
export const IMAGES_DIR = resolve(__dirname, '../../../generated/sidecar/images');
/** Where bases, layers and build logs are kept (read on each use, so a script may set it after loading this). */
export function imageCacheDir(): string {
  return process.env.STACKWRIGHT_IMAGE_CACHE || join(homedir(), '.cache', 'stackwright', 'images');
}
/** overlay reuses layers without copying them; vfs (STACKWRIGHT_BUILDAH_DRIVER=vfs) works anywhere. */
const DRIVER = process.env.STACKWRIGHT_BUILDAH_DRIVER || 'overlay';
/** The Dockerfiles' FROM, as buildah resolves it (docker.io/library/...). */
export const BASE_IMAGE = `docker.io/library/${defaultRenderOptions.baseImage}`;
const BUILD_TIMEOUT_MS = 40 * 60_000;

/** buildah's global options for one architecture's storage (one store per architecture: one tag, one image). */
export function storageArgs(arch: ImageArch): string[] {
  return [
    '--root',
    join(imageCacheDir(), arch, 'storage'),
    '--runroot',
    join(imageCacheDir(), arch, 'run'),
    '--storage-driver',
    DRIVER,
  ];
}

export interface Result {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export function run(command: string, args: readonly string[], timeout = 120_000): Result {
  const r = spawnSync(command, args, { encoding: 'utf8', timeout, maxBuffer: 64 * 1024 * 1024 });
  if (r.error) throw new Error(`${command} ${args.join(' ')}: ${r.error.message}`);
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function mustRun(command: string, args: readonly string[], timeout?: number): string {
  const r = run(command, args, timeout);
  if (r.status !== 0)
    throw new Error(
      `${command} ${args.join(' ')} exited ${r.status}:\n${r.stdout.slice(-3000)}\n${r.stderr.slice(-3000)}`,
    );
  return r.stdout;
}

/** buildah on one architecture's store; `allowFailure` for clean-ups of what may not exist. */
export function buildah(arch: ImageArch, args: readonly string[], timeout?: number, allowFailure = false): string {
  if (allowFailure) return run('buildah', [...storageArgs(arch), ...args], timeout).stdout;
  return mustRun('buildah', [...storageArgs(arch), ...args], timeout);
}

/**
 * Throws, naming what is missing, unless this machine can build and run the images (root, buildah, debootstrap,
 * util-linux's unshare/nsenter/flock, iproute2's ip); for arm64 also qemu-user-static registered with binfmt_misc.
 * .ci/setup installs and registers all of it.
 */
export function checkPrerequisites(arch: ImageArch): void {
  const missing: string[] = [];
  if (process.getuid?.() !== 0) missing.push('root (buildah --isolation chroot and debootstrap need it)');
  for (const tool of ['buildah', 'debootstrap', 'unshare', 'nsenter', 'flock', 'ip']) {
    if (spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0) missing.push(tool);
  }
  if (arch === 'arm64') {
    const entry = '/proc/sys/fs/binfmt_misc/qemu-aarch64';
    const registered =
      existsSync(entry) &&
      readFileSync(entry, 'utf8').startsWith('enabled') &&
      /flags: \w*F/.test(readFileSync(entry, 'utf8'));
    if (!registered) missing.push(`qemu-user-static registered with binfmt_misc, fix-binary flag (${entry})`);
  }
  if (missing.length > 0) {
    throw new Error(
      `cannot build the ${arch} sidecar images, missing: ${missing.join('; ')}. Run .ci/setup (as root) first.`,
    );
  }
}

/** The Debian archive apt already uses (bookworm suites of the host's sources), so nothing else is contacted. */
export function hostDebianSources(): string[] {
  const lines: string[] = [];
  const files = [
    '/etc/apt/sources.list',
    ...(existsSync('/etc/apt/sources.list.d')
      ? readdirSync('/etc/apt/sources.list.d').map((f) => join('/etc/apt/sources.list.d', f))
      : []),
  ];
  for (const file of files.filter((f) => /\.(list|sources)$/.test(f) && existsSync(f))) {
    const text = readFileSync(file, 'utf8');
    if (file.endsWith('.list')) {
      for (const m of text.matchAll(/^deb\s+(?:\[[^\]]*\]\s+)?(\S+)\s+(bookworm\S*)\s+.*\bmain\b/gm))
        lines.push(`deb ${m[1]} ${m[2]} main`);
      continue;
    }
    for (const stanza of text.split(/\n\s*\n/)) {
      const field = (name: string) =>
        new RegExp(`^${name}:\\s*(.+)$`, 'mi').exec(stanza)?.[1].trim().split(/\s+/) ?? [];
      if (!field('Types').includes('deb') || !field('Components').includes('main')) continue;
      for (const uri of field('URIs'))
        for (const suite of field('Suites').filter((s) => s.startsWith('bookworm')))
          lines.push(`deb ${uri} ${suite} main`);
    }
  }
  if (!lines.some((l) => / bookworm main$/.test(l)))
    throw new Error('no Debian bookworm archive in /etc/apt/sources.list*: debootstrap needs one');
  return [...new Set(lines)];
}

/** What debian:*-slim leaves out (docs, man pages, translations), so the stand-in base is as small as the real one. */
const SLIM_DPKG_EXCLUDES = [
  'path-exclude /usr/share/doc/*',
  'path-include /usr/share/doc/*/copyright',
  'path-exclude /usr/share/man/*',
  'path-exclude /usr/share/groff/*',
  'path-exclude /usr/share/info/*',
  'path-exclude /usr/share/lintian/*',
  'path-exclude /usr/share/linda/*',
  'path-exclude /usr/share/locale/*',
].join('\n');

/** Runs `script` (a shell command) holding the architecture's build lock. */
function locked(arch: ImageArch, script: string[], timeout = BUILD_TIMEOUT_MS): string {
  mkdirSync(join(imageCacheDir(), arch), { recursive: true });
  return mustRun('flock', [join(imageCacheDir(), `${arch}.lock`), ...script], timeout);
}

/**
 * The bookworm base under the Dockerfiles' FROM tag, made once per architecture: `debootstrap --variant=minbase`
 * from the host's archive (arm64 under qemu-user-static), apt sources set to that archive, slimmed, imported with
 * `buildah from scratch` + `add` + `commit` (Debian's buildah 1.28 has no `import`).
 */
export function ensureBase(arch: ImageArch): void {
  checkPrerequisites(arch);
  const script = join(__dirname, 'make-base.sh');
  const sources = hostDebianSources();
  const mirror = /^deb (\S+) bookworm main$/m.exec(sources.join('\n'))![1];
  locked(arch, [
    'sh',
    script,
    arch,
    mirror,
    BASE_IMAGE,
    join(imageCacheDir(), arch),
    DRIVER,
    sources.join('\n'),
    SLIM_DPKG_EXCLUDES,
  ]);
}

export interface BuiltImage {
  /** `localhost/stackwright-sidecar/tcp-nginx:<arch>` */
  readonly ref: string;
  readonly arch: ImageArch;
}

/** Builds generated/sidecar/images/<variant>/<container> for `arch` (base first); cached layers make a rebuild quick. */
export function buildImage(arch: ImageArch, variant: string, container: string): BuiltImage {
  const name = imageName(variantSpec(variant), container as SidecarContainer);
  return buildContext(arch, name, join(IMAGES_DIR, variant, container));
}

/** Builds the Dockerfile in `context` as `localhost/stackwright-sidecar/<name>:<arch>`; throws with the log's end. */
export function buildContext(arch: ImageArch, name: string, context: string): BuiltImage {
  ensureBase(arch);
  if (!existsSync(join(context, 'Dockerfile'))) throw new Error(`no Dockerfile in ${context}`);
  const ref = `localhost/stackwright-sidecar/${name}:${arch}`;
  const log = join(imageCacheDir(), arch, `build-${name}.log`);
  const args = [
    'bud',
    '--isolation',
    'chroot',
    '--format',
    'docker',
    '--layers',
    '--force-rm',
    '--pull=never',
    '--arch',
    arch,
    '--os',
    'linux',
    '-t',
    ref,
    context,
  ];
  // The log stays beside the cache for a failed build; the error shows its end.
  const r = run(
    'flock',
    [
      join(imageCacheDir(), `${arch}.lock`),
      'sh',
      '-c',
      'log=$1; shift; "$@" >"$log" 2>&1',
      'sh',
      log,
      'buildah',
      ...storageArgs(arch),
      ...args,
    ],
    BUILD_TIMEOUT_MS,
  );
  if (r.status !== 0) {
    const tail = existsSync(log) ? readFileSync(log, 'utf8').slice(-4000) : r.stderr;
    throw new Error(`buildah bud of ${name} (${arch}) failed (log: ${log}):\n${tail}`);
  }
  return { ref, arch };
}

/** The image's Docker config: User, Cmd, Healthcheck, ExposedPorts, Volumes. */
export interface ImageConfig {
  readonly User: string;
  readonly Cmd: string[];
  readonly Entrypoint?: string[] | null;
  readonly Healthcheck?: { readonly Test: string[] };
  readonly ExposedPorts?: Record<string, unknown> | null;
  readonly Volumes?: Record<string, unknown> | null;
  readonly WorkingDir?: string;
}

/** The image's config, architecture and size as buildah reports it (uncompressed, e.g. "185 MB"). */
export function inspectImage(image: BuiltImage): { config: ImageConfig; architecture: string; size: string } {
  const info = JSON.parse(buildah(image.arch, ['inspect', '--type', 'image', image.ref]));
  const size = String(JSON.parse(buildah(image.arch, ['images', '--json', image.ref]))[0]?.size);
  return { config: info.Docker.config, architecture: info.OCIv1.architecture, size };
}
