import { defineRule, verdict } from '../rule';
import { conflicting } from '../terraform/config-validators';
import { AWS_ACCOUNT_SOURCE, CONFLICTING } from './aws-account-validators';

/**
 * The provider's Conflicting config validators for `datadog_integration_aws_account` (include_all vs include_only,
 * keys vs role, include_only vs exclude_only). Mirrors `ConfigValidators()` in DataDog/terraform-provider-datadog
 * v3.82.0 datadog/fwprovider/resource_datadog_integration_aws_account.go.
 */
export default defineRule({
  id: 'Datadog-AwsAccountConflicting',
  appliesTo: ['datadog_integration_aws_account'],
  check: (b) =>
    verdict(CONFLICTING.flatMap((paths) => conflicting(b.body, paths)).map((p) => `${p} [${AWS_ACCOUNT_SOURCE}]`)),
});
