const { cpus } = require('node:os');
const { TIERS } = require('./test/tiers');

/**
 * Four tiers as jest projects (test/tiers.js says which file is in which): `unit` runs in process with nothing but
 * `npm ci` (`npm run test:unit`, the inner loop: no build in front), `native`, `terraform` and `images` run real
 * tools. `npm test` runs them all. Tests are transpiled by swc (no per-file type-checking); `tsc` checks types once.
 */
const inCi = process.env.CI === 'true';

/**
 * STACKWRIGHT_TIERS=unit,native runs only those tiers (`npm run test:unit` sets it; a path filter can follow, as in
 * `npm run test:unit -- test/rules`). A tier not selected is not built or checked for its tools.
 */
const selected = process.env.STACKWRIGHT_TIERS ? process.env.STACKWRIGHT_TIERS.split(',') : null;
const unknownTiers = (selected || []).filter((t) => t !== 'unit' && !TIERS[t]);
if (unknownTiers.length)
  throw new Error(
    `STACKWRIGHT_TIERS names ${unknownTiers.join(', ')}: the tiers are unit, ${Object.keys(TIERS).join(', ')}`,
  );

const shared = {
  testEnvironment: 'node',
  // Tests live under test/; jest need not crawl generated/, dist/ or the rest of the tree to find them.
  roots: ['<rootDir>/test'],
  setupFiles: ['<rootDir>/test/helpers/jest-setup.ts'],
  setupFilesAfterEnv: ['<rootDir>/test/helpers/jest-after-env.ts'],
  transform: { '^.+\\.(t|j)s$': ['@swc/jest', { jsc: { target: 'es2022' }, module: { type: 'commonjs' } }] },
  moduleFileExtensions: ['ts', 'js', 'json'],
  // The benchmark toolkit's one way into the generator, as tsconfig.json's paths map it (src/api/bench.ts).
  moduleNameMapper: { '^@stackwright/generator$': '<rootDir>/src/api/bench.ts' },
};

const heavy = Object.values(TIERS).flatMap((t) => t.patterns);
const projects = [];
if (!selected || selected.includes('unit'))
  projects.push({
    ...shared,
    displayName: 'unit',
    // Negated globs take no <rootDir>: jest replaces it only at the start of a pattern.
    testMatch: ['<rootDir>/test/**/*.test.ts', ...heavy.map((p) => `!${p.replace('<rootDir>/', '**/')}`)],
    setupFilesAfterEnv: [...shared.setupFilesAfterEnv, '<rootDir>/test/helpers/unit-guard.ts'],
  });
for (const [name, tier] of Object.entries(TIERS)) {
  if (selected && !selected.includes(name)) continue;
  const missing = inCi ? null : tier.requires();
  if (missing) {
    process.stderr.write(`\n*** SKIPPED the ${name} tier (${tier.what}): ${missing}. CI runs it. ***\n\n`);
    continue;
  }
  projects.push({
    ...shared,
    displayName: name,
    testMatch: tier.patterns,
    setupFilesAfterEnv: [...shared.setupFilesAfterEnv, '<rootDir>/test/helpers/heavy-tier-timeout.ts'],
    // Builds dist/ when a source changed (tests run bin/stackwright.js); under CI, fails first if a tool is missing.
    globalSetup: '<rootDir>/test/helpers/jest-global-setup.js',
  });
}

module.exports = {
  projects,
  // One worker more than cores: the native tier spends much of its time waiting on nginx and gunicorn.
  maxWorkers: cpus().length + 1,
  reporters: ['default', '<rootDir>/test/helpers/summary-reporter.js'],
  // Generous: tests must pass with another full test run beside them on two cores; only a hang waits this long.
  testTimeout: 120_000,
  // `npm test` runs with --coverage over the reconciler Lambda, the rule packs and the synth pipeline, the folders
  // held to a threshold below (instrumenting all of src/ would slow every test).
  // One folder alone: e.g. `npx jest test/rules --coverage --collectCoverageFrom='src/rules/**/*.ts'`.
  collectCoverageFrom: [
    'src/ecs/reconciler/handler/**/*.ts',
    'src/rules/**/*.ts',
    'src/synth/**/*.ts',
    // It runs only inside worker threads, which jest's coverage does not instrument; test/synth/workers.test.ts runs it.
    '!src/synth/worker-main.ts',
  ],
  coverageReporters: ['text-summary'],
  coverageThreshold: {
    // Every file of the reconciler Lambda, each on its own: 100% of lines and branches. A --coverage run that does
    // not load the handler tests reports these files at 0% and fails; add --coverageThreshold='{}' to such runs.
    './src/ecs/reconciler/handler/**/*.ts': { lines: 100, branches: 100 },
    // The rule packs and the synth pipeline as a whole (a folder's total, not each file).
    './src/rules/': { lines: 96, branches: 87, functions: 97, statements: 93 },
    './src/synth/': { lines: 98, branches: 85, functions: 100, statements: 97 },
  },
};
