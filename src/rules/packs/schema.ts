import type { RulePack } from '../pack';
import MissingRequiredAttribute from '../schema/MissingRequiredAttribute';
import UnknownAttribute from '../schema/UnknownAttribute';
import UnknownResourceType from '../schema/UnknownResourceType';

/** What `terraform validate` would check, offline: the provider schema shipped in the cdktf bindings. */
export const schemaPack: RulePack = {
  name: 'schema',
  description: 'Resources against the provider schema (terraform validate, offline)',
  entries: [
    {
      rule: UnknownResourceType,
      message: 'Unknown resource type',
      fix: 'Correct the type name or the provider version.',
    },
    {
      rule: UnknownAttribute,
      message: 'Unknown argument',
      fix: 'Remove it or correct its name (see the provider documentation).',
    },
    { rule: MissingRequiredAttribute, message: 'Required argument missing', fix: 'Set it.' },
  ],
};
