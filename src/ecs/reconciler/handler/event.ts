// zod/mini: the same validation as zod with a tree-shakable API; the full build would add ~450 KB to the bundle.
import * as z from 'zod/mini';

export const INSTANCE_STATE_CHANGE = { source: 'aws.ecs', detailType: 'ECS Container Instance State Change' } as const;

const envelope = z.object({ source: z.string(), 'detail-type': z.string() });

const clusterArn = z
  .string()
  .check(z.regex(/^arn:aws[a-z-]*:ecs:[a-z0-9-]+:\d{12}:cluster\/[A-Za-z0-9_-]{1,255}$/, 'not an ECS cluster ARN'));
const nonEmpty = z.string().check(z.minLength(1, 'must not be empty'));

/** The fields the reconciler reads; EventBridge sends many more, which are allowed and ignored. */
const instanceStateChange = z.object({
  id: nonEmpty,
  detail: z.object({
    clusterArn,
    containerInstanceArn: nonEmpty,
    status: nonEmpty,
    version: z.optional(z.int()),
  }),
});

export interface InstanceStateChange {
  readonly eventId: string;
  readonly clusterArn: string;
  readonly clusterName: string;
  readonly containerInstanceArn: string;
  readonly status: string;
  readonly version?: number;
}

export type ParsedEvent =
  | { readonly kind: 'instance-state-change'; readonly event: InstanceStateChange }
  | { readonly kind: 'unrelated'; readonly source: string; readonly detailType: string }
  | { readonly kind: 'malformed'; readonly problems: readonly string[] };

/** Sorts an incoming event into the one the reconciler acts on, an unrelated one, or a malformed one. */
export function parseEvent(input: unknown): ParsedEvent {
  const head = envelope.safeParse(input);
  if (!head.success) return { kind: 'malformed', problems: problemsOf(head.error) };
  const { source, 'detail-type': detailType } = head.data;
  if (source !== INSTANCE_STATE_CHANGE.source || detailType !== INSTANCE_STATE_CHANGE.detailType) {
    return { kind: 'unrelated', source, detailType };
  }
  const body = instanceStateChange.safeParse(input);
  if (!body.success) return { kind: 'malformed', problems: problemsOf(body.error) };
  const { id, detail } = body.data;
  return {
    kind: 'instance-state-change',
    event: {
      eventId: id,
      clusterArn: detail.clusterArn,
      clusterName: detail.clusterArn.slice(detail.clusterArn.indexOf(':cluster/') + ':cluster/'.length),
      containerInstanceArn: detail.containerInstanceArn,
      status: detail.status,
      version: detail.version,
    },
  };
}

function problemsOf(error: z.core.$ZodError): string[] {
  return error.issues.map((i) => `${i.path.join('.') || '(event)'}: ${i.message}`);
}
