/**
 * What the benchmark toolkit (packages/bench, `@stackwright/bench`) may use of the generator: its one way in,
 * imported there as `@stackwright/generator` (a tsconfig path; jest maps it the same way). The toolkit renders the
 * sidecar variants from the same templates the stacks deploy, and reports bad input as the CLI's InputError so it
 * exits 2 like every other command.
 *
 * In the shipped build the toolkit's bundle (dist/bench.js) takes this module from the CLI's bundle (dist/cli.js,
 * which re-exports it, see src/cli/index.ts) instead of bundling a copy: one InputError class, one variant table.
 * `.dependency-cruiser.cjs` forbids the toolkit any other import of src/; add here what it needs next.
 */
export { ExitCode, InputError } from '../core/errors';
export { withJson, type CommandFactory } from '../cli/options';
export {
  DEFAULT_IDLE_GAP_PLAN,
  idleGapSequenceMs,
  planProblems,
  planSeconds,
  type IdleGapPlan,
} from '../keepalive/schedule';
export {
  type AppBind,
  APP_HEALTH_PATH,
  appBindFor,
  checkPort,
  defaultRenderOptions,
  renderApp,
  renderGunicornConf,
  renderNginxConf,
  renderSupervisordConf,
  resolveRenderOptions,
  SidecarRenderError,
  type SidecarRenderOptions,
} from '../sidecar/render';
export {
  baselineVariant,
  containersOf,
  sidecarVariantNames,
  type SidecarVariantName,
  type SidecarVariantSpec,
  sidecarVariantTable,
  type SidecarVariantTable,
} from '../sidecar/variants';
export { cpuArchitectures, type CpuArchitecture } from '../sidecar/deployments';
