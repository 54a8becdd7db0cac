import type { TfBlock } from '../../terraform/json';
import { blocks, isObj, parseJsonAttribute, str, type Obj } from '../../terraform/json';

/** Who a policy document speaks for: an identity's permissions, a role's trust, or a resource's own policy. */
export type PolicyKind = 'identity' | 'trust' | 'resource';

/** The attributes that hold IAM policy JSON, by resource type. */
export const POLICY_ATTRIBUTES: Readonly<Record<string, ReadonlyArray<{ attribute: string; kind: PolicyKind }>>> = {
  aws_iam_policy: [{ attribute: 'policy', kind: 'identity' }],
  aws_iam_role_policy: [{ attribute: 'policy', kind: 'identity' }],
  aws_iam_user_policy: [{ attribute: 'policy', kind: 'identity' }],
  aws_iam_group_policy: [{ attribute: 'policy', kind: 'identity' }],
  aws_iam_role: [{ attribute: 'assume_role_policy', kind: 'trust' }],
  aws_sqs_queue: [{ attribute: 'policy', kind: 'resource' }],
  aws_sqs_queue_policy: [{ attribute: 'policy', kind: 'resource' }],
  aws_sns_topic: [{ attribute: 'policy', kind: 'resource' }],
  aws_sns_topic_policy: [{ attribute: 'policy', kind: 'resource' }],
  aws_s3_bucket_policy: [{ attribute: 'policy', kind: 'resource' }],
  aws_kms_key: [{ attribute: 'policy', kind: 'resource' }],
  aws_ecr_repository_policy: [{ attribute: 'policy', kind: 'resource' }],
  aws_secretsmanager_secret_policy: [{ attribute: 'policy', kind: 'resource' }],
  aws_cloudwatch_log_resource_policy: [{ attribute: 'policy_document', kind: 'resource' }],
  aws_cloudwatch_event_bus_policy: [{ attribute: 'policy', kind: 'resource' }],
};
export const POLICY_RESOURCE_TYPES = Object.keys(POLICY_ATTRIBUTES);

export interface Statement {
  /** `Sid`, else the statement's position. */
  readonly label: string;
  readonly effect: unknown;
  readonly actions: readonly unknown[] | undefined;
  readonly notActions: readonly unknown[] | undefined;
  readonly resources: readonly unknown[] | undefined;
  readonly notResources: readonly unknown[] | undefined;
  readonly principal: unknown;
  readonly notPrincipal: unknown;
  readonly condition: Obj | undefined;
}

export interface PolicyDocument {
  /** Where it sits, e.g. `policy` or `inline_policy[0].policy`. */
  readonly attribute: string;
  readonly kind: PolicyKind;
  /** The raw attribute value (a JSON string, possibly with embedded references). */
  readonly text: unknown;
  /** Parsed statements, or undefined when the document is only known at plan time. */
  readonly statements: readonly Statement[] | undefined;
}

/** Every policy document of a resource, parsed where literal. */
export function policiesOf(b: TfBlock): PolicyDocument[] {
  const docs = (POLICY_ATTRIBUTES[b.type] ?? [])
    .filter((p) => b.body[p.attribute] !== undefined)
    .map((p) => parsePolicy(p.attribute, p.kind, b.body[p.attribute]));
  if (b.type === 'aws_iam_role') {
    (blocks(b.body.inline_policy) ?? []).forEach((inline, i) => {
      if (inline.policy !== undefined) docs.push(parsePolicy(`inline_policy[${i}].policy`, 'identity', inline.policy));
    });
  }
  return docs;
}

export function parsePolicy(attribute: string, kind: PolicyKind, text: unknown): PolicyDocument {
  const json = parseJsonAttribute(text);
  const raw = isObj(json) ? json.Statement : undefined;
  const list = Array.isArray(raw) ? raw : isObj(raw) ? [raw] : undefined;
  const statements = list?.filter(isObj).map((s, i) => ({
    label: str(s.Sid) || `statement ${i + 1}`,
    effect: s.Effect,
    actions: asList(s.Action),
    notActions: asList(s.NotAction),
    resources: asList(s.Resource),
    notResources: asList(s.NotResource),
    principal: s.Principal,
    notPrincipal: s.NotPrincipal,
    condition: isObj(s.Condition) ? s.Condition : undefined,
  }));
  return { attribute, kind, text, statements };
}

function asList(v: unknown): unknown[] | undefined {
  return v === undefined ? undefined : Array.isArray(v) ? v : [v];
}
