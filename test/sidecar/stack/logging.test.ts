import { checkStacks } from '../../../src/rules/index';
import { ELB_ACCOUNT_BY_REGION, ELB_LOG_DELIVERY_SERVICE } from '../../../src/aws/elb-log-delivery';
import { resourcesOf } from '../../helpers/synth';
import { addressAt, ref, resourceAt, synthSidecar } from './helpers';
import type { Json } from '../../helpers/json';

const existing = {
  type: 'existing',
  vpcId: 'vpc-0a1b2c3d',
  albSubnetIds: ['subnet-0000000a', 'subnet-0000000b'],
  taskSubnetIds: ['subnet-0000000c'],
};

describe('sidecar VPC flow logs (CKV2_AWS_11, cdk-nag VPC7)', () => {
  it('the created VPC logs all its traffic to a log group kept as long as the task logs', async () => {
    const { json } = await synthSidecar({ logRetentionDays: 14 });
    expect(resourceAt(json, 'aws_flow_log', 'network/flow-log')).toMatchObject({
      vpc_id: ref(json, 'aws_vpc', 'network/vpc', 'id'),
      traffic_type: 'ALL',
      log_destination_type: 'cloud-watch-logs',
      log_destination: ref(json, 'aws_cloudwatch_log_group', 'network/flow-logs', 'arn'),
    });
    expect(resourceAt(json, 'aws_cloudwatch_log_group', 'network/flow-logs').retention_in_days).toBe(14);
    const findings = checkStacks([{ stack: 'sidecar', json }]).findings.filter((f) => f.ruleId === 'VPC-FlowLogs');
    expect(findings).toEqual([]);
  });

  it('an existing VPC is left as it is: no flow log of ours', async () => {
    const { json } = await synthSidecar({ network: existing });
    expect(resourcesOf(json, 'aws_flow_log')).toEqual({});
  });
});

describe('ALB access logs (CKV_AWS_91, cdk-nag ELB2)', () => {
  let json: Json;
  beforeAll(async () => {
    json = (await synthSidecar({ logRetentionDays: 30 })).json;
  });
  const policy = (j: Json) => JSON.parse(resourceAt(j, 'aws_s3_bucket_policy', 'alb-logs/policy').policy);

  it('the ALB logs to its bucket, once the bucket policy lets ELB write there', () => {
    const alb = resourceAt(json, 'aws_lb', 'alb/alb');
    expect(alb.access_logs).toEqual({ bucket: ref(json, 'aws_s3_bucket', 'alb-logs/bucket', 'id'), enabled: true });
    expect(alb.depends_on).toEqual([addressAt(json, 'aws_s3_bucket_policy', 'alb-logs/policy')]);
  });

  it('the bucket is private, SSE-S3 encrypted (SSE-C blocked), owner-enforced, and expires logs after the retention', () => {
    const bucket = ref(json, 'aws_s3_bucket', 'alb-logs/bucket', 'id');
    expect(resourceAt(json, 'aws_s3_bucket', 'alb-logs/bucket')).toMatchObject({ force_destroy: true });
    expect(resourceAt(json, 'aws_s3_bucket', 'alb-logs/bucket').bucket_prefix.length).toBeLessThanOrEqual(37);
    expect(resourceAt(json, 'aws_s3_bucket_public_access_block', 'alb-logs/public-access')).toMatchObject({
      bucket,
      block_public_acls: true,
      block_public_policy: true,
      ignore_public_acls: true,
      restrict_public_buckets: true,
    });
    expect(resourceAt(json, 'aws_s3_bucket_server_side_encryption_configuration', 'alb-logs/encryption').rule).toEqual([
      {
        apply_server_side_encryption_by_default: { sse_algorithm: 'AES256' },
        // As S3 returns them on a new bucket: unset, the pinned provider shows a diff on every plan (rule
        // S3-EncryptionRuleExplicit cites hashicorp/terraform-provider-aws#47359).
        blocked_encryption_types: ['SSE-C'],
        bucket_key_enabled: false,
      },
    ]);
    const lifecycle = resourceAt(json, 'aws_s3_bucket_lifecycle_configuration', 'alb-logs/lifecycle');
    expect(lifecycle.rule[0]).toMatchObject({ status: 'Enabled', expiration: [{ days: 30 }] });
  });

  it("grants the region's ELB account PutObject under this account's AWSLogs prefix only (us-east-1)", () => {
    const [write, deny] = policy(json).Statement;
    expect(write).toEqual({
      Sid: 'ElbAccessLogDelivery',
      Effect: 'Allow',
      Principal: { AWS: 'arn:aws:iam::127311923021:root' },
      Action: 's3:PutObject',
      Resource: `\${aws_s3_bucket.${addressAt(json, 'aws_s3_bucket', 'alb-logs/bucket').split('.')[1]}.arn}/AWSLogs/\${data.aws_caller_identity.caller.account_id}/*`,
    });
    expect(deny).toMatchObject({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } });
  });

  it('uses the log delivery service principal in regions without an ELB account, the GovCloud account there', async () => {
    const uae = (await synthSidecar({}, { aws: { region: 'me-central-1' } })).json;
    expect(ELB_ACCOUNT_BY_REGION['me-central-1']).toBeUndefined();
    expect(policy(uae).Statement[0].Principal).toEqual({ Service: ELB_LOG_DELIVERY_SERVICE });
    const gov = (await synthSidecar({}, { aws: { region: 'us-gov-west-1', partition: 'aws-us-gov' } })).json;
    expect(policy(gov).Statement[0].Principal).toEqual({ AWS: 'arn:aws-us-gov:iam::048591011584:root' });
  });

  it('passes the ELB-AccessLogs rule', () => {
    const findings = checkStacks([{ stack: 'sidecar', json }]).findings.filter((f) => f.ruleId === 'ELB-AccessLogs');
    expect(findings).toEqual([]);
  });
});
