import type { PolicyStatement } from '../iam/policy-document';

/**
 * Who writes an Application Load Balancer's access logs into its bucket, by region, as AWS's ALB guide documents it
 * ("Enable access logs for your Application Load Balancer", Attach a policy to your S3 bucket;
 * https://docs.aws.amazon.com/elasticloadbalancing/latest/application/enable-access-logging.html, read from
 * awsdocs/elb-application-load-balancers-user-guide doc_source/enable-access-logging.md): "For the Regions in the
 * list below, use the following policy, which grants permissions to the specified Elastic Load Balancing account
 * ID" (Principal `arn:aws:iam::elb-account-id:root`), and "For the Regions that do not appear in the list above, such
 * as Middle East (UAE), use the following policy, which grants permissions to the specified log delivery service"
 * (Principal Service `logdelivery.elasticloadbalancing.amazonaws.com`). Both grant `s3:PutObject` on
 * `arn:aws:s3:::bucket-name/prefix/AWSLogs/your-aws-account-id/*`.
 */
export const ELB_ACCOUNT_BY_REGION: Readonly<Record<string, string>> = {
  'us-east-1': '127311923021',
  'us-east-2': '033677994240',
  'us-west-1': '027434742980',
  'us-west-2': '797873946194',
  'af-south-1': '098369216593',
  'ca-central-1': '985666609251',
  'eu-central-1': '054676820928',
  'eu-west-1': '156460612806',
  'eu-west-2': '652711504416',
  'eu-south-1': '635631232127',
  'eu-west-3': '009996457667',
  'eu-north-1': '897822967062',
  'ap-east-1': '754344448648',
  'ap-northeast-1': '582318560864',
  'ap-northeast-2': '600734575887',
  'ap-northeast-3': '383597477331',
  'ap-southeast-1': '114774131450',
  'ap-southeast-2': '783225319266',
  'ap-south-1': '718504428378',
  'me-south-1': '076674570225',
  'sa-east-1': '507241528517',
  'us-gov-west-1': '048591011584',
  'us-gov-east-1': '190560391635',
};

/** The documented log delivery principal of newer regions. */
export const ELB_LOG_DELIVERY_SERVICE = 'logdelivery.elasticloadbalancing.amazonaws.com';

/** The bucket policy statement that lets ELB write a region's ALB access logs under `objectArnPrefix` (…/AWSLogs/<account>). */
export function elbLogDeliveryStatement(region: string, partition: string, objectArnPrefix: string): PolicyStatement {
  const account = ELB_ACCOUNT_BY_REGION[region];
  return {
    Sid: 'ElbAccessLogDelivery',
    Effect: 'Allow',
    Principal: account ? { AWS: `arn:${partition}:iam::${account}:root` } : { Service: ELB_LOG_DELIVERY_SERVICE },
    Action: 's3:PutObject',
    Resource: `${objectArnPrefix}/*`,
  };
}
