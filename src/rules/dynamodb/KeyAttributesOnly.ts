import { defineRule, notApplicable, verdict } from '../rule';
import type { Obj } from '../../terraform/json';
import { blocks, str } from '../../terraform/json';

/**
 * A DynamoDB table declares as `attribute` only the hash and range keys of the table and of its indexes.
 *
 * The provider's docs (website/docs/r/dynamodb_table.html.markdown, "DynamoDB Table attributes"): "Only define
 * attributes on the table object that are going to be used as: Table hash key or range key, LSI or GSI hash key or
 * range key ... If you add attributes here that are not used in these scenarios it can cause an infinite loop in
 * planning."
 */
export default defineRule({
  id: 'DynamoDB-KeyAttributesOnly',
  appliesTo: ['aws_dynamodb_table'],
  check: (table) => {
    const attributes = blocks(table.body.attribute);
    const indexes = [
      ...(blocks(table.body.global_secondary_index) ?? []),
      ...(blocks(table.body.local_secondary_index) ?? []),
    ];
    const names = attributes?.map((a) => str(a.name));
    const keys = [table.body, ...indexes].flatMap((b: Obj) => [b.hash_key, b.range_key]);
    if (!names || names.includes(undefined) || keys.some((k) => k !== undefined && str(k) === undefined))
      return notApplicable;
    const keyNames = new Set(keys.map(str).filter((k) => k !== undefined));
    const unused = names.filter((n): n is string => n !== undefined && !keyNames.has(n));
    return verdict(unused.map((n) => `attribute ${n} is no key of the table or of an index: every plan adds it again`));
  },
});
