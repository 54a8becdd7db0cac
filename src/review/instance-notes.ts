import { mentions } from '../terraform/json/references';
import { resourcesByAddress, resourcesOf, type TerraformDocument } from '../terraform/json/document';
import { blocks, str } from '../terraform/json/values';
import type { ResourceChange } from './resource-changes';

/**
 * What a changed instance type means for the running instances: an Auto Scaling group launches from its launch
 * template, so instances already running keep the old type until something replaces them; and an ECS placement
 * constraint on `ecs.instance-type` the new type does not meet leaves the constrained tasks unplaceable on them.
 */
export function instanceTypeNotes(
  base: TerraformDocument,
  head: TerraformDocument,
  changes: readonly ResourceChange[],
): string[] {
  const before = resourcesByAddress(base);
  const notes: string[] = [];
  for (const c of changes) {
    if (!c.address.startsWith('aws_launch_template.') || !(c.attributes ?? []).includes('instance_type')) continue;
    const template = resourcesByAddress(head).get(c.address);
    const from = str(before.get(c.previousAddress ?? c.address)?.attrs.instance_type);
    const to = str(template?.attrs.instance_type);
    if (!template || !from || !to) continue;
    for (const group of resourcesOf(head, 'aws_autoscaling_group').filter((g) =>
      mentions(g.attrs.launch_template, c.address),
    )) {
      const refresh = blocks(group.attrs.instance_refresh)?.length ?? 0;
      notes.push(
        `\`aws_autoscaling_group.${group.name}\`: running instances keep ${from}; only instances launched from now on ` +
          `are ${to}` +
          (refresh > 0
            ? " (the group's instance_refresh replaces them gradually)"
            : ' (the group has no instance_refresh: replace them by scaling out and in, or start an instance refresh)'),
      );
    }
    for (const service of resourcesOf(head, 'aws_ecs_service')) {
      for (const constraint of blocks(service.attrs.placement_constraints) ?? []) {
        const expression = str(constraint.expression);
        if (str(constraint.type) !== 'memberOf' || !expression?.includes('ecs.instance-type')) continue;
        const onNew = matchesInstanceType(expression, to);
        const onRunning = matchesInstanceType(expression, from);
        const service_ = `\`aws_ecs_service.${service.name}\``;
        if (onNew === false)
          notes.push(
            `WARNING ${service_}: its placement constraint \`${expression}\` excludes ${to}: its tasks cannot be ` +
              `placed on the new instances, and become unplaceable as the ${from} instances go`,
          );
        else if (onRunning === false)
          notes.push(
            `WARNING ${service_}: its placement constraint \`${expression}\` excludes the running ${from} instances: ` +
              `its tasks stay unplaceable (PENDING) until ${to} instances replace them`,
          );
        else if (onNew === undefined || onRunning === undefined)
          notes.push(`${service_}: check that its placement constraint \`${expression}\` admits ${from} and ${to}`);
      }
    }
  }
  return notes;
}

/**
 * Whether `attribute:ecs.instance-type <op> <value>` admits an instance type, for the operators of the cluster query
 * language this can decide (`==`, `!=`, `=~` with `*` wildcards, `in`, `not_in`); undefined for anything else.
 */
export function matchesInstanceType(expression: string, type: string): boolean | undefined {
  // One comparison only: a compound expression (and, or, parentheses) is left undecided.
  if (/\s(and|or|&&|\|\|)\s|[()]/.test(expression)) return undefined;
  const m = /^\s*attribute:ecs\.instance-type\s*(==|!=|=~|in|not_in)\s*(.+?)\s*$/.exec(expression);
  if (!m) return undefined;
  const [, op, raw] = m;
  const values = raw
    .replace(/^\[|\]$/g, '')
    .split(',')
    .map((v) => v.trim().replace(/^"|"$/g, ''));
  const wildcard = (p: string) => new RegExp(`^${p.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
  switch (op) {
    case '==':
      return values[0] === type;
    case '!=':
      return values[0] !== type;
    case '=~':
      return wildcard(values[0]).test(type);
    case 'in':
      return values.includes(type);
    default:
      return !values.includes(type);
  }
}
