import { createHash } from 'node:crypto';
import { strFromU8, unzipSync } from 'fflate';
import { onlyResource, resourcesOf } from '../helpers/synth';
import { functionCode } from '../../src/keepalive/function-code';
import { synthKeepalive, variantResource } from './helpers';
import type { Json } from '../helpers/json';

const VARIANTS = ['python-on', 'python-off', 'node-on', 'node-off'];

describe('keepalive stack', () => {
  let stack: Awaited<ReturnType<typeof synthKeepalive>>;
  let json: Json;
  beforeAll(async () => {
    stack = await synthKeepalive();
    json = stack.json;
  });

  it('creates an on-demand, encrypted table with point-in-time recovery, keyed userId + postId', () => {
    const table = onlyResource(json, 'aws_dynamodb_table');
    expect(table).toMatchObject({
      name: 'test-keepalive-posts',
      billing_mode: 'PAY_PER_REQUEST',
      hash_key: 'userId',
      range_key: 'postId',
      server_side_encryption: { enabled: true },
      point_in_time_recovery: { enabled: true },
      ttl: { attribute_name: 'expiresAt', enabled: true },
    });
    expect(table.attribute).toEqual([
      { name: 'userId', type: 'S' },
      { name: 'postId', type: 'S' },
    ]);
    expect(table.read_capacity).toBeUndefined();
  });

  it('creates one function per variant on the newest runtimes, with the right handler', () => {
    const fns = Object.values(resourcesOf(json, 'aws_lambda_function'));
    expect(fns.map((f: Json) => f.function_name)).toEqual(VARIANTS.map((v) => `test-keepalive-${v}`));
    for (const v of VARIANTS) {
      const fn = variantResource(json, 'aws_lambda_function', v, 'function');
      const python = v.startsWith('python');
      expect(fn.runtime).toBe(python ? 'python3.14' : 'nodejs24.x');
      expect(fn.handler).toBe(python ? 'handler.handler' : 'index.handler');
      expect(fn.filename).toBe(`\${path.module}/assets/keepalive-${v}.zip`);
      expect(fn.environment.variables).toEqual({
        TABLE_NAME: '${aws_dynamodb_table.benchmark_table.name}',
        ITEM_TTL_SECONDS: '86400',
      });
      expect(fn.logging_config.log_group).toBe(
        `\${aws_cloudwatch_log_group.benchmark_${v.replace('-', '_')}_logs.name}`,
      );
    }
  });

  it('puts every function behind an AWS_IAM function URL', () => {
    const urls = Object.values(resourcesOf(json, 'aws_lambda_function_url')) as Json[];
    expect(urls).toHaveLength(4);
    for (const u of urls) expect(u.authorization_type).toBe('AWS_IAM');
    expect(resourcesOf(json, 'aws_lambda_permission')).toEqual({});
  });

  it('gives every function its own log group with retention and its own role', () => {
    const groups = Object.values(resourcesOf(json, 'aws_cloudwatch_log_group')) as Json[];
    expect(groups.map((g) => [g.name, g.retention_in_days])).toEqual(
      VARIANTS.map((v) => [`/aws/lambda/test-keepalive-${v}`, 14]),
    );
    const roles = Object.values(resourcesOf(json, 'aws_iam_role')) as Json[];
    expect(new Set(roles.map((r) => r.name)).size).toBe(4);
    for (const v of VARIANTS) {
      const fn = variantResource(json, 'aws_lambda_function', v, 'function');
      const role = variantResource(json, 'aws_iam_role', v, 'role');
      expect(fn.role).toBe(`\${aws_iam_role.${role['//'].metadata.uniqueId}.arn}`);
      expect(JSON.parse(role.assume_role_policy).Statement).toEqual([
        { Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' },
      ]);
      const policy = variantResource(json, 'aws_iam_role_policy', v, 'policy');
      expect(policy.role).toBe(`\${aws_iam_role.${role['//'].metadata.uniqueId}.id}`);
      const logGroup = variantResource(json, 'aws_cloudwatch_log_group', v, 'logs');
      expect(policy.policy).toContain(`\${aws_cloudwatch_log_group.${logGroup['//'].metadata.uniqueId}.arn}:*`);
    }
  });

  it('outputs the URLs and names per variant and the table name', () => {
    expect(Object.keys(json.output)).toEqual([
      'function_urls',
      'function_names',
      'table_name',
      'bench_invoke_policy_arn',
    ]);
    expect(Object.keys(json.output.function_urls.value)).toEqual(VARIANTS);
    expect(json.output.function_urls.value['node-off']).toMatch(/^\$\{aws_lambda_function_url\..*\.function_url\}$/);
    expect(json.output.table_name.value).toBe('${aws_dynamodb_table.benchmark_table.name}');
  });

  it('packages each rendered template alone in its zip, with a matching source_code_hash', () => {
    for (const v of VARIANTS) {
      const zip = stack.files.get(`assets/keepalive-${v}.zip`) as Uint8Array;
      const entries = unzipSync(zip);
      const expected = functionCode(v as never).files;
      expect(Object.keys(entries)).toEqual(expected.map((f) => f.path));
      expect(strFromU8(entries[expected[0].path])).toBe(expected[0].contents);
      const fn = variantResource(json, 'aws_lambda_function', v, 'function');
      expect(fn.source_code_hash).toBe(createHash('sha256').update(zip).digest('base64'));
    }
    const hashes = VARIANTS.map((v) => variantResource(json, 'aws_lambda_function', v, 'function').source_code_hash);
    expect(new Set(hashes).size).toBe(4);
  });

  it('is byte-for-byte the same when synthesized again', async () => {
    const again = await synthKeepalive();
    expect([...again.files.keys()]).toEqual([...stack.files.keys()]);
    for (const [path, contents] of stack.files)
      expect(Buffer.from(again.files.get(path) as never)).toEqual(Buffer.from(contents as never));
  });

  it('only creates the selected variants, with the configured runtime and settings', async () => {
    const { json: j, files } = await synthKeepalive({
      variants: ['node-off', 'python-on'],
      pythonRuntime: 'python3.13',
      architecture: 'arm64',
      memorySize: 512,
      logRetentionDays: 30,
    });
    const fns = Object.values(resourcesOf(j, 'aws_lambda_function')) as Json[];
    expect(fns.map((f) => [f.function_name, f.runtime, f.architectures, f.memory_size])).toEqual([
      ['test-keepalive-node-off', 'nodejs24.x', ['arm64'], 512],
      ['test-keepalive-python-on', 'python3.13', ['arm64'], 512],
    ]);
    expect([...files.keys()].filter((p) => p.startsWith('assets/'))).toEqual([
      'assets/keepalive-node-off.zip',
      'assets/keepalive-python-on.zip',
    ]);
    for (const g of Object.values(resourcesOf(j, 'aws_cloudwatch_log_group')) as Json[])
      expect(g.retention_in_days).toBe(30);
  });

  it('writes a README section on running the benchmark and the botocore version', () => {
    const readme = String(stack.files.get('README.md'));
    expect(readme).toContain('## Keep-alive benchmark');
    expect(readme).toContain('stackwright bench lambda --from-terraform');
    expect(readme).toContain('botocore >= 1.27.84');
  });
});
