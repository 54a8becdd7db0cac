import { defineRule, notApplicable, verdict } from '../rule';
import { isObj, type Obj } from '../../terraform/json';
import type { BlockSchema } from './extract';
import { META_ARGUMENTS, describeProvider, schemaOf } from './schema-of';

/** Every attribute and nested block must exist in the provider schema; Terraform rejects unknown arguments. */
export default defineRule({
  id: 'Schema-UnknownAttribute',
  appliesTo: ['*'],
  check: (b, stack) => {
    const target = schemaOf(b, stack);
    if (!target?.fields) return notApplicable;
    const unknown = unknownFields(b.body, target.fields, '', true);
    return verdict(
      unknown.map((path) => `'${path}' is not an argument of ${b.type} in ${describeProvider(target.provider)}`),
    );
  },
});

function unknownFields(body: Obj, fields: BlockSchema, prefix: string, top: boolean): string[] {
  const out: string[] = [];
  for (const [key, value] of Object.entries(body)) {
    if (top && META_ARGUMENTS.has(key)) continue;
    if (key === 'dynamic' && isObj(value)) {
      for (const [name, dyn] of Object.entries(value)) {
        const field = fields[name];
        if (!field?.b) out.push(`${prefix}dynamic.${name}`);
        else if (isObj(dyn) && isObj(dyn.content))
          out.push(...unknownFields(dyn.content, field.b, `${prefix}${name}.`, false));
      }
      continue;
    }
    const field = fields[key];
    if (!field) {
      out.push(`${prefix}${key}`);
      continue;
    }
    if (!field.b) continue;
    const items = Array.isArray(value) ? value : [value];
    items.forEach((item, i) => {
      const at = Array.isArray(value) ? `${prefix}${key}[${i}].` : `${prefix}${key}.`;
      if (isObj(item)) out.push(...unknownFields(item, field.b!, at, false));
    });
  }
  return out;
}
