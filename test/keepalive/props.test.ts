import { App, Testing } from 'cdktf';
import { StackwrightStack } from '../../src/core/stackwright-stack';
import { KeepaliveBenchmark } from '../../src/keepalive/keepalive-benchmark';
import { keepaliveBenchmarkProps } from '../../stacks/keepalive-props';
import { onlyResource, testConfig } from '../helpers/synth';

const section = (k: Record<string, unknown>) => {
  const config = testConfig({ keepalive: k });
  if (!config.stacks.keepalive) throw new Error('no keepalive section');
  return config.stacks.keepalive;
};

describe('keepalive config -> KeepaliveBenchmark props', () => {
  test('an empty section maps to every default, given explicitly', () => {
    expect(keepaliveBenchmarkProps(section({}))).toEqual({
      variants: ['python-on', 'python-off', 'node-on', 'node-off'],
      pythonRuntime: 'python3.14',
      nodeRuntime: 'nodejs24.x',
      architecture: 'x86_64',
      memorySize: 128,
      timeoutSeconds: 10,
      logRetentionDays: 14,
      tableNameSuffix: 'keepalive-posts',
      itemTtlHours: 24,
      deletionProtection: false,
    });
  });

  test('every configured value reaches its prop', () => {
    const k = {
      variants: ['node-off', 'python-on'],
      pythonRuntime: 'python3.12',
      nodeRuntime: 'nodejs20.x',
      architecture: 'arm64',
      memorySize: 512,
      timeoutSeconds: 30,
      logRetentionDays: 90,
      tableNameSuffix: 'posts',
      itemTtlHours: 2,
      deletionProtection: true,
    };
    expect(keepaliveBenchmarkProps(section(k))).toEqual(k);
  });
});

describe('KeepaliveBenchmark used without the config', () => {
  const stack = () =>
    new StackwrightStack(new App(), 'keepalive', { config: testConfig({ keepalive: {} }), description: 'test' });

  test('builds from its variants alone, with the documented defaults', () => {
    const s = stack();
    new KeepaliveBenchmark(s, 'benchmark', { variants: ['python-on'] });
    const json = JSON.parse(Testing.synth(s));
    const fn = onlyResource(json, 'aws_lambda_function');
    expect(fn).toMatchObject({ runtime: 'python3.14', memory_size: 128, timeout: 10, architectures: ['x86_64'] });
    expect(fn.environment.variables.ITEM_TTL_SECONDS).toBe('86400');
    expect(onlyResource(json, 'aws_cloudwatch_log_group').retention_in_days).toBe(14);
    expect(onlyResource(json, 'aws_dynamodb_table')).toMatchObject({
      name: 'test-keepalive-posts',
      deletion_protection_enabled: false,
    });
  });

  test('names the prop to change when the variants are empty or repeated', () => {
    expect(() => new KeepaliveBenchmark(stack(), 'benchmark', { variants: [] })).toThrow(
      'KeepaliveBenchmark: variants must name at least one variant',
    );
    expect(() => new KeepaliveBenchmark(stack(), 'benchmark', { variants: ['node-on', 'node-on'] })).toThrow(
      'KeepaliveBenchmark: variants name node-on twice; list each variant once',
    );
  });
});
