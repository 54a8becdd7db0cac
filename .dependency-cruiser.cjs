/**
 * The one-way import rule (ARCHITECTURE.md). Each layer may import its own layer and the layers below it, never a
 * layer above it (`no-upward-from-<layer>`, one per layer below cli), and no module may take part in an import cycle
 * (`no-cycles`). `npm test` runs `npm run depcruise` (`depcruise src stacks packages/bench/src`), so CI fails on the
 * first import that points up. Six more rules, each explained where it is declared below:
 * `known-upward-edge-stays-narrow` (the listed exceptions import only their listed target), `every-module-in-a-layer`,
 * `bench-only-through-its-api`, `generator-takes-bench-as-a-package`, `constructs-take-plain-props` (construct files
 * never import the config) and `no-top-level-outside`.
 *
 *   cli            src/cli, src/api                thin shell: parses arguments, calls library functions; src/api is
 *                                                  what it offers the benchmark toolkit (`@stackwright/generator`)
 *   bench          packages/bench/src              the benchmark toolkit (its own workspace package), loaded lazily
 *                                                  by `stackwright bench` only; it reaches the generator only through
 *                                                  src/api/bench.ts
 *   review         src/review                      compares two generated trees (plans, findings, cost, deltas);
 *                                                  reads Terraform JSON only: never builds stacks nor synthesizes
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
/** Above the rule pack: the deltas reuse its IAM catalogue and policy parsing. */
const REVIEW = '^src/review/';
const BENCH = '^packages/bench/src/';
const CLI = '^src/(?:cli|api)/';
/** The toolkit's one way into the generator (`@stackwright/generator`, a tsconfig path). */
const BENCH_API = '^src/api/bench\\.ts$';

const LAYERS = [
  ['base', BASE],
  ['domains', DOMAINS],
  ['config', CONFIG],
  ['composition', COMPOSITION],
  ['synth', SYNTH],
  ['rules', RULES],
  ['review', REVIEW],
  ['bench', BENCH],
  ['cli', CLI],
];

/**
 * The stack base class carries the composed config type (`StackwrightStack.config`); that type-only import is the one
 * remaining upward edge from base, listed here so it stays the only one. (`tsPreCompilationDeps` counts type-only
 * imports like any other: every edge counts.)
 */
const KNOWN_UPWARD = [
  { from: '^src/core/stackwright-stack\\.ts$', layer: 'base', to: '^src/config/schema\\.ts$' },
  // The bench subcommands are yargs command modules typed with the CLI's CommandFactory and option helpers, which
  // the toolkit takes, with the rest it uses of the generator, from the generator's API for it.
  { from: '^packages/bench/src/', layer: 'bench', to: BENCH_API },
];

/**
 * Construct props are plain readonly interfaces, mapped from the config in one place per stack
 * (`stacks/<name>-props.ts`), so every construct can be used without the config. Domain and base modules therefore
 * never import a config module: `src/config/`, a domain's `config.ts` or `*-config.ts` (the zod schemas and their
 * inferred types). The exceptions are the config modules themselves and the README text builders (`readme*.ts`),
 * which explain the config section the user wrote, naming its fields.
 */
const CONFIG_MODULES = '^src/(?:config/|[a-z-]+/[a-z-]*config\\.ts$)';
const READS_CONFIG = [CONFIG_MODULES, '/readme[a-z-]*\\.ts$'];

const upward = LAYERS.slice(0, -1).map(([name, path], i) => ({
  name: `no-upward-from-${name}`,
  comment: `${name} may import only ${LAYERS.slice(0, i + 1)
    .map(([n]) => n)
    .join(', ')} (see ARCHITECTURE.md)`,
  severity: 'error',
  from: { path, pathNot: KNOWN_UPWARD.map((k) => k.from) },
  to: { path: LAYERS.slice(i + 1).map(([, p]) => p) },
}));

const knownUpwardLimits = KNOWN_UPWARD.map((k) => ({
  name: 'known-upward-edge-stays-narrow',
  comment: 'the listed exception may import only its listed target from the layers above its own',
  severity: 'error',
  from: { path: k.from },
  to: { path: LAYERS.slice(LAYERS.findIndex(([n]) => n === k.layer) + 1).map(([, p]) => p), pathNot: k.to },
}));

module.exports = {
  forbidden: [
    ...upward,
    ...knownUpwardLimits,
    {
      name: 'every-module-in-a-layer',
      comment: 'a new folder under src/ must be placed in a layer in .dependency-cruiser.cjs before it can import',
      severity: 'error',
      from: { path: '^(?:src|stacks|packages/bench/src)/', pathNot: LAYERS.map(([, p]) => p) },
      to: {},
    },
    {
      name: 'bench-only-through-its-api',
      comment:
        'the benchmark toolkit imports the generator only as `@stackwright/generator` (src/api/bench.ts): add what it ' +
        'needs there, so the CLI build can hand the toolkit its own modules (one InputError class, one variant table)',
      severity: 'error',
      from: { path: '^packages/bench/src/' },
      to: { path: '^(?:src|stacks)/', pathNot: BENCH_API },
    },
    {
      name: 'generator-takes-bench-as-a-package',
      comment:
        'the generator loads the toolkit as `@stackwright/bench` (its entry, packages/bench/src/index.ts), nothing deeper',
      severity: 'error',
      from: { path: '^(?:src|stacks)/' },
      to: { path: '^packages/bench/', pathNot: '^packages/bench/src/index\\.ts$' },
    },
    {
      name: 'review-reads-json-only',
      comment:
        'src/review compares generated trees it is given (the CLI synthesizes the head): it never builds stacks or synthesizes',
      severity: 'error',
      from: { path: REVIEW },
      to: { path: '^(?:stacks/|src/synth/)' },
    },
    {
      name: 'no-cycles',
      comment: 'import cycles hide which module owns what; break the cycle by moving the shared part down a layer',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'constructs-take-plain-props',
      comment:
        'constructs and helpers take plain props; map the config onto them in stacks/<name>-props.ts (see ARCHITECTURE.md)',
      severity: 'error',
      from: { path: [BASE, DOMAINS], pathNot: [...READS_CONFIG, ...KNOWN_UPWARD.map((k) => k.from)] },
      to: { path: CONFIG_MODULES },
    },
    {
      name: 'no-top-level-outside',
      comment: 'src/ and stacks/ never import scripts, perf, test or bin',
      severity: 'error',
      from: { path: '^(?:src|stacks|packages/bench/src)/' },
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
