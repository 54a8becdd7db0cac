import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StackwrightConfig } from '../../src/config/schema';
import { makePlanner, type PlannerHandle } from '../../src/review/planner';
import { buildReport, type Report } from '../../src/review/report';
import { readTree } from '../../src/review/tree';
import { writeOutDir } from '../../src/synth/output-dir';
import { synthesize } from '../../src/synth/synthesize';
import { tempDir } from '../helpers/temp-dir';
import { testConfig } from '../helpers/synth';

/** One side of a scenario pull request: its config, synthesized into a scratch generated/ tree. */
export interface Side {
  readonly config: StackwrightConfig;
  readonly dir: string;
}

export async function synthSide(stacks: Record<string, unknown>, extra: Record<string, unknown> = {}): Promise<Side> {
  const config = testConfig(stacks, extra);
  const dir = join(tempDir('sw-review-side-'), 'generated');
  writeOutDir(dir, await synthesize(config, { hcl: false }));
  return { config, dir };
}

/**
 * A side whose one stack is edited after synth (e.g. resources put back at their 0.1.0 addresses): `edit` gets and
 * returns the stack's cdk.tf.json text.
 */
export function editedSide(side: Side, stack: string, edit: (json: string) => string): Side {
  const dir = join(tempDir('sw-review-edited-'), 'generated');
  cpSync(side.dir, dir, { recursive: true });
  const file = join(dir, stack, 'cdk.tf.json');
  writeFileSync(file, edit(readFileSync(file, 'utf8')));
  return { config: side.config, dir };
}

/** Reviews a scenario pull request through the function API under `stackwright review`. */
export function reviewSides(
  base: Side,
  head: Side,
  planner?: PlannerHandle,
  labels = { base: 'main', head: 'stackwright.yaml (working tree)' },
): Promise<Report> {
  return buildReport({
    base: { label: labels.base, stacks: readTree(base.dir), config: base.config },
    head: { label: labels.head, stacks: readTree(head.dir), config: head.config },
    planner: planner?.planner,
    plannerMissing: planner?.missing ?? 'no planner in this test',
  });
}

/** The real Terraform from the mirror, offline, shared by a test file's scenarios. */
export function scenarioPlanner(): Promise<PlannerHandle> {
  return makePlanner(process.env.STACKWRIGHT_TERRAFORM ?? 'terraform', []);
}

/**
 * The stack's document as a release before the readable addresses had it: each resource back at its `moved` block's
 * source address (references and depends_on rewritten), without the moved blocks. Planned against, the head's moved
 * blocks move every resource.
 */
export function atReleasedAddresses(text: string): string {
  const doc = JSON.parse(text) as {
    resource: Record<string, Record<string, unknown>>;
    moved?: Array<{ from: string; to: string }>;
  };
  let out = JSON.stringify({ ...doc, moved: undefined });
  for (const m of doc.moved ?? []) {
    const [type, toName] = m.to.split('.');
    const fromName = m.from.split('.')[1];
    const parsed = JSON.parse(out) as typeof doc;
    const byName = parsed.resource[type];
    if (!byName || !(toName in byName)) continue;
    byName[fromName] = byName[toName];
    delete byName[toName];
    out = JSON.stringify(parsed).split(`${m.to}.`).join(`${m.from}.`).split(`"${m.to}"`).join(`"${m.from}"`);
  }
  return `${JSON.stringify(JSON.parse(out), null, 2)}\n`;
}
