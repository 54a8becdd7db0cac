import { defineRule, verdict } from '../rule';
import { oneOf, regexMatches } from '../terraform/config-validators';
import { AWS_ACCOUNT_SOURCE, ONE_OF, REGEX_MATCHES } from './aws-account-validators';

/**
 * The attribute validators of `datadog_integration_aws_account`: aws_partition OneOf, and RegexMatches on
 * aws_account_id (12 digits), access_key_id and secret_access_key. Values known only at plan time are not judged.
 * Mirrors `Schema()` in DataDog/terraform-provider-datadog v3.82.0
 * datadog/fwprovider/resource_datadog_integration_aws_account.go.
 */
export default defineRule({
  id: 'Datadog-AwsAccountAttributeValues',
  appliesTo: ['datadog_integration_aws_account'],
  check: (b) =>
    verdict(
      [
        ...Object.entries(ONE_OF).flatMap(([path, allowed]) => oneOf(b.body, path, allowed)),
        ...REGEX_MATCHES.flatMap((r) => regexMatches(b.body, r.path, r.re, r.message)),
      ].map((p) => `${p} [${AWS_ACCOUNT_SOURCE}]`),
    ),
});
