import { keepaliveConfigSchema } from '../../src/keepalive/config';
import { parseConfig } from '../../src/config/load';
import { InputError } from '../../src/core/errors';

describe('stacks.keepalive config', () => {
  it('defaults to all four variants on the newest runtimes', () => {
    const k = keepaliveConfigSchema.parse({});
    expect(k.variants).toEqual(['python-on', 'python-off', 'node-on', 'node-off']);
    expect(k.pythonRuntime).toBe('python3.14');
    expect(k.nodeRuntime).toBe('nodejs24.x');
    expect(k).toMatchObject({
      memorySize: 128,
      timeoutSeconds: 10,
      logRetentionDays: 14,
      tableNameSuffix: 'keepalive-posts',
    });
  });

  function problems(section: string): string {
    try {
      parseConfig(`name: t\naws: { region: us-east-1 }\nstacks:\n  keepalive: ${section}\n`, 'cfg.yaml');
    } catch (err) {
      if (err instanceof InputError) return err.message;
      throw err;
    }
    throw new Error('expected the config to be rejected');
  }

  it('names a repeated variant and what is allowed', () => {
    expect(problems('{ variants: [python-on, python-on] }')).toBe(
      'cfg.yaml: stacks.keepalive.variants.1: variant python-on is listed twice (each of python-on, python-off, node-on, node-off at most once)',
    );
  });

  it('rejects unknown variants, unknown keys, empty selections and bad retention', () => {
    expect(problems('{ variants: [ruby-on] }')).toMatch(
      /stacks\.keepalive\.variants\.0: value not allowed \(one of "python-on"/,
    );
    expect(problems('{ memory: 256 }')).toMatch(/stacks\.keepalive: unknown key 'memory'/);
    expect(problems('{ variants: [] }')).toMatch(/stacks\.keepalive\.variants: name at least one variant/);
    expect(problems('{ logRetentionDays: 10 }')).toMatch(
      /stacks\.keepalive\.logRetentionDays: must be one of 1, 3, 5, 7, 14/,
    );
    expect(problems('{ pythonRuntime: python3.9 }')).toMatch(/one of "python3.14", "python3.13", "python3.12"/);
  });
});
