import { defineRule, verdict } from '../rule';
import { META_ARGUMENTS } from '../schema/schema-of';

/**
 * Types whose every attribute is computed: setting any argument fails validation ("Invalid Configuration for
 * Read-Only Attribute"). Mirrors the Schema() of each, DataDog/terraform-provider-datadog v3.82.0:
 */
const COMPUTED_ONLY: Readonly<Record<string, string>> = {
  datadog_integration_aws_external_id: 'datadog/fwprovider/resource_datadog_integration_aws_external_id.go',
  'data.datadog_integration_aws_iam_permissions':
    'datadog/fwprovider/data_source_datadog_integration_aws_iam_permissions.go',
  'data.datadog_integration_aws_iam_permissions_standard':
    'datadog/fwprovider/data_source_datadog_integration_aws_iam_permissions_standard.go',
};

/** The external-ID resource and the IAM permission data sources take no arguments at all (id is computed too). */
export default defineRule({
  id: 'Datadog-ComputedOnly',
  appliesTo: Object.keys(COMPUTED_ONLY),
  check: (b) => {
    const file = COMPUTED_ONLY[b.kind === 'data' ? `data.${b.type}` : b.type];
    const set = Object.keys(b.body).filter((k) => !META_ARGUMENTS.has(k));
    return verdict(
      set.map(
        (k) =>
          `'${k}' is computed by the provider and cannot be set [DataDog/terraform-provider-datadog v3.82.0 ${file}]`,
      ),
    );
  },
});
