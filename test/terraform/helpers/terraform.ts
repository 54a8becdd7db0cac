import { schemaFor } from '../../../src/rules/schema/provider-schema';

export * from '../../../src/terraform/plan/setup';

/** The hashicorp/aws version generated/ pins (the one the cdktf bindings come from): used without a mirror. */
export function boundAwsVersion(): string {
  const version = schemaFor('aws')?.version;
  if (!version) throw new Error('no schema for hashicorp/aws: run npx tsx scripts/extract-provider-schemas.ts');
  return version;
}
