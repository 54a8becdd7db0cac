'use strict';
// Whether dist/ (scripts/build.js) was built from the sources now in the checkout. The build records each source
// file it bundled with its size, mtime and SHA-256 in dist/build-info.json; a run stats those files and hashes only
// one whose size or mtime differs (a copy or a fresh checkout of the same content is still current).
const { createHash } = require('node:crypto');
const { existsSync, readFileSync, statSync } = require('node:fs');
const { join } = require('node:path');

const BUILD_INFO = 'build-info.json';
/** Besides the bundled sources: what else decides the build's output (dependency versions, the build itself). */
const BUILD_INPUTS = ['package-lock.json', 'tsconfig.json', 'scripts/build.js'];

const sha256 = (file) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** The record of `files` (paths relative to `root`) that dist/build-info.json holds. */
function recordSources(root, files) {
  const sources = {};
  for (const f of [...new Set([...files, ...BUILD_INPUTS])].sort()) {
    const st = statSync(join(root, f), { throwIfNoEntry: false });
    if (st) sources[f] = { size: st.size, mtimeMs: st.mtimeMs, sha256: sha256(join(root, f)) };
  }
  return { sources };
}

/**
 * Why dist/ cannot run as it is (no build, or the first source that changed since it was built), or undefined when
 * it is current. A checkout without src/ (an installed package) runs its dist/ as it is.
 */
function distProblem(root) {
  const dist = join(root, 'dist');
  if (!existsSync(join(root, 'src'))) return undefined;
  let info;
  try {
    info = JSON.parse(readFileSync(join(dist, BUILD_INFO), 'utf8'));
  } catch {
    return 'dist/ holds no build';
  }
  for (const [file, was] of Object.entries(info.sources)) {
    const st = statSync(join(root, file), { throwIfNoEntry: false });
    if (!st) return `dist/ was built from ${file}, which is gone`;
    if (st.size === was.size && st.mtimeMs === was.mtimeMs) continue;
    if (st.size !== was.size || sha256(join(root, file)) !== was.sha256) return `${file} changed since dist/ was built`;
  }
  return undefined;
}

/** Loads `dist/<name>.js`, or exits 2 with what to run when dist/ is missing or older than the sources. */
function requireDist(root, name) {
  const problem = distProblem(root);
  if (problem) {
    process.stderr.write(
      `stackwright: ${problem}: run \`npm run build\` (npm ci runs it too), or set STACKWRIGHT_FROM_SOURCE=1 to run the sources through tsx\n`,
    );
    process.exit(2);
  }
  return require(join(root, 'dist', `${name}.js`));
}

module.exports = { BUILD_INFO, recordSources, distProblem, requireDist };
