/**
 * The one-way import rule (ARCHITECTURE.md). Each layer may import its own layer and the layers below it, never a
 * layer above it, and no module may take part in an import cycle. `npm test` runs
 * `depcruise src stacks --config .dependency-cruiser.cjs`, so CI fails on the first import that points up.
 *
 *   cli            src/cli                         thin shell: parses arguments, calls library functions
 *   rules          src/rules (the engine)          reads synthesized Terraform JSON, never builds stacks
 *   synth          src/synth                       renders the stacks it is given into files
 *   composition    stacks/, core/stack-definition, assembles domain constructs into stacks from the config
 *                  pricing/{stack-usage,cost-section}  (these two read the whole config, so they sit here)
 *   config         src/config                      the config schema: the composition of the domains' schemas
 *   domains        datadog ecs sidecar keepalive   each owns its config schema, constructs and README text;
 *                  lambda templates pricing        rules' own face (ids, suppress, config) is a domain too:
 *                  rules/{ids,suppress,config}.ts  constructs mark suppressions, the config names rule ids
 *   base           core aws iam terraform          shared helpers every layer may use
 *                  config/common.ts                (the schema primitives every domain schema uses)
 */

// Each layer is one regular expression over paths relative to the repository root, lowest first.
const BASE = '^src/(?:(?:core|aws|iam|terraform)/(?!stack-definition\\.ts$)|config/common\\.ts$)';
const DOMAINS =
  '^src/(?:(?:datadog|ecs|sidecar|keepalive|lambda|templates)/|pricing/(?!(?:stack-usage|cost-section)\\.ts$)|rules/(?:ids|suppress|config)\\.ts$)';
const CONFIG = '^src/config/(?!common\\.ts$)';
const COMPOSITION = '^(?:stacks/|src/core/stack-definition\\.ts$|src/pricing/(?:stack-usage|cost-section)\\.ts$)';
const SYNTH = '^src/synth/';
const RULES = '^src/rules/(?!(?:ids|suppress|config)\\.ts$)';
const CLI = '^src/cli/';

const LAYERS = [
  ['base', BASE],
  ['domains', DOMAINS],
  ['config', CONFIG],
  ['composition', COMPOSITION],
  ['synth', SYNTH],
  ['rules', RULES],
  ['cli', CLI],
];

// The benchmark toolkit (src/bench, src/sidecar/local) is being moved out of src/ into its own workspace package
// (issue 14, benchmark-toolkit part); until that move lands its cli <-> bench imports are not judged here.
const BENCH = '^src/(?:bench/|sidecar/local/)';

/**
 * The stack base class carries the composed config type (`StackwrightStack.config`); that type-only import is the one
 * remaining upward edge from base, listed here so it stays the only one. (dependency-cruiser reads the sources with
 * swc because it does not support TypeScript 7, so it cannot tell type-only imports apart: every edge counts.)
 */
const KNOWN_UPWARD = [{ from: '^src/core/stackwright-stack\\.ts$', to: '^src/config/schema\\.ts$' }];

/**
 * One cycle inside the ecs domain exists only through `import type`: the config schema's refinement calls the service
 * validators, which are typed with the schema's inferred types. Nothing loads twice; it is listed so that no other
 * cycle can appear, and goes when the shared-AWS-base part of issue 14 (which edits these validators) splits the
 * inferred types from the refinement.
 */
const KNOWN_TYPE_CYCLES = ['^src/ecs/(?:config|service-rules)\\.ts$'];

const upward = LAYERS.slice(0, -1).map(([name, path], i) => ({
  name: `no-upward-from-${name}`,
  comment: `${name} may import only ${LAYERS.slice(0, i + 1).map(([n]) => n).join(', ')} (see ARCHITECTURE.md)`,
  severity: 'error',
  from: { path, pathNot: [BENCH, ...KNOWN_UPWARD.map((k) => k.from)] },
  to: { path: LAYERS.slice(i + 1).map(([, p]) => p), pathNot: BENCH },
}));

const knownUpwardLimits = KNOWN_UPWARD.map((k) => ({
  name: 'known-upward-edge-stays-narrow',
  comment: 'the listed exception may import only its listed target from the layers above base',
  severity: 'error',
  from: { path: k.from },
  to: { path: LAYERS.slice(1).map(([, p]) => p), pathNot: [k.to, BENCH] },
}));

module.exports = {
  forbidden: [
    ...upward,
    ...knownUpwardLimits,
    {
      name: 'every-module-in-a-layer',
      comment: 'a new folder under src/ must be placed in a layer in .dependency-cruiser.cjs before it can import',
      severity: 'error',
      from: { path: '^(?:src|stacks)/', pathNot: [BENCH, ...LAYERS.map(([, p]) => p)] },
      to: {},
    },
    {
      name: 'no-cycles',
      comment: 'import cycles hide which module owns what; break the cycle by moving the shared part down a layer',
      severity: 'error',
      from: { pathNot: [BENCH, ...KNOWN_TYPE_CYCLES] },
      to: { circular: true, pathNot: BENCH },
    },
    {
      name: 'no-top-level-outside',
      comment: 'src/ and stacks/ never import scripts, perf, test or bin',
      severity: 'error',
      from: { path: '^(?:src|stacks)/' },
      to: { path: '^(?:scripts|perf|test|bin)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    moduleSystems: ['cjs', 'es6'],
  },
};
