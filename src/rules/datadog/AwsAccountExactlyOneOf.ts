import { defineRule, verdict } from '../rule';
import { exactlyOneOf } from '../terraform/config-validators';
import { AWS_ACCOUNT_SOURCE, EXACTLY_ONE_OF } from './aws-account-validators';

/**
 * The provider's ExactlyOneOf config validators for `datadog_integration_aws_account`: a single path means the
 * block is required (it may be empty: `namespace_filters {}` takes Datadog's default exclusions). Terraform plan
 * fails with "Invalid Attribute Combination" otherwise. Mirrors `ConfigValidators()` in
 * DataDog/terraform-provider-datadog v3.82.0 datadog/fwprovider/resource_datadog_integration_aws_account.go.
 */
export default defineRule({
  id: 'Datadog-AwsAccountExactlyOneOf',
  appliesTo: ['datadog_integration_aws_account'],
  check: (b) =>
    verdict(EXACTLY_ONE_OF.flatMap((paths) => exactlyOneOf(b.body, paths)).map((p) => `${p} [${AWS_ACCOUNT_SOURCE}]`)),
});
