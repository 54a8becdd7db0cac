import { parsePolicy, type PolicyKind, type Statement } from '../../rules/iam/policies';
import type { StackView } from '../../terraform/json';
import { blocks, list, reference, str, type Obj } from '../../terraform/json';

/** A policy document read from a stack: its statements, or why they are only known at plan time. */
export interface PolicySource {
  /** Where it was read, e.g. `aws_iam_role_policy.x.policy` or `data.aws_iam_policy_document.y`. */
  readonly where: string;
  /** Parsed statements; undefined when the document is an expression Terraform evaluates at plan time. */
  readonly statements: readonly Statement[] | undefined;
  /** The attribute as written, to tell whether a document known only at plan time changed. */
  readonly text: string;
}

/**
 * Reads a policy attribute: literal JSON (what Stackwright emits), or a whole-value reference to a
 * `data.aws_iam_policy_document`'s `json` (what hand-written cdktf often emits), resolved in the same stack.
 * Anything else (`${jsonencode(...)}`, a variable, a document built by a module) is unknown.
 */
export function readPolicy(view: StackView, where: string, kind: PolicyKind, value: unknown): PolicySource {
  const text = JSON.stringify(value) ?? '';
  const ref = reference(value);
  if (ref) {
    const doc = view.get(ref.address);
    if (doc?.type === 'aws_iam_policy_document' && ref.attribute === 'json') {
      const statements = documentStatements(doc.body);
      return { where: `${where} (${doc.address})`, statements, text: JSON.stringify(doc.body) };
    }
    return { where, statements: undefined, text };
  }
  return { where, statements: parsePolicy(where, kind, value).statements, text };
}

/**
 * The statements of an aws_iam_policy_document data source, in the shape of policy JSON. The provider's argument
 * names (hashicorp/terraform-provider-aws website/docs/d/iam_policy_document.html.markdown): `statement` blocks
 * with `sid`, `effect` ("Either `Allow` or `Deny` ... Defaults to `Allow`"), `actions`, `not_actions`,
 * `resources`, `not_resources`, `principals` / `not_principals` (`type`, `identifiers`) and `condition` (`test`,
 * `variable`, `values`). A document merged from `source_policy_documents` or `override_policy_documents` is
 * unknown here: those merge at plan time.
 */
export function documentStatements(body: Obj): Statement[] | undefined {
  if (body.source_policy_documents !== undefined || body.override_policy_documents !== undefined) return undefined;
  if (body.source_json !== undefined || body.override_json !== undefined) return undefined;
  const statements = blocks(body.statement);
  if (!statements) return undefined;
  return statements.map((s, i) => ({
    label: str(s.sid) || `statement ${i + 1}`,
    effect: s.effect === undefined ? 'Allow' : s.effect,
    actions: optionalList(s.actions),
    notActions: optionalList(s.not_actions),
    resources: optionalList(s.resources),
    notResources: optionalList(s.not_resources),
    principal: principals(s.principals),
    notPrincipal: principals(s.not_principals),
    condition: conditions(s.condition),
  }));
}

function optionalList(v: unknown): unknown[] | undefined {
  return v === undefined ? undefined : (list(v) ?? [v]);
}

function principals(v: unknown): Obj | undefined {
  const all = blocks(v);
  if (!all || all.length === 0) return undefined;
  const out: Record<string, unknown[]> = {};
  for (const p of all) {
    const type = str(p.type) ?? String(p.type);
    out[type] = [...(out[type] ?? []), ...(list(p.identifiers) ?? [p.identifiers])];
  }
  return out;
}

function conditions(v: unknown): Obj | undefined {
  const all = blocks(v);
  if (!all || all.length === 0) return undefined;
  const out: Record<string, Record<string, unknown>> = {};
  for (const c of all) {
    const test = str(c.test) ?? String(c.test);
    const variable = str(c.variable) ?? String(c.variable);
    out[test] = { ...(out[test] ?? {}), [variable]: c.values };
  }
  return out;
}
