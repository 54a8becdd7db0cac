import type { TerraformDocument } from '../terraform/json/document';
import { exposureDelta, renderExposureDeltaMarkdown } from './exposure-delta';
import { iamDelta, renderIamDeltaMarkdown } from './iam-delta';

/**
 * The seam for the review's IAM and exposure deltas (src/review/iam-delta.ts and exposure-delta.ts: pure functions
 * over the base's and the head's Terraform JSON). Each registers here; the report runs every registered delta on
 * every stack, and a flagged delta is what `--fail-on iam-widen` / `--fail-on exposure` match.
 */
export interface ReviewDelta {
  /** Whether the change widens what the delta watches (more IAM actions or resources; an address opened). */
  readonly flagged: boolean;
  /** One Markdown line per change, most important first. */
  readonly lines: readonly string[];
  /** The delta's own machine-readable form, carried as it is in the JSON report. */
  readonly data: unknown;
}

export interface DeltaProvider {
  readonly id: 'iam' | 'exposure';
  readonly title: string;
  /** The `--fail-on` value a flagged delta matches. */
  readonly flag: 'iam-widen' | 'exposure';
  compute(base: TerraformDocument | undefined, head: TerraformDocument | undefined): ReviewDelta;
}

/** The registered deltas, run on every stack; an empty delta gives no lines (the report leaves its section out). */
export const DELTAS: readonly DeltaProvider[] = [
  {
    id: 'iam',
    title: 'IAM delta',
    flag: 'iam-widen',
    compute: (base, head) => {
      const delta = iamDelta(base, head);
      return {
        flagged: delta.flagCount > 0,
        lines: delta.subjects.length ? renderIamDeltaMarkdown(delta) : [],
        data: delta,
      };
    },
  },
  {
    id: 'exposure',
    title: 'Exposure delta',
    flag: 'exposure',
    compute: (base, head) => {
      const delta = exposureDelta(base, head);
      return {
        flagged: delta.flagCount > 0,
        lines: delta.changes.length ? renderExposureDeltaMarkdown(delta) : [],
        data: delta,
      };
    },
  },
];
