import EncryptionRuleExplicit from '../../src/rules/s3/EncryptionRuleExplicit';
import LifecycleFilterOrPrefix from '../../src/rules/s3/LifecycleFilterOrPrefix';
import SingleBucketConfiguration from '../../src/rules/s3/SingleBucketConfiguration';
import { judge, problems, tf } from './helpers';

// Each rule quotes its source in its header: the provider's s3_bucket_lifecycle_configuration page ("Declaring
// multiple ... resources to the same S3 bucket will cause a perpetual difference in configuration") and
// hashicorp/terraform-provider-aws#28770 (filter and prefix together "shows up as "permanent" drift").

const LIFECYCLE = 'aws_s3_bucket_lifecycle_configuration.logs';
const rule = (over: Record<string, unknown> = {}) => ({
  id: 'expire-access-logs',
  status: 'Enabled',
  expiration: [{ days: 7 }],
  filter: [{ prefix: '' }],
  ...over,
});
const lifecycle = (configs: Record<string, object>) =>
  tf({ aws_s3_bucket: { logs: { bucket_prefix: 'logs-' } }, aws_s3_bucket_lifecycle_configuration: configs });

describe('S3-SingleBucketConfiguration', () => {
  it('passes one lifecycle configuration per bucket', () => {
    const json = lifecycle({ logs: { bucket: '${aws_s3_bucket.logs.id}', rule: [rule()] } });
    expect(problems(SingleBucketConfiguration, json, LIFECYCLE)).toEqual([]);
  });
  it('fails two lifecycle configurations of the same bucket, by reference or by name', () => {
    const json = lifecycle({
      logs: { bucket: '${aws_s3_bucket.logs.id}', rule: [rule()] },
      more: { bucket: '${aws_s3_bucket.logs.bucket}', rule: [rule({ id: 'other' })] },
    });
    expect(problems(SingleBucketConfiguration, json, LIFECYCLE)).toEqual([
      'configures the same bucket as aws_s3_bucket_lifecycle_configuration.more: each apply overwrites the other',
    ]);
    const byName = lifecycle({ logs: { bucket: 'b1', rule: [rule()] }, again: { bucket: 'b1', rule: [rule()] } });
    expect(problems(SingleBucketConfiguration, byName, LIFECYCLE)).toHaveLength(1);
  });
});

describe('S3-LifecycleFilterOrPrefix', () => {
  it('passes a rule with a filter only, and one with the deprecated prefix only', () => {
    expect(problems(LifecycleFilterOrPrefix, lifecycle({ logs: { bucket: 'b1', rule: [rule()] } }), LIFECYCLE)).toEqual(
      [],
    );
    const prefixOnly = rule({ filter: undefined, prefix: 'logs/' });
    expect(
      problems(LifecycleFilterOrPrefix, lifecycle({ logs: { bucket: 'b1', rule: [prefixOnly] } }), LIFECYCLE),
    ).toEqual([]);
  });
  it('fails a rule that sets both', () => {
    const json = lifecycle({ logs: { bucket: 'b1', rule: [rule({ prefix: 'logs/' })] } });
    expect(problems(LifecycleFilterOrPrefix, json, LIFECYCLE)).toEqual([
      'rule expire-access-logs sets both filter and prefix: the prefix is dropped and every plan adds it',
    ]);
  });
});

// hashicorp/terraform-provider-aws#47359 made the rule's fields Optional and Computed "to prevent diffs once SSE-C is
// disabled by default for all new GP buckets"; before it (our pinned 6.25.0) an unset field differs from what S3
// returns on every plan (turnerlabs/terraform-remote-state#19 shows the plan and the fix: write both).
describe('S3-EncryptionRuleExplicit', () => {
  const ENCRYPTION = 'aws_s3_bucket_server_side_encryption_configuration.logs';
  const encryption = (rule: Record<string, unknown>) =>
    tf({
      aws_s3_bucket_server_side_encryption_configuration: {
        logs: {
          bucket: 'b1',
          rule: [{ apply_server_side_encryption_by_default: { sse_algorithm: 'AES256' }, ...rule }],
        },
      },
    });
  it('passes a rule that writes blocked_encryption_types and bucket_key_enabled as S3 returns them', () => {
    const json = encryption({ blocked_encryption_types: ['SSE-C'], bucket_key_enabled: false });
    expect(problems(EncryptionRuleExplicit, json, ENCRYPTION)).toEqual([]);
  });
  it('fails a rule that leaves either unset', () => {
    expect(problems(EncryptionRuleExplicit, encryption({}), ENCRYPTION)).toEqual([
      'rule[0] leaves blocked_encryption_types and bucket_key_enabled unset: S3 returns them',
    ]);
    expect(problems(EncryptionRuleExplicit, encryption({ blocked_encryption_types: ['SSE-C'] }), ENCRYPTION)).toEqual([
      'rule[0] leaves bucket_key_enabled unset: S3 returns them',
    ]);
  });
  it('is not applicable when the rules come from an expression', () => {
    const json = tf({
      aws_s3_bucket_server_side_encryption_configuration: { logs: { bucket: 'b1', rule: '${var.rules}' } },
    });
    expect(judge(EncryptionRuleExplicit, json, ENCRYPTION).compliance).toBe('not-applicable');
  });
});
