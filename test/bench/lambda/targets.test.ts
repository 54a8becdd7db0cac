import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError } from '../../../src/core/errors';
import { checkTargets, targetsFromFlags, targetsFromTerraform } from '../../../packages/bench/src/lambda/targets';

const URL_ON = 'https://abcdefghijklmnopqrstuvwxyz012345.lambda-url.eu-west-1.on.aws/';
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'bench-lambda-targets-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function inputError(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    if (err instanceof InputError) return err.message;
    throw err;
  }
  throw new Error('expected an InputError');
}

describe('--url name=URL', () => {
  it('takes the signing region from the function URL host', () => {
    const [t] = targetsFromFlags([`python-on=${URL_ON}`], 'us-east-1');
    expect({ name: t.name, url: t.url.toString(), region: t.region }).toEqual({
      name: 'python-on',
      url: URL_ON,
      region: 'eu-west-1',
    });
  });

  it('falls back to the given region for other hosts, and allows plain http only on loopback', () => {
    expect(targetsFromFlags(['local=http://127.0.0.1:8080/'], 'us-east-2')[0].region).toBe('us-east-2');
    expect(inputError(() => targetsFromFlags(['local=http://127.0.0.1:8080/'], undefined))).toBe(
      "--url: local: cannot tell the region from host '127.0.0.1' (pass --region or set AWS_REGION)",
    );
    expect(inputError(() => targetsFromFlags(['x=http://example.com/'], 'us-east-1'))).toMatch(/URL must use https/);
  });

  it('explains malformed flags', () => {
    expect(inputError(() => targetsFromFlags([URL_ON], 'us-east-1'))).toMatch(/^--url: https:.*: expected name=URL/);
    expect(inputError(() => targetsFromFlags(['a b=https://x.lambda-url.us-east-1.on.aws/'], undefined))).toMatch(
      /invalid function name/,
    );
    expect(inputError(() => targetsFromFlags(['a=not a url'], 'us-east-1'))).toMatch(/not a URL/);
    expect(inputError(() => targetsFromFlags(['a=https://user:pw@x.lambda-url.us-east-1.on.aws/'], undefined))).toMatch(
      /must not contain credentials/,
    );
  });
});

describe('--from-terraform', () => {
  it('reads `terraform output -json` saved to a file', () => {
    const file = join(dir, 'outputs.json');
    writeFileSync(
      file,
      JSON.stringify({
        function_urls: {
          sensitive: false,
          type: ['object', {}],
          value: { 'python-on': URL_ON, 'node-off': URL_ON.replace('abc', 'xyz') },
        },
        table_name: { sensitive: false, type: 'string', value: 'demo-keepalive-posts' },
      }),
    );
    expect(targetsFromTerraform(file, undefined).map((t) => t.name)).toEqual(['python-on', 'node-off']);
  });

  it('also reads a plain { function_urls: { name: url } } file', () => {
    const file = join(dir, 'plain.json');
    writeFileSync(file, JSON.stringify({ function_urls: { 'node-on': URL_ON } }));
    expect(targetsFromTerraform(file, undefined).map((t) => [t.name, t.region])).toEqual([['node-on', 'eu-west-1']]);
  });

  it('explains missing files, bad JSON and missing outputs', () => {
    expect(inputError(() => targetsFromTerraform(join(dir, 'nope.json'), undefined))).toMatch(/nope\.json: not found/);
    writeFileSync(join(dir, 'bad.json'), '{');
    expect(inputError(() => targetsFromTerraform(join(dir, 'bad.json'), undefined))).toMatch(/not JSON/);
    writeFileSync(join(dir, 'empty.json'), '{}');
    expect(inputError(() => targetsFromTerraform(join(dir, 'empty.json'), undefined))).toMatch(
      /no 'function_urls' output with at least one URL/,
    );
  });

  it('reports a folder without Terraform state as bad input', () => {
    const empty = mkdtempSync(join(dir, 'stack-'));
    expect(inputError(() => targetsFromTerraform(empty, 'us-east-1'))).toMatch(/^--from-terraform: .*stack-/);
  });
});

describe('checkTargets', () => {
  it('needs at least one function and unique names', () => {
    expect(inputError(() => checkTargets([]))).toMatch(/no functions to call/);
    const twice = targetsFromFlags([`a=${URL_ON}`, `a=${URL_ON}`], undefined);
    expect(inputError(() => checkTargets(twice))).toMatch(/a: function name given twice/);
  });
});
