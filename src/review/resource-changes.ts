import { movedBlocks, resourcesByAddress, type Resource, type TerraformDocument } from '../terraform/json/document';
import type { PlannedChange } from '../terraform/plan/plan-pair';

/**
 * What happens to one resource: `create`, `destroy`, `update` (in place), `replace` (destroy and create), `move`
 * (a `moved` block, nothing else), or `change` when the configuration changed but no plan says how (Terraform or the
 * provider was unavailable, or the resource's provider is stood in for): replacement unknown, never guessed.
 */
export type ChangeKind = 'create' | 'destroy' | 'update' | 'replace' | 'move' | 'change';

export interface ResourceChange {
  readonly address: string;
  readonly kind: ChangeKind;
  /** The base's address when a `moved` block moved the resource (the change then also counts as a move). */
  readonly previousAddress?: string;
  /** For `replace`: the attributes that force it, as Terraform reports them (`replace_paths`). */
  readonly forcedBy?: readonly string[];
  /**
   * Top-level attributes that change: from the plan (values before and after, or known only after apply) when
   * planned, else the configured arguments that differ between base and head.
   */
  readonly attributes?: readonly string[];
  /** Why the replacement is unknown, for `change`. */
  readonly unknownBecause?: string;
}

/** The stand-in label of resources whose provider is not available to plan with. */
export const STAND_IN_NOTE =
  'its provider is not mirrored here, so the plan used a terraform_data stand-in: replacement unknown';

/** cdktf's metadata and Terraform's meta-arguments that change no attribute of the object. */
/** Why a resource the base's offline state could not settle is reported from its configuration. */
export const UNSETTLED_NOTE =
  'no steady offline state could be made for it (the provider kept changing its made-up values): replacement unknown';

const NOT_ARGUMENTS = ['//', 'depends_on', 'lifecycle', 'provider', 'provisioner', 'connection'];

/** Configured arguments of one resource that differ (metadata and meta-arguments ignored), sorted. */
export function changedArguments(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  for (const k of NOT_ARGUMENTS) keys.delete(k);
  return [...keys].filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k])).sort();
}

/** Head address -> base address, for the head's `moved` blocks whose source the base has and target the head has. */
export function movesBetween(base: TerraformDocument, head: TerraformDocument): Map<string, string> {
  const inBase = resourcesByAddress(base);
  const inHead = resourcesByAddress(head);
  return new Map(
    movedBlocks(head)
      .filter((m) => inBase.has(m.from) && !inBase.has(m.to) && inHead.has(m.to))
      .map((m) => [m.to, m.from] as const),
  );
}

/**
 * The configuration diff alone: creates, destroys and moves are certain from the documents; a resource on both sides
 * whose arguments differ is a `change` with replacement unknown.
 */
export function changesFromDiff(
  base: TerraformDocument | undefined,
  head: TerraformDocument | undefined,
  why: string,
): ResourceChange[] {
  const b = base ? resourcesByAddress(base) : new Map<string, Resource>();
  const h = head ? resourcesByAddress(head) : new Map<string, Resource>();
  const moves = base && head ? movesBetween(base, head) : new Map<string, string>();
  const movedFrom = new Set(moves.values());
  const out: ResourceChange[] = [];
  for (const [address, r] of h) {
    const from = moves.get(address);
    const before = b.get(from ?? address);
    if (!before) {
      out.push({ address, kind: 'create' });
      continue;
    }
    const attributes = changedArguments(before.attrs, r.attrs);
    const previous = from ? { previousAddress: from } : {};
    if (attributes.length > 0) out.push({ address, kind: 'change', ...previous, attributes, unknownBecause: why });
    else if (from) out.push({ address, kind: 'move', ...previous });
  }
  for (const address of b.keys())
    if (!h.has(address) && !movedFrom.has(address)) out.push({ address, kind: 'destroy' });
  return sortChanges(out);
}

/** The real plan's actions and changed attributes (a stood-in resource's from the configuration diff). */
export function changesFromPlan(
  base: TerraformDocument,
  head: TerraformDocument,
  planned: readonly PlannedChange[],
  unsettled: readonly string[] = [],
): ResourceChange[] {
  const b = resourcesByAddress(base);
  const h = resourcesByAddress(head);
  const out: ResourceChange[] = [];
  for (const p of planned) {
    const previous = p.previousAddress ? { previousAddress: p.previousAddress } : {};
    const before = b.get(p.previousAddress ?? p.address);
    const after = h.get(p.address);
    const kind = kindOf(p.actions);
    // Attributes the configuration sets: the computed ones a replacement renews (id, arn, revision) are noise here.
    const configured = new Set([...Object.keys(before?.attrs ?? {}), ...Object.keys(after?.attrs ?? {})]);
    const attributes = p.standIn
      ? before && after
        ? changedArguments(before.attrs, after.attrs)
        : []
      : p.changed.filter((a) => configured.has(a));
    if (kind === undefined) {
      if (p.previousAddress) out.push({ address: p.address, kind: 'move', ...previous });
      continue;
    }
    const noSteadyState = unsettled.includes(p.address) || unsettled.includes(p.previousAddress ?? '');
    if (noSteadyState && (kind === 'update' || kind === 'replace')) {
      const configured = before && after ? changedArguments(before.attrs, after.attrs) : [];
      if (configured.length > 0)
        out.push({
          address: p.address,
          kind: 'change',
          ...previous,
          attributes: configured,
          unknownBecause: UNSETTLED_NOTE,
        });
      else if (p.previousAddress) out.push({ address: p.address, kind: 'move', ...previous });
    } else if (p.standIn && (kind === 'update' || kind === 'replace'))
      out.push({ address: p.address, kind: 'change', ...previous, attributes, unknownBecause: STAND_IN_NOTE });
    else
      out.push({
        address: p.address,
        kind,
        ...previous,
        ...(kind === 'replace' ? { forcedBy: [...p.replacePaths].sort() } : {}),
        ...(kind === 'update' || kind === 'replace' ? { attributes } : {}),
      });
  }
  return sortChanges(out);
}

function kindOf(actions: readonly string[]): ChangeKind | undefined {
  const a = [...actions].sort().join(',');
  if (a === 'create') return 'create';
  if (a === 'delete') return 'destroy';
  if (a === 'update') return 'update';
  if (a === 'create,delete') return 'replace';
  return undefined; // no-op, read
}

const ORDER: readonly ChangeKind[] = ['destroy', 'replace', 'change', 'update', 'create', 'move'];

function sortChanges(changes: ResourceChange[]): ResourceChange[] {
  return changes.sort(
    (x, y) =>
      ORDER.indexOf(x.kind) - ORDER.indexOf(y.kind) || (x.address < y.address ? -1 : x.address > y.address ? 1 : 0),
  );
}

/** The summary counts: `+` create, `~` update, `-/+` replace, `-` destroy, moves, and changes of unknown kind. */
export interface ChangeCounts {
  readonly create: number;
  readonly update: number;
  readonly replace: number;
  readonly destroy: number;
  readonly move: number;
  readonly unknown: number;
}

export function countChanges(changes: readonly ResourceChange[]): ChangeCounts {
  const n = (k: ChangeKind) => changes.filter((c) => c.kind === k).length;
  return {
    create: n('create'),
    update: n('update'),
    replace: n('replace'),
    destroy: n('destroy'),
    move: changes.filter((c) => c.previousAddress !== undefined).length,
    unknown: n('change'),
  };
}
