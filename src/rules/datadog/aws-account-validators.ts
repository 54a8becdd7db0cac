/**
 * The validators DataDog/terraform-provider-datadog v3.82.0 declares for `datadog_integration_aws_account`, in
 * datadog/fwprovider/resource_datadog_integration_aws_account.go (ConfigValidators() and the attribute Validators
 * of Schema()). Paths are written from the resource's root as in the provider's path.MatchRoot(...) expressions.
 */
export const AWS_ACCOUNT_SOURCE =
  'DataDog/terraform-provider-datadog v3.82.0 datadog/fwprovider/resource_datadog_integration_aws_account.go';

const role = 'auth_config.aws_auth_config_role';
const keys = 'auth_config.aws_auth_config_keys';
const tagFilters = 'logs_config.lambda_forwarder.log_source_config.tag_filters';

/** resourcevalidator.ExactlyOneOf(...) entries, in the provider's order. */
export const EXACTLY_ONE_OF: readonly (readonly string[])[] = [
  ['aws_regions'],
  [keys, role],
  ['logs_config'],
  ['logs_config.lambda_forwarder'],
  ['metrics_config.namespace_filters'],
  ['traces_config.xray_services'],
  ['resources_config'],
];

/** resourcevalidator.Conflicting(...) entries. */
export const CONFLICTING: readonly (readonly string[])[] = [
  ['aws_regions.include_all', 'aws_regions.include_only'],
  [keys, role],
  ['metrics_config.namespace_filters.include_only', 'metrics_config.namespace_filters.exclude_only'],
  ['traces_config.xray_services.include_all', 'traces_config.xray_services.include_only'],
];

/** resourcevalidator.RequiredTogether(...) entries (AtAnyListIndex() visits every tag filter). */
export const REQUIRED_TOGETHER: readonly (readonly string[])[] = [
  [role, `${role}.role_name`],
  [keys, `${keys}.access_key_id`, `${keys}.secret_access_key`],
  [tagFilters, `${tagFilters}.source`, `${tagFilters}.tags`],
];

/** Attribute validators of Schema(): stringvalidator.OneOf and RegexMatches. */
export const ONE_OF: Readonly<Record<string, readonly string[]>> = { aws_partition: ['aws', 'aws-cn', 'aws-us-gov'] };

export const REGEX_MATCHES: readonly { readonly path: string; readonly re: RegExp; readonly message: string }[] = [
  { path: 'aws_account_id', re: /^[0-9]{12}$/, message: 'invalid aws_account_id' },
  { path: `${keys}.access_key_id`, re: /^((?:AKIA)([A-Z0-9]{12,124}))$/, message: 'invalid access_key_id' },
  {
    path: `${keys}.secret_access_key`,
    re: /^\S+$/,
    message: 'secret_access_key must be non-empty and not contain whitespace',
  },
];
