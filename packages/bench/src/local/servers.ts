import { execFile } from 'node:child_process';
import {
  type LocalBinaries,
  type RunningVariant,
  startVariant,
  type StartVariantOptions,
  trackChild,
} from '../sidecar-local';
import { type SidecarVariant, sidecarVariants } from '@stackwright/generator';

/** Offsets from --base-port: each variant's nginx, then the tcp variant's app. Fixed, whatever is selected. */
export const PORT_OFFSETS = { tcp: 0, sharedvol: 1, combined: 2, tcpApp: 3 } as const;

export type StartOptions = Omit<StartVariantOptions, 'port' | 'appPort'> & {
  /** nginx of variant v on basePort + PORT_OFFSETS[v], the tcp app on basePort + 3. @default free ports */
  readonly basePort?: number;
};

/**
 * Starts the variants in parallel, each with its own processes and ports. If any fails, the ones that came up are
 * stopped before its error is thrown, so a failed start leaves nothing running.
 */
export async function startAll(variants: readonly SidecarVariant[], options: StartOptions): Promise<RunningVariant[]> {
  const { basePort, ...common } = options;
  const results = await Promise.allSettled(
    variants.map((v) =>
      startVariant(v, {
        ...common,
        ...(basePort === undefined
          ? {}
          : { port: basePort + PORT_OFFSETS[v], ...(v === 'tcp' ? { appPort: basePort + PORT_OFFSETS.tcpApp } : {}) }),
      }),
    ),
  );
  const started = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) {
    await Promise.all(started.map((r) => r.stop()));
    throw failed.reason;
  }
  // Report in the post's order whatever order the user named them in.
  return [...started].sort((a, b) => sidecarVariants.indexOf(a.variant) - sidecarVariants.indexOf(b.variant));
}

/** Versions of what serves the requests, for the report: name -> first line of its version output. */
export async function serverVersions(
  binaries: LocalBinaries,
  variants: readonly SidecarVariant[],
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
  if (variants.includes('combined')) probes.push(['supervisord', binaries.supervisord, ['--version']]);
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
