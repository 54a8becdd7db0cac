import { execFile } from 'node:child_process';
import { type LocalBinaries, type RunningVariant, startVariant, type StartVariantOptions, trackChild } from './runner';
import { containersOf, sidecarVariantTable, type SidecarVariantSpec } from '@stackwright/generator';

export type StartOptions = Omit<StartVariantOptions, 'port' | 'appPort'> & {
  /**
   * Each variant's nginx on basePort plus its `localPortOffsets.nginx`, an app on loopback TCP on basePort plus
   * `localPortOffsets.app` (the table's offsets, fixed whatever is selected). @default free ports
   */
  readonly basePort?: number;
};

/** The ports a variant runs on from `basePort`: nginx's, and the app's when it binds TCP. */
export function localPorts(spec: SidecarVariantSpec, basePort: number): { port: number; appPort?: number } {
  const { nginx, app } = spec.localPortOffsets;
  return { port: basePort + nginx, ...(app === undefined ? {} : { appPort: basePort + app }) };
}

/**
 * Starts the variants in parallel, each with its own processes and ports. If any fails, the ones that came up are
 * stopped before its error is thrown, so a failed start leaves nothing running.
 */
export async function startAll(variants: readonly string[], options: StartOptions): Promise<RunningVariant[]> {
  const { basePort, ...common } = options;
  const table = options.variants ?? sidecarVariantTable;
  const specs = variants.map((v) => table.find((s) => s.name === v));
  const results = await Promise.allSettled(
    variants.map((v, i) => {
      const spec = specs[i];
      return startVariant(v, { ...common, ...(basePort === undefined || !spec ? {} : localPorts(spec, basePort)) });
    }),
  );
  const started = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) {
    await Promise.all(started.map((r) => r.stop()));
    throw failed.reason;
  }
  // Report in the post's order whatever order the user named them in.
  const order = table.map((v) => v.name);
  return [...started].sort((a, b) => order.indexOf(a.variant) - order.indexOf(b.variant));
}

/** Versions of what serves the requests, for the report: name -> first line of its version output. */
export async function serverVersions(
  binaries: LocalBinaries,
  variants: readonly string[],
  table = sidecarVariantTable,
): Promise<Record<string, string>> {
  const probes: [string, string, string[]][] = [
    ['nginx', binaries.nginx, ['-v']],
    ['gunicorn', binaries.gunicorn, ['--version']],
    ['python', binaries.python, ['--version']],
    [
      'starlette, uvicorn',
      binaries.python,
      ['-c', 'import starlette, uvicorn; print("starlette", starlette.__version__, "uvicorn", uvicorn.__version__)'],
    ],
  ];
  const supervised = table.some((v) => variants.includes(v.name) && containersOf(v).includes('combined'));
  if (supervised) probes.push(['supervisord', binaries.supervisord, ['--version']]);
  const lines = await Promise.all(probes.map(([, bin, args]) => firstLine(bin, args)));
  return Object.fromEntries(probes.map(([name], i) => [name, lines[i]]));
}

/** Runs one probe, tracked by the local runner's cleanup: a SIGTERM while it runs must not leave it orphaned. */
function firstLine(binary: string, args: string[]): Promise<string> {
  return new Promise((resolve) => {
    const child = execFile(
      binary,
      args,
      { timeout: 10_000, env: { PATH: '/usr/sbin:/usr/bin:/sbin:/bin', LANG: 'C.UTF-8' } },
      (err, stdout, stderr) => {
        // nginx -v writes to stderr.
        const text = `${stdout}\n${stderr}`.split('\n').find((l) => l.trim()) ?? '';
        resolve(err && !text ? 'unknown' : text.trim());
      },
    );
    trackChild(child);
  });
}
