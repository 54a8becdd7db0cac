import { defineRule, verdict } from '../rule';
import { requiredTogether } from '../terraform/config-validators';
import { AWS_ACCOUNT_SOURCE, REQUIRED_TOGETHER } from './aws-account-validators';

/**
 * The provider's RequiredTogether config validators for `datadog_integration_aws_account`: a role block needs its
 * role_name, a keys block both keys, a log tag filter its source and tags. Mirrors `ConfigValidators()` in
 * DataDog/terraform-provider-datadog v3.82.0 datadog/fwprovider/resource_datadog_integration_aws_account.go.
 */
export default defineRule({
  id: 'Datadog-AwsAccountRequiredTogether',
  appliesTo: ['datadog_integration_aws_account'],
  check: (b) =>
    verdict(
      REQUIRED_TOGETHER.flatMap((paths) => requiredTogether(b.body, paths)).map((p) => `${p} [${AWS_ACCOUNT_SOURCE}]`),
    ),
});
