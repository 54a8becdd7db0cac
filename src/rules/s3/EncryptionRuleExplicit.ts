import { defineRule, notApplicable, verdict } from '../rule';
import { blocks } from '../../terraform/json';

/** Rule fields S3 now always returns, which the provider before v6.40.0 compares as written. */
const RETURNED_FIELDS = ['blocked_encryption_types', 'bucket_key_enabled'] as const;

/**
 * Every rule of a bucket's server-side encryption configuration states `blocked_encryption_types` and
 * `bucket_key_enabled`.
 *
 * S3 now blocks SSE-C by default on new general purpose buckets
 * (https://aws.amazon.com/blogs/storage/advanced-notice-amazon-s3-to-disable-the-use-of-sse-c-encryption-by-default-for-all-new-buckets-and-select-existing-buckets-in-april-2026/)
 * and returns the block in the bucket's encryption rule. The provider marked the rule's fields Optional and Computed
 * only in hashicorp/terraform-provider-aws#47359 ("Mark fields as _Optional_ and _Computed_ to prevent diffs once
 * SSE-C is disabled by default for all new GP buckets"); cloudposse/terraform-aws-cloudfront-s3-cdn#379: the argument
 * "first appears in 6.22.0, but only becomes Optional and Computed in 6.40.0; in between, leaving it unset yields a
 * perpetual diff once S3 starts disabling SSE-C on its own". Our stacks pin 6.25.0. The plan such a bucket gives
 * removes `blocked_encryption_types = ["SSE-C"]` and `bucket_key_enabled = false` on every run, and writing both as S3
 * returns them makes it "a no changes plan" (turnerlabs/terraform-remote-state#19). Written out, they hold steady on
 * every provider version from 6.22.0.
 */
export default defineRule({
  id: 'S3-EncryptionRuleExplicit',
  appliesTo: ['aws_s3_bucket_server_side_encryption_configuration'],
  check: (config) => {
    const rules = blocks(config.body.rule);
    if (!rules || rules.length === 0) return notApplicable;
    return verdict(
      rules.flatMap((r, i) => {
        const missing = RETURNED_FIELDS.filter((f) => r[f] === undefined || r[f] === null);
        return missing.length > 0 ? [`rule[${i}] leaves ${missing.join(' and ')} unset: S3 returns them`] : [];
      }),
    );
  },
});
