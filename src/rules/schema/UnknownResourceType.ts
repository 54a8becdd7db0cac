import { defineRule, notApplicable, verdict } from '../rule';
import { describeProvider, schemaOf } from './schema-of';

/** Every resource and data source type must exist in its provider's schema (a typo fails `terraform init`/plan). */
export default defineRule({
  id: 'Schema-UnknownResourceType',
  appliesTo: ['*'],
  check: (b, stack) => {
    const target = schemaOf(b, stack);
    if (!target) return notApplicable;
    const kind = b.kind === 'data' ? 'data source' : 'resource';
    return verdict(target.fields ? [] : [`${b.type} is not a ${kind} type of ${describeProvider(target.provider)}`]);
  },
});
