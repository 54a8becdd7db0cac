/**
 * One problem found by a cross-field rule, relative to the object being checked. The rules return these rather than
 * throwing, so a config schema reports them at the config path and a construct at the prop it was given.
 */
export interface ConfigIssue {
  /** Where, relative to the checked object: field names and array indexes. */
  readonly path: readonly (string | number)[];
  /** What is wrong. */
  readonly message: string;
  /** What would be accepted instead. */
  readonly allowed: string;
}

/** The issues as one construct error: `<owner>: <path>: <message> (<allowed>); ...`. */
export function issuesError(owner: string, issues: readonly ConfigIssue[]): Error {
  return new Error(`${owner}: ${issues.map((i) => `${i.path.join('.')}: ${i.message} (${i.allowed})`).join('; ')}`);
}
