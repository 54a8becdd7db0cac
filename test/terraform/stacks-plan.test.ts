/**
 * The real Terraform CLI and the real hashicorp/aws provider (from the filesystem mirror; see README "Terraform in
 * the tests") init, validate and plan every stack of the default config and of every example, offline: the
 * provider's endpoints point at a loopback stand-in. Datadog and Docker resources are stood in (test/terraform/
 * helpers/plan-copy.ts); their own validators are the rule pack's providers pack.
 */
import { cpus } from 'node:os';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { loadConfig } from '../../src/config/load';
import { PROJECT_ROOT } from '../../src/core/project-root';
import { snapshotPermissions } from '../../src/datadog/permissions';
import { synthesize } from '../../src/synth/synthesize';
import { tempDir } from '../helpers/temp-dir';
import { startAwsStandIn, type AwsStandIn } from './helpers/aws-stand-in';
import { planCopy } from './helpers/plan-copy';
import { boundAwsVersion, LOCK_FILE, mapLimited, requireTerraform, terraform, terraformSetup, warmPluginCache, type TerraformSetup } from './helpers/terraform';

/** Values for input variables without a default (valid for their validation rules). */
const VARIABLE_VALUES: Record<string, string> = { datadog_external_id: 'stand-in+external=id/0123456789' };

/** What the stand-in's Datadog list differs by from the snapshot, so the plan-time check has something to report. */
const LIVE_ADDS = 'sns:ListTopics';
const LIVE_DROPS = snapshotPermissions('standard')[0];

const CONFIGS = ['stackwright.yaml', ...readdirSync(join(PROJECT_ROOT, 'examples')).filter((f) => f.endsWith('.yaml')).sort().map((f) => `examples/${f}`)];

interface StackRun {
  readonly id: string;
  readonly dir: string;
  readonly variables: string[];
  /** Resources in the synthesized JSON: what the stack's README table counts. */
  readonly resources: number;
  init?: { code: number | null; output: string };
  validate?: { valid: boolean; output: string };
  plan?: { code: number | null; add: number; errors: string[]; warnings: string[] };
}

let setup: TerraformSetup;
let standIn: AwsStandIn;
const runs: StackRun[] = [];

beforeAll(async () => {
  setup = terraformSetup(boundAwsVersion());
  await requireTerraform(setup.env);
  standIn = await startAwsStandIn();
  const root = tempDir('stackwright-plan-');
  for (const file of CONFIGS) {
    const config = loadConfig(join(PROJECT_ROOT, file));
    for (const stack of await synthesize(config, { hcl: false, configFile: file })) {
      const id = `${file.replace(/^examples\//, '').replace(/\.yaml$/, '')}/${stack.name}`;
      const dir = join(root, id);
      for (const [path, contents] of stack.files) {
        mkdirSync(dirname(join(dir, path)), { recursive: true });
        writeFileSync(join(dir, path), contents);
      }
      const copy = planCopy(stack.json, {
        awsVersion: setup.awsVersion,
        endpoint: standIn.url,
        standInValues: { iam_permissions: [...snapshotPermissions('standard').slice(1), LIVE_ADDS] },
      });
      writeFileSync(join(dir, 'cdk.tf.json'), JSON.stringify(copy.json, null, 2));
      const variables = Object.entries<any>(copy.json.variable ?? {}).filter(([, v]) => v.default === undefined).map(([k]) => k);
      const resources = Object.values<object>((stack.json.resource ?? {}) as Record<string, object>).reduce((n, byName) => n + Object.keys(byName).length, 0);
      runs.push({ id, dir, variables, resources });
    }
  }
  const lockFile = await warmPluginCache(setup);
  for (const run of runs) writeFileSync(join(run.dir, LOCK_FILE), lockFile);
  await mapLimited(runs, Math.max(2, cpus().length), runStack);
}, 20 * 60_000);

afterAll(async () => {
  await standIn?.close();
  // For the closing figures of a run (stacks, resources planned): STACKWRIGHT_PLAN_SUMMARY=<file> writes them.
  const summary = process.env.STACKWRIGHT_PLAN_SUMMARY;
  if (summary) writeFileSync(summary, JSON.stringify({ awsVersion: setup.awsVersion, source: setup.source, stacks: runs.map((r) => ({ id: r.id, add: r.plan?.add, warnings: r.plan?.warnings.length })) }, null, 2));
});

