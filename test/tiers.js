'use strict';
/**
 * The test tiers (jest projects, jest.config.js). A test file belongs to the first heavier tier whose patterns match
 * it; every other file is a unit test: it runs in process, needs nothing but `npm ci`, and may not start a child
 * process (test/helpers/unit-guard.ts makes one fail). `npm run test:unit` runs that tier alone; `npm test` runs all.
 *
 * Each heavier tier names what it needs (`requires`): outside CI, a tier whose needs are missing is skipped with one
 * line saying what is missing and how to get it; under CI=true it runs and its set-up fails with that line.
 */
const { execFileSync } = require('node:child_process');
const { existsSync, readFileSync, readdirSync } = require('node:fs');
const { join } = require('node:path');

const DEBIAN_PYTHON = '/usr/bin/python3';
const SETUP = 'run `bash .ci/setup` (Debian/Ubuntu; see CONTRIBUTING.md)';

function onPath(bin) {
  const dirs = (process.env.PATH || '').split(':').filter(Boolean);
  return dirs.some((d) => existsSync(join(d, bin)));
}

function missingBinaries(bins) {
  return bins.filter((b) => !onPath(b));
}

/** Modules Debian's python3 lacks: the local runner runs gunicorn under /usr/bin/python3, as Debian's gunicorn does. */
function pythonModulesMissing(modules) {
  if (!existsSync(DEBIAN_PYTHON)) return modules;
  return modules.filter((m) => {
    try {
      execFileSync(DEBIAN_PYTHON, ['-c', `import ${m}`], { stdio: 'ignore', timeout: 20_000 });
      return false;
    } catch {
      return true;
    }
  });
}

/** Whether apt lists a Debian bookworm archive: the image tiers' base is debootstrapped from it. */
function hasBookwormSource() {
  const files = ['/etc/apt/sources.list'];
  if (existsSync('/etc/apt/sources.list.d'))
    for (const f of readdirSync('/etc/apt/sources.list.d')) files.push(join('/etc/apt/sources.list.d', f));
  return files.some((f) => existsSync(f) && /\bbookworm\b/.test(readFileSync(f, 'utf8')));
}

const TIERS = {
  native: {
    what: 'real nginx, gunicorn, supervisord, ab and python, and the built CLI (bin/stackwright.js) as child processes',
    patterns: [
      '<rootDir>/test/bench/sidecar/local/**/*.test.ts',
      '<rootDir>/test/bench/sidecar/remote/**/*.test.ts',
      '<rootDir>/test/sidecar/local/**/*.test.ts',
      '<rootDir>/test/sidecar/render/real-tools.test.ts',
      '<rootDir>/test/keepalive/python-handler.test.ts',
      '<rootDir>/test/cli/bundle.test.ts',
      '<rootDir>/test/cli/bundle-modules.test.ts',
      '<rootDir>/test/cli/dist-check.test.ts',
      '<rootDir>/test/cli/cdktf-app.test.ts',
      '<rootDir>/test/cli/node-versions.test.ts',
      '<rootDir>/test/bench/sidecar/load.test.ts',
      '<rootDir>/test/bench/common/terraform-outputs.test.ts',
      '<rootDir>/test/lambda/deterministic-zip.test.ts',
      '<rootDir>/test/synth/determinism.test.ts',
      '<rootDir>/test/ecs/building-blocks.test.ts',
    ],
    requires() {
      const missing = missingBinaries(['nginx', 'gunicorn', 'supervisord', 'ab']);
      missing.push(...pythonModulesMissing(['starlette', 'uvicorn', 'botocore']).map((m) => `python3-${m}`));
      return missing.length ? `missing ${missing.join(', ')}: ${SETUP}` : null;
    },
  },
  terraform: {
    what: 'the real Terraform CLI planning and validating the generated stacks (offline with a provider mirror)',
    // test/terraform/*.test.ts only: the unit tests of the JSON reader (test/terraform/json/) need no Terraform.
    patterns: [
      '<rootDir>/test/terraform/*.test.ts',
      '<rootDir>/test/addresses/terraform-moved.test.ts',
      // stackwright review's scenario pull requests (real plans) and its runs through git in a scratch repository.
      '<rootDir>/test/review/*-plan.test.ts',
      '<rootDir>/test/review/command.test.ts',
    ],
    requires() {
      return onPath('terraform')
        ? null
        : 'missing terraform (1.5 or later): install it (https://developer.hashicorp.com/terraform/install)';
    },
  },
  images: {
    what: 'buildah building and running the sidecar images, arm64 under qemu (root)',
    patterns: ['<rootDir>/test/sidecar/images/**/*.test.ts'],
    requires() {
      const missing = missingBinaries(['buildah', 'debootstrap']);
      if (typeof process.getuid === 'function' && process.getuid() !== 0) missing.push('root');
      if (!existsSync('/proc/sys/fs/binfmt_misc/qemu-aarch64'))
        missing.push('qemu-aarch64 registered with binfmt_misc');
      if (!hasBookwormSource()) missing.push('a Debian bookworm apt source (the images are debootstrapped from it)');
      return missing.length ? `missing ${missing.join(', ')}: ${SETUP} on Debian bookworm, as root` : null;
    },
  },
};

module.exports = { TIERS };
