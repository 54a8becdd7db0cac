import { defineRule, verdict } from '../rule';
import type { TfBlock } from '../../terraform/json';
import { block, blocks, isObj, templateParts, type Obj } from '../../terraform/json';

/**
 * In Terraform's JSON syntax a string is a template: an argument that must be an expression (a validation or check
 * `condition`, `count`, a string `for_each`) has to be written as one `${...}` template. A bare string is a literal:
 * Terraform then refuses the configuration ("The condition expression must refer to at least one object") or,
 * worse, reads a constant. Mirrors the JSON syntax specification (hashicorp/hcl json/spec.md, "Expression
 * Evaluation") and Terraform's checks of validation conditions.
 */
export default defineRule({
  id: 'Terraform-ExpressionTemplate',
  appliesTo: ['*', 'variable', 'output', 'check'],
  check: (b) => verdict(expressionFields(b).flatMap(([path, value]) => judge(path, value))),
});

/** The fields of a block that Terraform evaluates as expressions, with their paths. */
function expressionFields(b: TfBlock): Array<[string, unknown]> {
  const conditions = (list: unknown, name: string): Array<[string, unknown]> =>
    (blocks(list) ?? []).map((c: Obj, i) => [`${name}[${i}].condition`, c.condition]);
  switch (b.kind) {
    case 'variable':
      return conditions(b.body.validation, 'validation');
    case 'output':
      return conditions(b.body.precondition, 'precondition');
    case 'check':
      return conditions(b.body.assert, 'assert');
    default: {
      const lifecycle = block(b.body.lifecycle) ?? {};
      return [
        ...conditions(lifecycle.precondition, 'lifecycle.precondition'),
        ...conditions(lifecycle.postcondition, 'lifecycle.postcondition'),
        ...(typeof b.body.count === 'string' ? [['count', b.body.count] as [string, unknown]] : []),
        ...(typeof b.body.for_each === 'string' ? [['for_each', b.body.for_each] as [string, unknown]] : []),
      ];
    }
  }
}

function judge(path: string, value: unknown): string[] {
  if (value === undefined || typeof value === 'boolean' || typeof value === 'number' || isObj(value)) return [];
  if (typeof value !== 'string') return [`'${path}' must be an expression written as "\${...}"`];
  const parts = templateParts(value);
  if (parts.length === 1 && parts[0].kind === 'expression' && value.trim().startsWith('${')) return [];
  const shown = value.length > 60 ? `${value.slice(0, 57)}...` : value;
  return parts.some((p) => p.kind === 'expression')
    ? [`'${path}' mixes literal text with expressions ("${shown}"): write the whole expression as one "\${...}"`]
    : [`'${path}' is the literal string "${shown}", not an expression: in JSON syntax write "\${${shown}}"`];
}
