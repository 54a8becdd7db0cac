/**
 * `npx tsx perf/reconciler.ts`: the reconciler Lambda's zipped size and its cold import time.
 *
 * Cold import: a fresh `node` process requires the bundled handler (index.js from the zip) and reports how long
 * the require took; the median of BENCH_RUNS (default 20) processes. The AWS SDK is external to the bundle, as in
 * Lambda's nodejs runtime, and is resolved here from this repo's node_modules (the runtime's SDK version may
 * differ). The SDK client alone is measured the same way, so the bundle's own share shows.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { bundleNodeHandler } from '../src/lambda/bundle';
import { deterministicZip, sourceCodeHash } from '../src/lambda/deterministic-zip';
import { median, spread } from './stats';

const REPO = resolve(__dirname, '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const ENTRY = 'src/ecs/reconciler/handler/index.ts';

/** Milliseconds one fresh node process spends in `require(target)`. */
function coldRequireMs(target: string, env: NodeJS.ProcessEnv): number {
  const script =
    'const t = process.hrtime.bigint();' +
    `require(${JSON.stringify(target)});` +
    'process.stdout.write(String(Number(process.hrtime.bigint() - t) / 1e6));';
  const r = spawnSync(process.execPath, ['--no-warnings', '-e', script], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  if (r.status !== 0) throw new Error(`require(${target}) failed:\n${r.stderr}`);
  return Number(r.stdout);
}

function measure(label: string, target: string, env: NodeJS.ProcessEnv): number {
  coldRequireMs(target, env); // one unmeasured run warms the OS file cache
  const samples = Array.from({ length: RUNS }, () => coldRequireMs(target, env));
  const m = median(samples);
  console.log(`${label.padEnd(34)} median ${m.toFixed(1)} ms  (${RUNS} runs, ${spread(samples)} ms)`);
  return m;
}

function main(): void {
  const bundleStart = process.hrtime.bigint();
  const code = bundleNodeHandler({ entry: ENTRY });
  const bundleMs = Number(process.hrtime.bigint() - bundleStart) / 1e6;
  const zip = deterministicZip([{ path: 'index.js', contents: code }]);
  console.log(`bundle (${ENTRY})`);
  console.log(
    `  index.js ${(code.length / 1024).toFixed(1)} KiB, zip ${(zip.length / 1024).toFixed(1)} KiB (${zip.length} bytes)`,
  );
  console.log(
    `  source_code_hash ${sourceCodeHash(zip)}; bundled in ${bundleMs.toFixed(0)} ms (esbuild, in-process API)`,
  );

  const dir = mkdtempSync(join(tmpdir(), 'reconciler-bench-'));
  try {
    const file = join(dir, 'index.js');
    writeFileSync(file, code);
    // Resolve the external AWS SDK from this repo, as Lambda resolves it from the runtime.
    const env = { NODE_PATH: join(REPO, 'node_modules'), AWS_REGION: 'us-east-1', MANAGED_SERVICES: '{}' };
    console.log(`cold import, node ${process.version} (${process.arch})`);
    const sdk = measure('  @aws-sdk/client-ecs alone', '@aws-sdk/client-ecs', env);
    const handler = measure('  bundled handler (incl. the SDK)', file, env);
    console.log(`  the bundle's own share: ~${(handler - sdk).toFixed(1)} ms`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main();
