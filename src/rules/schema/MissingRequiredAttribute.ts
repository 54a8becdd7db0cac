import { defineRule, notApplicable, verdict } from '../rule';
import { isObj, type Obj } from '../../terraform/json';
import type { BlockSchema } from './extract';
import { describeProvider, schemaOf } from './schema-of';

/** Every required attribute and block must be set, at the top level and inside the blocks that are present. */
export default defineRule({
  id: 'Schema-MissingRequiredAttribute',
  appliesTo: ['*'],
  check: (b, stack) => {
    const target = schemaOf(b, stack);
    if (!target?.fields) return notApplicable;
    const missing = missingFields(b.body, target.fields, '');
    return verdict(missing.map((path) => `'${path}' is required by ${b.type} in ${describeProvider(target.provider)}`));
  },
});

function missingFields(body: Obj, fields: BlockSchema, prefix: string): string[] {
  const dynamic = isObj(body.dynamic) ? body.dynamic : {};
  const out: string[] = [];
  for (const [name, field] of Object.entries(fields)) {
    const value = body[name];
    if (value === undefined || value === null) {
      if (field.r && dynamic[name] === undefined) out.push(`${prefix}${name}`);
      continue;
    }
    if (!field.b) continue;
    const items = Array.isArray(value) ? value : [value];
    items.forEach((item, i) => {
      const at = Array.isArray(value) ? `${prefix}${name}[${i}].` : `${prefix}${name}.`;
      if (isObj(item)) out.push(...missingFields(item, field.b!, at));
    });
  }
  return out;
}
