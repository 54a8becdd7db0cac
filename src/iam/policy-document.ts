/**
 * IAM policy documents as literal JSON strings, so generated Terraform can be checked offline (no
 * aws_iam_policy_document data sources). Terraform references such as `${aws_sqs_queue.dlq.arn}` may appear
 * inside string values; Terraform interpolates them at apply time.
 */
export interface PolicyStatement {
  readonly Sid?: string;
  readonly Effect: 'Allow' | 'Deny';
  readonly Principal?: Record<string, string | string[]>;
  readonly Action: string | readonly string[];
  readonly Resource?: string | readonly string[];
  readonly Condition?: Record<string, Record<string, string | readonly string[] | boolean>>;
}

/** The character budget of one managed policy (IAM counts non-whitespace characters). */
export const MANAGED_POLICY_MAX_CHARS = 6144;

export function policyJson(statements: readonly PolicyStatement[]): string {
  // Indented so the HCL copy shows it as a readable heredoc; IAM ignores whitespace.
  return JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2);
}

/** Trust policy for an AWS service principal such as `lambda.amazonaws.com`. */
export function serviceTrustPolicy(service: string, conditions?: PolicyStatement['Condition']): string {
  return policyJson([
    {
      Effect: 'Allow',
      Principal: { Service: service },
      Action: 'sts:AssumeRole',
      ...(conditions ? { Condition: conditions } : {}),
    },
  ]);
}

/** IAM's own measure of a policy's size. */
export function policySize(json: string): number {
  return json.replace(/\s/g, '').length;
}
