import { Construct } from 'constructs';
import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { S3BucketLifecycleConfiguration } from '@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration';
import { S3BucketOwnershipControls } from '@cdktf/provider-aws/lib/s3-bucket-ownership-controls';
import { S3BucketPolicy } from '@cdktf/provider-aws/lib/s3-bucket-policy';
import { S3BucketPublicAccessBlock } from '@cdktf/provider-aws/lib/s3-bucket-public-access-block';
import { S3BucketServerSideEncryptionConfigurationA } from '@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration';
import type { AwsPartition } from '../aws/partition';
import { elbLogDeliveryStatement } from '../aws/elb-log-delivery';
import { policyJson } from '../iam/policy-document';

export interface AlbLogBucketProps {
  /** Start of the bucket's name (lowercase letters, digits, dashes); S3 appends a unique suffix. */
  readonly namePrefix: string;
  /** The load balancer's region: decides who delivers its logs. */
  readonly region: string;
  /** The AWS partition of every ARN. */
  readonly partition: AwsPartition;
  /** The account ID (a Terraform reference): logs land under AWSLogs/<account>/. */
  readonly accountId: string;
  /** Days a log object is kept before S3 deletes it. */
  readonly retentionDays: number;
}

/**
 * The bucket an internet-facing ALB writes its access logs to: private (public access blocked, ACLs disabled),
 * encrypted with S3-managed keys (the only encryption ALB log delivery supports: "The only server-side encryption
 * option that's supported is Amazon S3-managed keys (SSE-S3)", enable-access-logging.html) with SSE-C blocked, objects
 * expiring after `retentionDays`, and a policy granting ELB exactly `s3:PutObject` under this account's prefix and
 * refusing plain-HTTP access. `terraform destroy` empties it (force_destroy): the logs go with the benchmark.
 */
export class AlbLogBucket extends Construct {
  public readonly bucket: S3Bucket;
  /** The ALB must wait for it: ELB checks that it may write when access logs are enabled. */
  public readonly policy: S3BucketPolicy;

  constructor(scope: Construct, id: string, props: AlbLogBucketProps) {
    super(scope, id);
    if (!/^[a-z0-9][a-z0-9-]*$/.test(props.namePrefix))
      throw new Error(`bucket name prefix '${props.namePrefix}' must be lowercase letters, digits and dashes`);
    if (!Number.isInteger(props.retentionDays) || props.retentionDays < 1)
      throw new Error(`retentionDays must be a whole number of days, at least 1 (got ${props.retentionDays})`);
    // bucket_prefix takes at most 37 characters.
    const prefix = `${props.namePrefix.slice(0, 27).replace(/-+$/, '')}-alb-logs-`;
    this.bucket = new S3Bucket(this, 'bucket', { bucketPrefix: prefix, forceDestroy: true });
    const bucket = this.bucket.id;
    new S3BucketPublicAccessBlock(this, 'public-access', {
      bucket,
      blockPublicAcls: true,
      blockPublicPolicy: true,
      ignorePublicAcls: true,
      restrictPublicBuckets: true,
    });
    new S3BucketOwnershipControls(this, 'ownership', { bucket, rule: { objectOwnership: 'BucketOwnerEnforced' } });
    new S3BucketServerSideEncryptionConfigurationA(this, 'encryption', {
      bucket,
      // S3 returns both fields; the provider we pin compares them as written (rule S3-EncryptionRuleExplicit).
      rule: [
        {
          applyServerSideEncryptionByDefault: { sseAlgorithm: 'AES256' },
          blockedEncryptionTypes: ['SSE-C'],
          bucketKeyEnabled: false,
        },
      ],
    });
    new S3BucketLifecycleConfiguration(this, 'lifecycle', {
      bucket,
      rule: [
        {
          id: 'expire-access-logs',
          status: 'Enabled',
          filter: [{ prefix: '' }],
          expiration: [{ days: props.retentionDays }],
          abortIncompleteMultipartUpload: [{ daysAfterInitiation: 1 }],
        },
      ],
    });
    this.policy = new S3BucketPolicy(this, 'policy', {
      bucket,
      policy: policyJson([
        elbLogDeliveryStatement(props.region, props.partition, `${this.bucket.arn}/AWSLogs/${props.accountId}`),
        {
          Sid: 'DenyPlainHttp',
          Effect: 'Deny',
          Principal: { AWS: '*' },
          Action: 's3:*',
          Resource: [this.bucket.arn, `${this.bucket.arn}/*`],
          Condition: { Bool: { 'aws:SecureTransport': 'false' } },
        },
      ]),
    });
  }
}
