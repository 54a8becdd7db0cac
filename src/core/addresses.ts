import { createHash } from 'node:crypto';
import type { IConstruct } from 'constructs';
import { releasedIn010 } from './released-kinds';
import {
  TerraformDataSource,
  TerraformElement,
  TerraformLocal,
  TerraformModule,
  TerraformOutput,
  TerraformProvider,
  TerraformResource,
  TerraformBackend,
  TerraformVariable,
  type TerraformStack,
} from 'cdktf';

/*
 * Terraform addresses are a public interface: state is keyed by them, so an address that changes makes Terraform
 * destroy the object and create it again. Stackwright derives every block's name from its construct path below the
 * stack (`ecs/main/service-web/task` -> `aws_ecs_task_definition.main_service_web_task`), with no hash, and checks
 * that no two blocks share one. Releases up to 0.1.0 used cdktf's default names (path plus an 8-character hash,
 * `main_service-web_task_B44C06BF`); every managed resource gets a `moved` block from that name, so an upgrade
 * plans with no replacement. A moved block whose source is not in the state is a no-op for Terraform.
 *
 * test/addresses holds the addresses of the default config and every example and fails on any change. A restructure
 * that moves or renames constructs keeps the addresses with setAddressSegment. New resources only add addresses:
 * record them with `npx tsx test/addresses/record.ts`. Renaming a released address is a breaking change (cdktf gives
 * a resource one moveFromId, already taken by the move from 0.1.0).
 */

/** Construct -> the segment it contributes to addresses below it (`null`: none), when not its construct id. */
const segments = new WeakMap<IConstruct, string | null>();

/**
 * Makes a construct contribute `segment` (or nothing, with `null`) to the addresses of the blocks below it instead
 * of its construct id. For restructures: a construct that gets a new id or a new parent keeps its old addresses, and
 * the moved blocks from the 0.1.0 names stay right, when its old id is set here (or a new wrapper is set to null).
 */
export function setAddressSegment(construct: IConstruct, segment: string | null): void {
  segments.set(construct, segment);
}

/** The segments that name a block: one per construct from below the stack down to the block itself. */
export function addressPath(node: IConstruct, stack: IConstruct): string[] {
  const scopes = node.node.scopes;
  const below = scopes.slice(scopes.indexOf(stack) + 1);
  return below.flatMap((c) => {
    const segment = segments.has(c) ? segments.get(c) : c.node.id;
    return segment === null || segment === undefined || segment === HIDDEN_ID ? [] : [segment];
  });
}

/**
 * The readable block name for an address path: each segment in snake_case, joined by `_`, leaving out a segment
 * equal to the one before it (`alb/alb` -> `alb`). Only equal ones: dropping a segment the one before merely ends
 * with, as cdktf does, would make clusters `a` and `a-cluster` both name their ECS cluster `a_cluster`.
 */
export function readableName(path: readonly string[]): string {
  const kept: string[][] = [];
  for (const segment of path) {
    const words = segment
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter((w) => w.length > 0);
    if (words.length === 0) continue;
    const previous = kept[kept.length - 1];
    if (previous && previous.join('_') === words.join('_')) continue;
    kept.push(words);
  }
  const name = kept.map((w) => w.join('_')).join('_');
  if (name.length === 0) throw new Error(`no Terraform name can be made from the construct path '${path.join('/')}'`);
  // Terraform names start with a letter or underscore.
  return /^[0-9]/.test(name) ? `_${name}` : name;
}

const HIDDEN_ID = 'Default';
const HIDDEN_FROM_HUMAN_ID = 'Resource';

/**
 * The name cdktf 0.21 gives a block by default, which Stackwright 0.1.0 released: the logic of makeUniqueId in
 * cdktf's lib/private/unique.ts (not exported, so written here): one segment is kept as it is (characters other than
 * letters, digits, `_` and `-` removed); longer paths join their segments with `_`, leaving out a segment the one
 * before ends with, and append the first 8 hex digits (upper case) of the MD5 of the path joined with `/`.
 */
export function releasedName(path: readonly string[]): string {
  const components = path.filter((c) => c !== HIDDEN_ID);
  const clean = (s: string): string => s.replace(/[^A-Za-z0-9_-]/g, '');
  if (components.length === 1 && clean(components[0]).length <= 255) return clean(components[0]);
  const hash = createHash('md5').update(components.join('/')).digest('hex').slice(0, 8).toUpperCase();
  const human: string[] = [];
  for (const c of components) if (human.length === 0 || !human[human.length - 1].endsWith(c)) human.push(c);
  const text = human
    .filter((c) => c !== HIDDEN_FROM_HUMAN_ID)
    .map(clean)
    .join('_')
    .slice(0, 240);
  return `${text}_${hash}`;
}

/** The address of a block in Terraform's own terms (`data.` for data sources), or undefined for blocks without. */
export function blockAddress(element: TerraformElement): string | undefined {
  const name = element.friendlyUniqueId;
  if (TerraformResource.isTerraformResource(element)) return `${element.terraformResourceType}.${name}`;
  if (TerraformDataSource.isTerraformDataSource(element)) return `data.${element.terraformResourceType}.${name}`;
  if (TerraformOutput.isTerraformOutput(element)) return `output.${name}`;
  if (element instanceof TerraformVariable) return `var.${name}`;
  if (element instanceof TerraformLocal) return `local.${name}`;
  if (element instanceof TerraformModule) return `module.${name}`;
  if (TerraformProvider.isTerraformProvider(element) || TerraformBackend.isBackend(element)) return undefined;
  return `${element.constructor.name}.${name}`;
}

/**
 * Blocks of a stack that would share an address (cdktf would silently merge them into one), one message per clash
 * naming both construct paths. Run as a validation of every Stackwright stack, so synth reports it as an input error.
 */
export function addressCollisions(stack: TerraformStack): string[] {
  const seen = new Map<string, string>();
  const problems: string[] = [];
  for (const element of stack.node
    .findAll()
    .filter((c): c is TerraformElement => TerraformElement.isTerraformElement(c))) {
    const address = blockAddress(element);
    if (address === undefined) continue;
    const other = seen.get(address);
    if (other === undefined) seen.set(address, element.node.path);
    else {
      problems.push(
        `two Terraform blocks of stack '${stack.node.id}' would have the address ${address}: '${other}' and ` +
          `'${element.node.path}'. Addresses are made from the names in the config (and construct ids) in snake_case; rename one.`,
      );
    }
  }
  return problems;
}

/** Throws the first address collision (for callers that render a stack without validating it). */
export function assertUniqueAddresses(stack: TerraformStack): void {
  const problems = addressCollisions(stack);
  if (problems.length > 0) throw new Error(problems[0]);
}

/**
 * Adds a moved block from the 0.1.0 name to every managed resource of the stack whose name changed and whose kind
 * 0.1.0 released (./released-kinds.ts): a resource added since never had a 0.1.0 address to move from. Idempotent
 * (a resource that already has a move, from here or its own construct, is left alone).
 */
export function declareReleasedMoves(stack: TerraformStack): void {
  for (const element of stack.node.findAll()) {
    if (!TerraformResource.isTerraformResource(element)) continue;
    if ((element.toMetadata() as { moved?: unknown }).moved !== undefined) continue;
    const path = addressPath(element, stack);
    if (!releasedIn010(stack.node.id, element.terraformResourceType, path[path.length - 1] ?? '')) continue;
    const released = releasedName(path);
    if (released !== element.friendlyUniqueId) element.moveFromId(`${element.terraformResourceType}.${released}`);
  }
}