async function runStack(run: StackRun): Promise<void> {
  const init = await terraform(['init', '-backend=false', '-input=false', '-no-color'], run.dir, setup.env);
  run.init = { code: init.code, output: `${init.stderr}${init.stdout}` };
  if (init.code !== 0) return;
  const validate = await terraform(['validate', '-json', '-no-color'], run.dir, setup.env);
  run.validate = { valid: parseJson(validate.stdout)?.valid === true, output: `${validate.stderr}${validate.stdout}` };
  const vars = run.variables.flatMap((v) => {
    if (!VARIABLE_VALUES[v]) throw new Error(`${run.id}: variable ${v} has no stand-in value; add one to VARIABLE_VALUES`);
    return ['-var', `${v}=${VARIABLE_VALUES[v]}`];
  });
  const plan = await terraform(['plan', '-json', '-input=false', '-lock=false', '-no-color', ...vars], run.dir, setup.env);
  const events = plan.stdout.split('\n').map(parseJson).filter(Boolean) as any[];
  const summary = events.find((e) => e.type === 'change_summary');
  const diagnostics = (severity: string) =>
    events.filter((e) => e.type === 'diagnostic' && e.diagnostic.severity === severity).map((e) => `${e.diagnostic.summary}: ${e.diagnostic.detail ?? ''}`);
  run.plan = { code: plan.code, add: summary?.changes?.add ?? 0, errors: [...diagnostics('error'), ...(plan.stderr ? [plan.stderr] : [])], warnings: diagnostics('warning') };
}

function parseJson(line: string): any {
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
    expect(new Set(runs.map((r) => r.id.split('/')[0]))).toEqual(new Set(CONFIGS.map((f) => f.replace(/^examples\//, '').replace(/\.yaml$/, ''))));
    expect(setup.awsVersion).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it.each([
    'stackwright/datadog', 'stackwright/ecs', 'stackwright/sidecar', 'stackwright/keepalive', 'datadog-eu/datadog', 'ecs-10x10/ecs',
    'govcloud/datadog', 'sidecar-existing-vpc-https/sidecar', 'sidecar-public-arm64/sidecar',
  ])('%s: terraform init -backend=false, validate and plan with the real hashicorp/aws provider', (id) => {
    const run = runOf(id);
    expect({ id, init: run.init?.code, output: run.init?.code === 0 ? '' : run.init?.output }).toEqual({ id, init: 0, output: '' });
    expect({ id, valid: run.validate?.valid, output: run.validate?.valid ? '' : run.validate?.output }).toEqual({ id, valid: true, output: '' });
    expect({ id, code: run.plan?.code, errors: run.plan?.errors }).toEqual({ id, code: 0, errors: [] });
    // Every resource the README lists is planned once (stand-ins replace Datadog/Docker ones one for one).
    expect({ id, add: run.plan!.add }).toEqual({ id, add: run.resources });
  });

  it('plans every synthesized stack (none left out of the list above)', () => {
    expect(runs.filter((r) => r.plan?.code !== 0).map((r) => r.id)).toEqual([]);
    expect(runs.length).toBe(9);
  });

  it('reads data only through the loopback stand-in, which answered every call', () => {
    expect(standIn.unanswered).toEqual([]);
    const seen = new Set(standIn.calls.map((c) => `${c.service}:${c.action}`));
    for (const call of ['sts:GetCallerIdentity', 'ec2:DescribeAvailabilityZones', 'ssm:GetParameter', 'ecr:GetAuthorizationToken', 'ec2:DescribeVpcEndpointServices']) {
      expect(seen).toContain(call);
    }
  });

  it("warns at plan time, without failing, when Datadog's live permission list differs from the snapshot", () => {
    const warning = runOf('stackwright/datadog').plan!.warnings.find((w) => w.includes('Check block assertion failed'));
    expect(warning).toContain(`adds: [${LIVE_ADDS}]`);
    expect(warning).toContain(`drops: [${LIVE_DROPS}]`);
  });
});
