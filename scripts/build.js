'use strict';
/**
 * `npm run build` (also run by `prepare`, so `npm ci` builds it; `npm test` and jest's global set-up build first):
 * the shipped CLI as esbuild bundles in dist/ (gitignored), each with an external source map.
 *
 *   dist/cli.js    src/cli/index.ts: the CLI (bin/stackwright.js), the app `npx cdktf synth` runs (cdktf.json,
 *                  bin/cdktf-app.js) and the generator's API for the toolkit
 *   dist/bench.js  packages/bench/src/index.ts: the benchmark toolkit, loaded by `stackwright bench` only
 *
 * `node scripts/build.js --if-stale` builds only when bin/dist-check.js finds the sources changed.
 */
const { mkdirSync, renameSync, writeFileSync } = require('node:fs');
const { join, relative, resolve } = require('node:path');
const { BUILD_INFO, distProblem, recordSources } = require('../bin/dist-check.js');

const ROOT = resolve(__dirname, '..');
const ENTRIES = { cli: 'src/cli/index.ts', bench: 'packages/bench/src/index.ts' };

/**
 * The two wings find each other as sibling bundles: the CLI's lazy require of the toolkit loads dist/bench.js, and the
 * toolkit's `@stackwright/generator` (src/api/bench.ts) is the CLI's own module, already loaded from dist/cli.js,
 * never a second copy bundled into the toolkit.
 */
const SIBLINGS = { '@stackwright/bench': './bench.js', '@stackwright/generator': './cli.js' };
const siblings = {
  name: 'stackwright-siblings',
  setup(build) {
    build.onResolve({ filter: /^@stackwright\/(?:bench|generator)$/ }, (args) => ({
      path: SIBLINGS[args.path],
      external: true,
    }));
  },
};

/**
 * cdktf records a full stack trace (with Error.stackTraceLimit lifted to MAX_SAFE_INTEGER) for every token it
 * creates, only to quote it in the message of a token that fails to resolve: about a fifth of the CPU of a large
 * synth. The shipped bundles record none; the App's `stackTraces: false` already keeps them out of the output.
 * From source (tsx, jest) cdktf is as published.
 */
const noTokenStackTraces = {
  name: 'cdktf-no-token-stack-traces',
  setup(build) {
    build.onLoad({ filter: /[\\/]cdktf[\\/]lib[\\/]tokens[\\/]private[\\/]stack-trace\.js$/ }, () => ({
      contents: "'use strict';\nexports.captureStackTrace = function captureStackTrace() {\n  return [];\n};\n",
      loader: 'js',
    }));
  },
};

/** esbuild options of the build (test/cli/bundle-modules.test.ts lists the modules each bundle holds). */
function buildOptions(root = ROOT, outdir = join(root, 'dist')) {
  return {
    absWorkingDir: root,
    entryPoints: Object.entries(ENTRIES).map(([out, entry]) => ({ in: entry, out })),
    outdir,
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'cjs',
    // Whitespace and syntax only: identifiers stay readable in stack traces.
    minifyWhitespace: true,
    minifySyntax: true,
    keepNames: true,
    // Read only when an internal error's stack is printed (src/cli/internal-error.ts): no cost on a normal run.
    sourcemap: 'external',
    sourcesContent: false,
    // Native or data-heavy packages load from node_modules on demand. yargs too: its ESM build (which a bundle
    // would take) wraps --help text in the middle of words; its CommonJS build wraps at spaces.
    external: ['esbuild', '@cloud-copilot/*', '@aws-sdk/*', '@smithy/*', 'autocannon', 'yargs'],
    plugins: [siblings, noTokenStackTraces],
    metafile: true,
    write: false,
    logLevel: 'silent',
  };
}

/** Builds into `outdir`; each file is written under a temporary name and renamed, dist/build-info.json last. */
async function build(root = ROOT, outdir = join(root, 'dist')) {
  const result = await require('esbuild').build(buildOptions(root, outdir));
  mkdirSync(outdir, { recursive: true });
  const write = (path, contents) => {
    const tmp = `${path}.${process.pid}.tmp`;
    writeFileSync(tmp, contents);
    renameSync(tmp, path);
  };
  for (const file of result.outputFiles) write(file.path, file.contents);
  const sources = Object.keys(result.metafile.inputs).filter((p) => !p.includes('node_modules/'));
  write(join(outdir, BUILD_INFO), `${JSON.stringify(recordSources(root, sources), null, 1)}\n`);
  return result;
}

async function cli(args) {
  if (args.includes('--if-stale') && !distProblem(ROOT)) return;
  const start = process.hrtime.bigint();
  const result = await build();
  const files = result.outputFiles.filter((f) => f.path.endsWith('.js')).map((f) => relative(ROOT, f.path));
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  process.stdout.write(`built ${files.join(', ')} in ${seconds.toFixed(1)} s\n`);
}

module.exports = { buildOptions, build };

if (require.main === module) {
  cli(process.argv.slice(2)).catch((err) => {
    process.stderr.write(`build failed: ${err.message}\n`);
    process.exitCode = 1;
  });
}
