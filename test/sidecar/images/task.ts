import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, openSync, closeSync, readdirSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isAlive } from '../../../packages/bench/src/sidecar/local/runner';
import { buildah, storageArgs, type BuiltImage, type ImageArch, type ImageConfig, type Result } from './buildah';

/**
 * A Fargate task stand-in: a network namespace of its own (as awsvpc gives each task), held by a sleeping process
 * (like the task's pause container), in which containers run from their images with
 * `buildah run --isolation chroot --network host` (podman's OCI runtimes cannot set rlimits or cgroups in this VM).
 * Containers of one task share its localhost; nothing listens outside it, so ports never clash with the host or
 * with other tests, and nginx binds its real port (80) as in the task definition. stop() kills every process in
 * the namespace and removes the containers.
 */
export class LocalTask {
  private readonly started: ChildProcess[] = [];
  private readonly containers: string[] = [];
  private readonly dirs: string[] = [];
  /** Mounts made for read-only roots, innermost first: unmounted by stop(). */
  private readonly mounts: string[] = [];
  /** Each read-only container's stand-in /run (see readOnlyRoot) and its listing when the container started. */
  private readonly runDirs = new Map<string, { dir: string; before: string }>();
  private stopped = false;

  private constructor(
    readonly arch: ImageArch,
    readonly label: string,
    private readonly holder: ChildProcess,
    readonly logDir: string,
  ) {}

