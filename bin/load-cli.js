'use strict';
// Loads the CLI as one esbuild bundle of src/ and stacks/, rebuilt in-process whenever a source file changed.
// A bundle parses faster and takes less memory than the many files tsx would load one by one, and needs no build
// step: a fresh clone builds it on first run (about half a second) into node_modules/.cache/stackwright/cli/
// (or STACKWRIGHT_CACHE_DIR).
const { createHash } = require('node:crypto');
const { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } = require('node:fs');
const { join, relative } = require('node:path');

const SOURCE_DIRS = ['src', 'stacks'];
const SOURCE_FILES = ['package.json', 'package-lock.json', 'tsconfig.json', 'bin/load-cli.js'];

/** Size and mtime of every bundled source: any edit, checkout or install changes it. */
function fingerprint(root) {
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
  for (const p of [...SOURCE_DIRS, ...SOURCE_FILES]) visit(join(root, p));
  return hash.digest('hex');
}

function buildBundle(root, outfile) {
  const { buildSync } = require('esbuild');
  const tmp = `${outfile}.${process.pid}.tmp`;
  buildSync({
    absWorkingDir: root,
    entryPoints: ['src/cli/main.ts'],
    outfile: tmp,
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
    external: ['esbuild', '@cloud-copilot/*', '@aws-sdk/*', '@smithy/*', 'autocannon', 'yargs'],
    // The bundle may live outside the checkout (STACKWRIGHT_CACHE_DIR): its external packages resolve from the
    // checkout, not from the bundle's folder. (`var` may redeclare the module wrapper's `require` parameter.)
    banner: { js: `var require = require('node:module').createRequire(${JSON.stringify(join(root, 'package.json'))});` },
    logLevel: 'silent',
  });
  renameSync(`${tmp}.map`, `${outfile}.map`);
  renameSync(tmp, outfile); // atomic: concurrent runs never read a half-written bundle
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
  const key = fingerprint(root);
  const dir = process.env.STACKWRIGHT_CACHE_DIR || join(root, 'node_modules', '.cache', 'stackwright', 'cli');
  const outfile = join(dir, `cli-${key.slice(0, 16)}.js`);
  if (!existsSync(outfile)) {
    mkdirSync(dir, { recursive: true });
    buildBundle(root, outfile);
    // Bundles of older sources are superseded. A concurrent run with the same sources writes the same file name,
    // so it is never removed from under it.
    for (const old of readdirSync(dir)) {
      if (/^cli-[0-9a-f]+\.js(\.map)?$/.test(old) && !old.startsWith(outfile.slice(dir.length + 1))) rmSync(join(dir, old), { force: true });
    }
  }
  process.env.STACKWRIGHT_BUNDLE = outfile;
  return require(outfile);
}

module.exports = { loadCli };
