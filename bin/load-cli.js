'use strict';
// Loads the CLI as one esbuild bundle of src/ and stacks/, rebuilt in-process whenever a source file changed.
// A bundle parses faster and takes less memory than the many files tsx would load one by one, and needs no build
// step: a fresh clone builds it on first run (about half a second) into node_modules/.cache/stackwright/cli/
// (or STACKWRIGHT_CACHE_DIR).
const { createHash } = require('node:crypto');
const { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } = require('node:fs');
const { join, relative, resolve, sep } = require('node:path');

const SOURCE_DIRS = ['src', 'stacks'];
const SOURCE_FILES = ['package.json', 'package-lock.json', 'tsconfig.json', 'bin/load-cli.js'];
// The benchmark toolkit (an npm workspace package) is a bundle of its own, built the first time `bench` runs: the
// CLI bundle leaves it out, so synth, check, diff and list never parse it.
const BENCH_PACKAGE = '@stackwright/bench';
const BENCH_DIRS = ['packages/bench/src', 'packages/bench/package.json'];

/** Size and mtime of every bundled source: any edit, checkout or install changes it. */
function fingerprint(root, dirs = SOURCE_DIRS) {
  const hash = createHash('sha256').update(root);
  const visit = (path) => {
    const st = statSync(path, { throwIfNoEntry: false });
    if (!st) return;
    if (st.isDirectory()) {
      for (const name of readdirSync(path).sort()) visit(join(path, name));
    } else {
      hash.update(`${relative(root, path)}:${st.size}:${st.mtimeMs}\n`);
    }
  };
  for (const p of [...dirs, ...SOURCE_FILES]) visit(join(root, p));
  return hash.digest('hex');
}

/** esbuild options of the CLI bundle (exported for test/cli/bundle-modules.test.ts, which lists its modules). */
function cliBuildOptions(root, outfile) {
  return {
    absWorkingDir: root,
    entryPoints: ['src/cli/main.ts'],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
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
    // The benchmark toolkit stays out: src/cli/commands/bench.ts loads its own bundle (loadBench below) on demand.
    external: ['esbuild', '@cloud-copilot/*', '@aws-sdk/*', '@smithy/*', 'autocannon', 'yargs', BENCH_PACKAGE],
    // The bundle may live outside the checkout (STACKWRIGHT_CACHE_DIR): its external packages resolve from the
    // checkout, not from the bundle's folder. (`var` may redeclare the module wrapper's `require` parameter.)
    banner: { js: `var require = require('node:module').createRequire(${JSON.stringify(join(root, 'package.json'))});` },
    logLevel: 'silent',
  };
}

/**
 * The toolkit's imports of generator modules (`../../../../src/core/errors`) resolve to the CLI's own instances,
 * handed over by src/cli/commands/bench.ts (benchSharedModules): one InputError class, one variant table.
 */
function sharedModulesPlugin(root) {
  const srcDir = join(root, 'src') + sep;
  return {
    name: 'stackwright-shared-modules',
    setup(build) {
      build.onResolve({ filter: /^\.\.?\// }, (args) => {
        const target = resolve(args.resolveDir, args.path);
        if (!target.startsWith(srcDir)) return undefined;
        return { path: relative(root, target).split(sep).join('/').replace(/\/index$/, ''), namespace: 'stackwright-shared' };
      });
      build.onLoad({ filter: /.*/, namespace: 'stackwright-shared' }, (args) => {
        const unlisted = `the benchmark toolkit imports ${args.path}: add it to benchSharedModules in src/cli/commands/bench.ts`;
        return {
          contents: `const m = globalThis[Symbol.for('stackwright.benchShared')][${JSON.stringify(args.path)}];\n` +
            `if (!m) throw new Error(${JSON.stringify(unlisted)});\nmodule.exports = m;`,
          loader: 'js',
        };
      });
    },
  };
}

