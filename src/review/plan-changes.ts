import type { TerraformDocument } from '../terraform/json/document';
import type { PairPlan, StackPair } from '../terraform/plan/plan-pair';
import { changesFromDiff, changesFromPlan, type ResourceChange } from './resource-changes';
import type { StackFolder } from './tree';

/** Plans one stack pair with the real Terraform (src/terraform/plan/plan-pair.ts). */
export type Planner = (pair: StackPair) => Promise<PairPlan>;

/** How a stack's resource changes were found: the real plan, the configuration diff, or nothing to compare. */
export type PlannedBy = 'terraform' | 'diff' | 'none';

/** Resource types planned through terraform_data stand-ins: their providers are not mirrored. */
const STAND_IN_TYPES = /^(datadog|docker)_/;

/**
 * One stack's resource changes: nothing when the configuration is the same; the documents alone for a stack added or
 * removed; else the real plan, or the configuration diff (replacement unknown) when there is no planner or it fails.
 */
export async function resourceChanges(
  stack: string,
  b: StackFolder | undefined,
  h: StackFolder | undefined,
  status: 'added' | 'removed' | 'changed' | 'unchanged',
  input: { readonly planner?: Planner; readonly plannerMissing?: string },
): Promise<{ changes: ResourceChange[]; planned: PlannedBy; planNote?: string }> {
  if (status === 'unchanged') return { changes: [], planned: 'none' };
  // A whole stack created or destroyed: every resource is, and no plan can say otherwise.
  if (!b || !h) return { changes: changesFromDiff(b?.doc, h?.doc, ''), planned: 'diff' };
  if (!input.planner)
    return {
      changes: changesFromDiff(b.doc, h.doc, input.plannerMissing ?? 'not planned'),
      planned: 'diff',
      planNote: `Not planned with Terraform (${input.plannerMissing ?? 'not requested'}): replacements unknown.`,
    };
  try {
    const planned = await input.planner({ stack, baseDir: b.dir, base: b.doc, headDir: h.dir, head: h.doc });
    const unsettledNote =
      planned.unsettled.length > 0
        ? ` ${planned.unsettled.length} resource(s) got no steady offline state (${planned.unsettled.map((a) => `\`${a}\``).join(', ')}): their changes come from the configuration diff, replacement unknown.`
        : '';
    const standIns = [
      ...new Set(
        typesOf(b.doc)
          .concat(typesOf(h.doc))
          .filter((t) => STAND_IN_TYPES.test(t)),
      ),
    ];
    return {
      changes: changesFromPlan(b.doc, h.doc, planned.changes, planned.unsettled),
      planned: 'terraform',
      ...(standIns.length > 0 || unsettledNote
        ? {
            planNote:
              (standIns.length > 0
                ? `Planned by Terraform; ${standIns.map((t) => `\`${t}\``).join(', ')} through terraform_data stand-ins ` +
                  '(the Datadog and Docker providers are not mirrored here): their changes show as `change`, replacement unknown.'
                : 'Planned by Terraform.') + unsettledNote,
          }
        : {}),
    };
  } catch (err) {
    if (process.env.STACKWRIGHT_DEBUG) process.stderr.write(`${(err as Error).message}\n`);
    const message = (err as Error).message.split('\n');
    const why =
      message
        .find((l) => /Error: /.test(l))
        ?.replace(/^[\s│]*/, '')
        .trim() ?? message[0];
    return { changes: changesFromDiff(b.doc, h.doc, why), planned: 'diff', planNote: `${why}; replacements unknown.` };
  }
}

function typesOf(doc: TerraformDocument): string[] {
  return Object.keys(doc.resource ?? {});
}
