import type { StackView, TfBlock } from '../../terraform/json';
import { isObj, str } from '../../terraform/json';
import type { BlockSchema, ProviderSchema } from './extract';
import { schemaFor } from './provider-schema';

/** Terraform's meta-arguments and cdktf's `//` metadata: valid on every resource and data source. */
export const META_ARGUMENTS = new Set([
  'count',
  'for_each',
  'depends_on',
  'provider',
  'lifecycle',
  'provisioner',
  'connection',
  '//',
]);

export interface SchemaTarget {
  readonly provider: ProviderSchema;
  /** The type's fields, or undefined when the provider has no such type. */
  readonly fields: BlockSchema | undefined;
}

/**
 * The provider schema a block is checked against: the provider named by its `provider` meta-argument or by its
 * type's prefix, looked up in `terraform.required_providers`. Undefined for providers no installed package binds.
 */
export function schemaOf(b: TfBlock, stack: StackView): SchemaTarget | undefined {
  const local = (str(b.body.provider) ?? b.type).split(/[._]/)[0];
  const terraform = isObj(stack.json.terraform) ? stack.json.terraform : {};
  const required = isObj(terraform.required_providers) ? terraform.required_providers[local] : undefined;
  const source = (isObj(required) ? str(required.source) : undefined) ?? local;
  const provider = schemaFor(source);
  if (!provider) return undefined;
  return { provider, fields: (b.kind === 'data' ? provider.data : provider.resource)[b.type] };
}

export function describeProvider(p: ProviderSchema): string {
  return `${p.source} ${p.version}`;
}