/** esbuild options of the benchmark toolkit's bundle. */
function benchBuildOptions(root, outfile) {
  const cli = cliBuildOptions(root, outfile);
  return { ...cli, entryPoints: ['packages/bench/src/index.ts'], plugins: [sharedModulesPlugin(root)] };
}

/** Writes the bundle under a temporary name, then renames it: concurrent runs never read a half-written bundle. */
function writeBundle(outfile, build) {
  const tmp = `${outfile}.${process.pid}.tmp`;
  const done = () => {
    renameSync(`${tmp}.map`, `${outfile}.map`);
    renameSync(tmp, outfile);
  };
  const result = build(tmp);
  return result && typeof result.then === 'function' ? result.then(done) : done();
}

const buildCliBundle = (root, outfile) => writeBundle(outfile, (tmp) => require('esbuild').buildSync(cliBuildOptions(root, tmp)));

/** Builds `<prefix>-<fingerprint>.js` into the cache unless it is there, and returns its path. */
function cachedBundle(root, prefix, dirs, build) {
  const key = fingerprint(root, dirs);
  const dir = process.env.STACKWRIGHT_CACHE_DIR || join(root, 'node_modules', '.cache', 'stackwright', 'cli');
  const outfile = join(dir, `${prefix}-${key.slice(0, 16)}.js`);
  if (!existsSync(outfile)) {
    mkdirSync(dir, { recursive: true });
    build(root, outfile);
    // Bundles of older sources are superseded. A concurrent run with the same sources writes the same file name,
    // so it is never removed from under it.
    const stale = new RegExp(`^${prefix}-[0-9a-f]+\\.js(\\.map)?$`);
    for (const old of readdirSync(dir)) {
      if (stale.test(old) && !old.startsWith(outfile.slice(dir.length + 1))) rmSync(join(dir, old), { force: true });
    }
  }
  return outfile;
}

/**
 * Builds the toolkit's bundle in a child node process: the shared-modules plugin needs esbuild's asynchronous API,
 * and yargs asks for the `bench` subcommands synchronously. Only the first `bench` run after an edit pays this.
 */
function buildBenchBundle(root, outfile) {
  require('node:child_process').execFileSync(process.execPath, [__filename, '--build-bench', root, outfile], { stdio: ['ignore', 'ignore', 'inherit'] });
}

/** Loads the benchmark toolkit's bundle, sharing the CLI's generator modules with it (see sharedModulesPlugin). */
function loadBench(root, shared) {
  globalThis[Symbol.for('stackwright.benchShared')] = shared;
  const outfile = cachedBundle(root, 'bench', BENCH_DIRS, buildBenchBundle);
  process.env.STACKWRIGHT_BENCH_BUNDLE = outfile;
  return require(outfile);
}

function loadCli(root) {
  process.env.STACKWRIGHT_ROOT = root;
  // esbuild's buildSync (here and for Lambda bundles) otherwise starts a worker thread with a service process that
  // lives as long as we do: an interrupted run would leave it behind for a moment. Without worker threads each
  // buildSync runs esbuild as a child that has exited when the call returns. Read once, when esbuild loads.
  process.env.ESBUILD_WORKER_THREADS = '0';
  if (process.env.STACKWRIGHT_FROM_SOURCE === '1') {
    require('tsx/cjs/api').register();
    return require(join(root, 'src/cli/main.ts'));
  }
  const outfile = cachedBundle(root, 'cli', SOURCE_DIRS, buildCliBundle);
  globalThis[Symbol.for('stackwright.loadBench')] = (shared) => loadBench(root, shared);
  process.env.STACKWRIGHT_BUNDLE = outfile;
  return require(outfile);
}

module.exports = { loadCli, cliBuildOptions, benchBuildOptions };

if (require.main === module && process.argv[2] === '--build-bench') {
  const [root, outfile] = process.argv.slice(3);
  writeBundle(outfile, (tmp) => require('esbuild').build(benchBuildOptions(root, tmp))).catch((err) => {
    process.stderr.write(`${err.message}\n`);
    process.exitCode = 1;
  });
}
