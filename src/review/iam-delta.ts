import { StackView } from '../terraform/json';
import { changesOf, compareText, isEmpty, type SubjectState } from './iam/compare';
import { datadogSetName, isDatadogRole } from './iam/datadog';
import { iamFlags } from './iam/flags';
import { grantsOf } from './iam/grants';
import { iamSubjects } from './iam/subjects';
import { trustOf } from './iam/trust';
import type { IamDelta, IamSubjectDelta, TerraformJson } from './iam/types';

export type { IamFlag, IamFlagKind } from './iam/flags';
export type { ResourceWidening } from './iam/compare';
export type { IamDelta, IamSubjectDelta, TerraformJson } from './iam/types';
export { renderIamDeltaMarkdown } from './iam/markdown';

/**
 * The IAM delta of one stack: per role and unattached policy, the actions granted and revoked (wildcards
 * expanded), resources widened to `*`, Deny statements dropped, trust principals and sts:ExternalId conditions
 * changed, and the Datadog role's permission list; each with flags for the high-risk parts.
 */
export function iamDelta(base: TerraformJson | undefined, head: TerraformJson | undefined): IamDelta {
  const baseView = base ? new StackView('base', base) : undefined;
  const headView = head ? new StackView('head', head) : undefined;
  const before = baseView ? statesOf(baseView) : new Map<string, SubjectState>();
  const after = headView ? statesOf(headView) : new Map<string, SubjectState>();
  const own = headView?.ownAccountIds() ?? [];
  const subjects: IamSubjectDelta[] = [];
  for (const address of [...new Set([...before.keys(), ...after.keys()])].sort(compareText)) {
    const b = before.get(address);
    const h = after.get(address);
    const changes = changesOf(b, h);
    if (isEmpty(changes)) continue;
    const subject = (h ?? b)!.subject;
    subjects.push({
      address,
      kind: subject.kind,
      name: h?.subject.name ?? b?.subject.name,
      change: !b ? 'added' : !h ? 'removed' : 'changed',
      ...changes,
      flags: iamFlags(changes, h, own),
    });
  }
  return { subjects, flagCount: subjects.reduce((n, s) => n + s.flags.length, 0) };
}

function statesOf(view: StackView): Map<string, SubjectState> {
  const states = new Map<string, SubjectState>();
  for (const subject of iamSubjects(view)) {
    const grants = grantsOf(subject.policies);
    const trust = trustOf(subject.trust);
    const datadog = isDatadogRole(view, subject, trust) ? { set: datadogSetName(view, grants.patterns) } : undefined;
    states.set(subject.address, { subject, grants, trust, datadog });
  }
  return states;
}