  static async start(arch: ImageArch, label: string): Promise<LocalTask> {
    removeAbandonedContainers(arch);
    const logDir = mkdtempSync(join(tmpdir(), `sidecar-image-${label}-`));
    // `sleep` bounded, so even a killed test run leaves nothing behind for long.
    const holder = spawn('unshare', ['--net', '--', 'sh', '-c', 'ip link set lo up && echo up && exec sleep 3600'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const task = new LocalTask(arch, label, holder, logDir);
    await new Promise<void>((resolve, reject) => {
      let err = '';
      holder.stderr!.on('data', (d) => (err += d));
      holder.stdout!.once('data', () => resolve());
      holder.once('exit', (code) => reject(new Error(`network namespace holder exited ${code}: ${err}`)));
    });
    return task;
  }

  private get netns(): string {
    return `/proc/${this.holder.pid}/ns/net`;
  }

  /** A working container from `image` (`buildah from`), removed by stop(). */
  container(image: BuiltImage, name: string): string {
    const id = `stackwright-test-${this.label}-${name}-${process.pid}`;
    buildah(this.arch, ['rm', id], undefined, true);
    buildah(this.arch, ['from', '--pull=never', '--arch', this.arch, '--name', id, image.ref]);
    this.containers.push(id);
    return id;
  }

  /**
   * Removes the image's `VOLUME`s from the working container's config, so that its runs mount exactly the task
   * volumes given to them. buildah run otherwise adds an anonymous volume of its own for a declared path, and with
   * two declared paths it did so even for one given with `-v` (buildah 1.28), hiding the task volume from the
   * process. ECS mounts only the task definition's volumes; the declarations still decide how taskVolume() seeds them.
   */
  dropImageVolumes(container: string, paths: readonly string[]): void {
    if (paths.length > 0) buildah(this.arch, ['config', ...paths.flatMap((p) => ['--volume', `${p}-`]), container]);
  }

  /**
   * Makes `container`'s root filesystem read-only for every later run, as ECS does for `readonlyRootFilesystem: true`
   * (docker run --read-only): its buildah mount point is bind-mounted read-only onto itself. buildah writes one file
   * of its own into the container on every run (`/run/.containerenv`) and removes it afterwards (it panics when it
   * cannot), so /run alone is a writable copy of the image's /run; runWrites() reports anything else written there.
   * The mount targets buildah needs (/etc/hosts, /etc/resolv.conf) are created by one writable run first.
   */
  readOnlyRoot(container: string): void {
    buildah(this.arch, ['run', '--isolation', 'chroot', '--network', 'host', container, '--', 'true']);
    const root = buildah(this.arch, ['mount', container]).trim();
    const run = mkdtempSync(join(tmpdir(), `sidecar-run-${this.label}-`));
    this.dirs.push(run);
    execFileSync('cp', ['-a', `${root}/run/.`, `${run}/`]);
    execFileSync('mount', ['--bind', root, root]);
    this.mounts.unshift(root);
    execFileSync('mount', ['-o', 'remount,bind,ro', root]);
    execFileSync('mount', ['--bind', run, `${root}/run`]);
    this.mounts.unshift(`${root}/run`);
    this.runDirs.set(container, { dir: run, before: listing(run) });
  }

  /** What a read-only container wrote under /run (which ECS would have refused), buildah's own marker aside. */
  runWrites(container: string): string[] {
    const r = this.runDirs.get(container);
    if (!r) throw new Error(`${container} has no read-only root`);
    const before = new Set(r.before.split('\n'));
    return listing(r.dir)
      .split('\n')
      .filter((l) => !before.has(l) && !/^\.\/\.containerenv /.test(l));
  }

  /**
   * A host directory for a task volume first mounted at `path` in `container`, made as ECS makes it: when the image
   * declares `VOLUME path`, a copy of the image's directory (contents, owner, mode); otherwise empty, root-owned, 0755.
   * ECS bind mounts (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/bind-mounts.html): "If the absolute
   * path that's specified in the VOLUME directive is the same as the containerPath that's specified in the task
   * definition, the data in the VOLUME directive path is copied to the data volume." and "By default, the volume
   * permissions are set to 0755 and the owner as root."
   */
  taskVolume(container: string, path: string, declared: boolean): string {
    const dir = mkdtempSync(join(tmpdir(), `sidecar-volume-${this.label}-`));
    this.dirs.push(dir);
    if (!declared) {
      execFileSync('sh', ['-c', 'chown 0:0 "$1" && chmod 0755 "$1"', 'sh', dir]);
      return dir;
    }
    const root = buildah(this.arch, ['mount', container]).trim();
    execFileSync('cp', ['-a', `${root}${path}/.`, `${dir}/`]);
    execFileSync('sh', [
      '-c',
      'chown --reference="$1" "$2" && chmod --reference="$1" "$2"',
      'sh',
      `${root}${path}`,
      dir,
    ]);
    return dir;
  }

  private runArgs(container: string, command: readonly string[], volumes: readonly string[]): string[] {
    const vols = volumes.flatMap((v) => ['-v', v]);
    return [
      '--net=' + this.netns,
      'buildah',
      ...storageArgs(this.arch),
      'run',
      '--isolation',
      'chroot',
      '--network',
      'host',
      ...vols,
      container,
      '--',
      ...command,
    ];
  }

  /**
   * Starts the image's command (ENTRYPOINT + CMD) in `container`, as the image's user. Its output goes through a
   * pipe that user owns, as containerd gives a container (go-runc's NewPipeIO chowns stdio to the container's user),
   * so the programs can reopen /dev/stdout; buildah's own stdio pipes belong to root.
   */
  startContainer(container: string, config: ImageConfig, volumes: readonly string[] = []): void {
    const command = [...(config.Entrypoint ?? []), ...config.Cmd];
    const log = openSync(join(this.logDir, `${container}.log`), 'a');
    const child = spawn(
      'nsenter',
      this.runArgs(container, ['/bin/sh', '-c', '"$@" 2>&1 | cat', 'sh', ...command], volumes),
      {
        detached: true,
        stdio: ['ignore', log, log],
      },
    );
    closeSync(log);
    this.started.push(child);
  }

  /** Output of a container started with startContainer (for failure messages). */
  log(container: string): string {
    try {
      return readFileSync(join(this.logDir, `${container}.log`), 'utf8').slice(-4000);
    } catch {
      return '';
    }
  }

  /** Runs `command` in `container` (beside whatever runs there, as `docker exec` and health checks do). */
  exec(
    container: string,
    command: readonly string[],
    volumes: readonly string[] = [],
    timeoutMs = 120_000,
  ): Promise<Result> {
    return runAsync('nsenter', this.runArgs(container, command, volumes), timeoutMs);
  }

  /** An HTTP GET from inside the task's network namespace (the ALB's view of the task's port). */
  async get(port: number, path: string, timeoutMs = 120_000): Promise<{ status: number; body: string }> {
    const script =
      "require('http').get({host:'127.0.0.1',port:+process.argv[1],path:process.argv[2]},r=>{let b='';r.on('data',d=>b+=d);r.on('end',()=>{process.stdout.write(JSON.stringify({status:r.statusCode,body:b}))})}).on('error',e=>{process.stderr.write(String(e));process.exit(1)})";
    const r = await runAsync(
      'nsenter',
      ['--net=' + this.netns, process.execPath, '-e', script, String(port), path],
      timeoutMs,
    );
    if (r.status !== 0) throw new Error(`GET ${path}: ${r.stderr}`);
    return JSON.parse(r.stdout);
  }

  /** Processes in the task's namespace (the holder excluded): pid, real uid, command line. */
  processes(): { pid: number; uid: number; cmdline: string }[] {
    const ns = readlinkSync(this.netns);
    const found: { pid: number; uid: number; cmdline: string }[] = [];
    for (const entry of readdirSync('/proc').filter((e) => /^\d+$/.test(e))) {
      const pid = Number(entry);
      if (pid === this.holder.pid) continue;
      try {
        if (readlinkSync(`/proc/${pid}/ns/net`) !== ns) continue;
        const uid = Number(/^Uid:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]);
        found.push({ pid, uid, cmdline: readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim() });
      } catch {
        // exited meanwhile
      }
    }
    return found;
  }

  /** Processes holding a socket: a TCP listener on `port`, or a unix socket bound at a path ending in `unixPath`. */
  socketOwners(where: { tcpPort: number } | { unixPath: string }): { pid: number; uid: number; cmdline: string }[] {
    const inodes = new Set<string>();
    if ('tcpPort' in where) {
      for (const table of ['tcp', 'tcp6']) {
        for (const line of readFileSync(`/proc/${this.holder.pid}/net/${table}`, 'utf8').split('\n').slice(1)) {
          const f = line.trim().split(/\s+/);
          if (f.length > 9 && f[3] === '0A' && parseInt(f[1].split(':')[1], 16) === where.tcpPort) inodes.add(f[9]);
        }
      }
    } else {
      for (const line of readFileSync(`/proc/${this.holder.pid}/net/unix`, 'utf8').split('\n').slice(1)) {
        const f = line.trim().split(/\s+/);
        if (f.length >= 8 && f[7].endsWith(where.unixPath)) inodes.add(f[6]);
      }
    }
    return this.processes().filter((p) => {
      try {
        return readdirSync(`/proc/${p.pid}/fd`).some((fd) => {
          const m = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${p.pid}/fd/${fd}`));
          return m !== null && inodes.has(m[1]);
        });
      } catch {
        return false;
      }
    });
  }

  /** Stops every container process (TERM, then KILL), the namespace holder, and removes containers and temp dirs. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    for (const child of this.started) signalGroup(child, 'SIGTERM');
    await waitFor(() => this.processes().length === 0, 20_000).catch(() => undefined);
    for (const child of this.started) signalGroup(child, 'SIGKILL');
    // Anything else in the namespace (supervisord's programs run in their own process groups).
    for (let i = 0; i < 50 && this.processes().length > 0; i++) {
      for (const p of this.processes()) killQuietly(p.pid);
      await delay(100);
    }
    this.holder.kill('SIGKILL');
    for (const mount of this.mounts) spawnSyncQuiet('umount', [mount]);
    for (const id of this.containers) buildah(this.arch, ['rm', id], undefined, true);
    for (const dir of [...this.dirs, this.logDir]) rmSync(dir, { recursive: true, force: true });
  }
}

/** Working containers of test runs that were killed before their clean-up (named after their jest worker's pid). */
function removeAbandonedContainers(arch: ImageArch): void {
  for (const name of buildah(arch, ['containers', '--format', '{{.ContainerName}}']).split('\n')) {
    const m = /^stackwright-test-.+-(\d+)$/.exec(name.trim());
    if (m && !isAlive(Number(m[1]))) buildah(arch, ['rm', name.trim()], undefined, true);
  }
}

/** Every entry under `dir` with its owner, mode and size, one a line, sorted. */
function listing(dir: string): string {
  return execFileSync('sh', ['-c', 'cd "$1" && find . -printf "%p %u:%g %m %s\\n" | sort', 'sh', dir], {
    encoding: 'utf8',
  }).trim();
}

function spawnSyncQuiet(command: string, args: readonly string[]): void {
  try {
    execFileSync(command, args, { stdio: 'ignore' });
  } catch {
    // already gone
  }
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    if (child.pid) process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

function killQuietly(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

export function delay(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** Polls `condition` until it holds; rejects after `timeoutMs` (generous: tests run beside other CPU load). */
export async function waitFor(
  condition: () => boolean | Promise<boolean>,
  timeoutMs: number,
  everyMs = 250,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await condition()) return;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await delay(everyMs);
  }
}

export function runAsync(command: string, args: readonly string[], timeoutMs: number): Promise<Result> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('error', reject);
    child.once('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}
