/**
 * The real Terraform CLI and the real hashicorp/aws provider (from the filesystem mirror; see docs/testing.md "Terraform in
 * the tests") init, validate and plan every stack of the default config and of every example, offline: the
 * provider's endpoints point at a loopback stand-in. Datadog and Docker resources are stood in (test/terraform/
 * src/terraform/plan/plan-copy.ts); their own validators are the rule pack's providers pack.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { loadConfig } from '../../src/config/load';
import { PROJECT_ROOT } from '../../src/core/project-root';
import { snapshotPermissions } from '../../src/datadog/permissions';
import { synthesize } from '../../src/synth/synthesize';
import { tempDir } from '../helpers/temp-dir';
import { startAwsStandIn, type AwsStandIn } from '../../src/terraform/plan/aws-stand-in';
import { asModule, planCopy } from '../../src/terraform/plan/plan-copy';
import {
  boundAwsVersion,
  LOCK_FILE,
  requireTerraform,
  terraform,
  terraformSetup,
  warmPluginCache,
  type TerraformSetup,
} from './helpers/terraform';
import type { Json } from '../helpers/json';

/** Values for input variables without a default (valid for their validation rules). */
const VARIABLE_VALUES: Record<string, string> = { datadog_external_id: 'stand-in+external=id/0123456789' };

/** What the stand-in's Datadog list differs by from the snapshot, so the plan-time check has something to report. */
const LIVE_ADDS = 'sns:ListTopics';
const LIVE_DROPS = snapshotPermissions('standard')[0];

const CONFIGS = [
  'stackwright.yaml',
  ...readdirSync(join(PROJECT_ROOT, 'examples'))
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => `examples/${f}`),
];

interface StackRun {
  /** `<config>/<stack>`, e.g. `datadog-eu/datadog`. */
  readonly id: string;
  /** Its module in the root that plans every stack: `<config>__<stack>`. */
  readonly module: string;
  /** Resources in the synthesized JSON: what the stack's README table counts. */
  readonly resources: number;
}

/** A diagnostic in terraform's machine-readable output (`validate -json`, `plan -json`): the fields read here. */
interface TerraformDiagnostic {
  readonly severity: 'error' | 'warning';
  readonly summary: string;
  readonly detail?: string;
  readonly address?: string;
  readonly range?: { readonly filename: string };
}

/** One line of `terraform plan -json`: the message types and fields read here. */
interface PlanEvent {
  readonly type: string;
  readonly diagnostic?: TerraformDiagnostic;
  readonly change?: { readonly action: string; readonly resource: { readonly module?: string } };
  readonly changes?: { readonly add: number };
}

interface TerraformRun {
  init?: { code: number | null; output: string };
  validate?: { valid: boolean; diagnostics: TerraformDiagnostic[]; output: string };
  plan?: { code: number | null; events: PlanEvent[]; output: string };
}

let setup: TerraformSetup;
let standIn: AwsStandIn;
const runs: StackRun[] = [];
const tf: TerraformRun = {};

/**
 * Every stack becomes a module of one root, so one `terraform init`, one `validate` and one `plan` cover them all:
 * Terraform works on the modules concurrently, and the provider schema (seconds of CPU per provider instance and
 * command) is loaded for each distinct provider setting, not for each stack.
 */
