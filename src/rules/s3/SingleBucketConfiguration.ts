import { defineRule, notApplicable, verdict } from '../rule';
import type { StackView, TfBlock } from '../../terraform/json';
import { reference, str } from '../../terraform/json';

/**
 * A bucket has at most one lifecycle, CORS, replication or notification configuration resource of each type.
 *
 * The provider's docs (website/docs/r/s3_bucket_lifecycle_configuration.html.markdown): "S3 Buckets only support a
 * single lifecycle configuration. Declaring multiple `aws_s3_bucket_lifecycle_configuration` resources to the same S3
 * bucket will cause a perpetual difference in configuration." The pages of `aws_s3_bucket_cors_configuration`,
 * `aws_s3_bucket_replication_configuration` and `aws_s3_bucket_notification` carry the same note for their types.
 */
export default defineRule({
  id: 'S3-SingleBucketConfiguration',
  appliesTo: [
    'aws_s3_bucket_lifecycle_configuration',
    'aws_s3_bucket_cors_configuration',
    'aws_s3_bucket_replication_configuration',
    'aws_s3_bucket_notification',
  ],
  check: (config, stack) => {
    const bucket = bucketKey(config, stack);
    if (bucket === undefined) return notApplicable;
    const others = stack
      .ofType(config.type)
      .filter((b) => b.address !== config.address && bucketKey(b, stack) === bucket)
      .map((b) => b.address);
    return verdict(
      others.length > 0 ? [`configures the same bucket as ${others.join(', ')}: each apply overwrites the other`] : [],
    );
  },
});

/** The bucket a configuration names: the address of a bucket in this stack, or the literal name. */
function bucketKey(config: TfBlock, stack: StackView): string | undefined {
  const target = stack.resolve(config.body.bucket, 'aws_s3_bucket');
  if (target) return target.address;
  return reference(config.body.bucket) === undefined ? str(config.body.bucket) : undefined;
}