beforeAll(async () => {
  setup = terraformSetup(boundAwsVersion());
  await requireTerraform(setup.env);
  standIn = await startAwsStandIn();
  const root = tempDir('stackwright-plan-');
  const providers: Json[] = [];
  const modules: Record<string, unknown> = {};
  for (const file of CONFIGS) {
    const config = loadConfig(join(PROJECT_ROOT, file));
    for (const stack of await synthesize(config, { hcl: false, configFile: file })) {
      const name = file.replace(/^examples\//, '').replace(/\.yaml$/, '');
      const run: StackRun = {
        id: `${name}/${stack.name}`,
        module: `${name}__${stack.name}`,
        resources: resourceCount(stack.json),
      };
      const dir = join(root, run.module);
      for (const [path, contents] of stack.files) {
        mkdirSync(dirname(join(dir, path)), { recursive: true });
        writeFileSync(join(dir, path), contents);
      }
      const copy = planCopy(stack.json, {
        awsVersion: setup.awsVersion,
        endpoint: standIn.url,
        standInValues: { iam_permissions: [...snapshotPermissions('standard').slice(1), LIVE_ADDS] },
      });
      const { module, provider } = asModule(copy.json);
      writeFileSync(join(dir, 'cdk.tf.json'), JSON.stringify(module, null, 2));
      let alias = providers.findIndex(
        (p) => JSON.stringify({ ...p, alias: undefined }) === JSON.stringify({ ...provider, alias: undefined }),
      );
      if (alias < 0) alias = providers.push({ ...provider, alias: `p${providers.length}` }) - 1;
      const variables = Object.entries<Json>(module.variable ?? {})
        .filter(([, v]) => v.default === undefined)
        .map(([k]) => k);
      for (const v of variables)
        if (!VARIABLE_VALUES[v])
          throw new Error(`${run.id}: variable ${v} has no stand-in value; add one to VARIABLE_VALUES`);
      modules[run.module] = {
        source: `./${run.module}`,
        providers: { aws: `aws.p${alias}` },
        ...Object.fromEntries(variables.map((v) => [v, VARIABLE_VALUES[v]])),
      };
      runs.push(run);
    }
  }
  const required = { aws: { source: 'hashicorp/aws', version: setup.awsVersion } };
  writeFileSync(
    join(root, 'main.tf.json'),
    JSON.stringify(
      { terraform: { required_providers: required }, provider: { aws: providers }, module: modules },
      null,
      2,
    ),
  );
  writeFileSync(join(root, LOCK_FILE), await warmPluginCache(setup));

  const init = await terraform(['init', '-backend=false', '-input=false', '-no-color'], root, setup.env);
  tf.init = { code: init.code, output: `${init.stderr}${init.stdout}` };
  if (init.code !== 0) return;
  const validate = await terraform(['validate', '-json', '-no-color'], root, setup.env);
  const report = parseJson(validate.stdout) as { valid?: boolean; diagnostics?: TerraformDiagnostic[] } | undefined;
  tf.validate = {
    valid: report?.valid === true,
    diagnostics: report?.diagnostics ?? [],
    output: `${validate.stderr}${validate.stdout}`,
  };
  const plan = await terraform(['plan', '-json', '-input=false', '-lock=false', '-no-color'], root, setup.env);
  tf.plan = {
    code: plan.code,
    events: plan.stdout.split('\n').map(parseJson).filter(Boolean) as PlanEvent[],
    output: plan.stderr,
  };
}, 20 * 60_000);

afterAll(async () => {
  await standIn?.close();
  // For the closing figures of a run (stacks, resources planned): STACKWRIGHT_PLAN_SUMMARY=<file> writes them.
  const summary = process.env.STACKWRIGHT_PLAN_SUMMARY;
  if (summary)
    writeFileSync(
      summary,
      JSON.stringify(
        {
          awsVersion: setup.awsVersion,
          source: setup.source,
          stacks: runs.map((r) => ({ id: r.id, add: plannedAdds(r) })),
        },
        null,
        2,
      ),
    );
});

function resourceCount(json: Record<string, unknown>): number {
  return Object.values((json.resource ?? {}) as Record<string, object>).reduce(
    (n, byName) => n + Object.keys(byName).length,
    0,
  );
}

/** Whether a diagnostic belongs to a stack: its file or address is in the stack's module (else it counts for all). */
function concerns(d: TerraformDiagnostic, run: StackRun): boolean {
  const where = `${d.range?.filename ?? ''} ${d.address ?? ''}`;
  if (!/__/.test(where)) return true;
  return where.includes(`${run.module}/`) || where.includes(`module.${run.module}.`);
}

function plannedAdds(run: StackRun): number {
  return (tf.plan?.events ?? []).filter(
    (e) =>
      e.type === 'planned_change' &&
      e.change!.action === 'create' &&
      e.change!.resource.module === `module.${run.module}`,
  ).length;
}

function diagnostics(events: PlanEvent[], severity: string): TerraformDiagnostic[] {
  return events.filter((e) => e.type === 'diagnostic' && e.diagnostic!.severity === severity).map((e) => e.diagnostic!);
}

function parseJson(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}

const runOf = (id: string): StackRun => {
  const run = runs.find((r) => r.id === id);
  if (!run) throw new Error(`no stack ${id}; synthesized: ${runs.map((r) => r.id).join(', ')}`);
  return run;
};

describe('real Terraform on every stack (default config and examples)', () => {
  it('synthesizes a stack for every config', () => {
    expect(new Set(runs.map((r) => r.id.split('/')[0]))).toEqual(
      new Set(CONFIGS.map((f) => f.replace(/^examples\//, '').replace(/\.yaml$/, ''))),
    );
    expect(setup.awsVersion).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it.each([
    'stackwright/datadog',
    'stackwright/ecs',
    'stackwright/sidecar',
    'stackwright/keepalive',
    'datadog-eu/datadog',
    'ecs-10x10/ecs',
    'govcloud/datadog',
    'sidecar-existing-vpc-https/sidecar',
    'sidecar-public-arm64/sidecar',
  ])('%s: terraform init -backend=false, validate and plan with the real hashicorp/aws provider', (id) => {
    const run = runOf(id);
    expect({ id, init: tf.init?.code, output: tf.init?.code === 0 ? '' : tf.init?.output }).toEqual({
      id,
      init: 0,
      output: '',
    });
    const invalid = (tf.validate?.diagnostics ?? []).filter((d) => d.severity === 'error' && concerns(d, run));
    expect({ id, validateErrors: invalid }).toEqual({ id, validateErrors: [] });
    const errors = diagnostics(tf.plan?.events ?? [], 'error').filter((d) => concerns(d, run));
    expect({ id, planErrors: errors, stderr: tf.plan?.code === 0 ? '' : tf.plan?.output }).toEqual({
      id,
      planErrors: [],
      stderr: '',
    });
    // Every resource the README lists is planned once (stand-ins replace Datadog/Docker ones one for one).
    expect({ id, add: plannedAdds(run) }).toEqual({ id, add: run.resources });
  });

  it('validates and plans every synthesized stack (none left out of the list above)', () => {
    expect(tf.validate?.valid).toBe(true);
    expect(tf.plan?.code).toBe(0);
    expect(runs.length).toBe(9);
    const summary = tf.plan!.events.find((e) => e.type === 'change_summary');
    expect(summary!.changes!.add).toBe(runs.reduce((n, r) => n + r.resources, 0));
  });

  it('reads data only through the loopback stand-in, which answered every call', () => {
    expect(standIn.unanswered).toEqual([]);
    const seen = new Set(standIn.calls.map((c) => `${c.service}:${c.action}`));
    for (const call of [
      'sts:GetCallerIdentity',
      'ec2:DescribeAvailabilityZones',
      'ssm:GetParameter',
      'ecr:GetAuthorizationToken',
      'ec2:DescribeVpcEndpointServices',
    ]) {
      expect(seen).toContain(call);
    }
  });

  it("warns at plan time, without failing, when Datadog's live permission list differs from the snapshot", () => {
    const warning = diagnostics(tf.plan!.events, 'warning')
      .filter((d) => concerns(d, runOf('stackwright/datadog')))
      .map((d) => `${d.summary}: ${d.detail}`)
      .find((w) => w.includes('Check block assertion failed'));
    expect(warning).toContain(`adds: [${LIVE_ADDS}]`);
    expect(warning).toContain(`drops: [${LIVE_DROPS}]`);
  });
});
