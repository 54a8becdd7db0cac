import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readTerraformOutputs } from '../../../packages/bench/src/common/terraform-outputs';
import { InputError } from '../../../src/core/errors';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'bench-tf-outputs-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

describe('reading Terraform outputs', () => {
  it('unwraps `terraform output -json` entries to their values', () => {
    const path = file(
      'wrapped.json',
      JSON.stringify({
        alb_dns_name: { sensitive: false, type: 'string', value: 'alb.example' },
        deployment_urls: { value: { tcp: 'http://x/' } },
      }),
    );
    expect(readTerraformOutputs(path)).toEqual({ alb_dns_name: 'alb.example', deployment_urls: { tcp: 'http://x/' } });
  });

  it('accepts a plain name -> value object', () => {
    expect(readTerraformOutputs(file('plain.json', '{"deployment_urls": {"tcp": "http://x/"}}'))).toEqual({
      deployment_urls: { tcp: 'http://x/' },
    });
  });

  it.each([
    ['missing.json', undefined, 'not found'],
    ['broken.json', '{"a": ', 'not JSON'],
    ['array.json', '[1, 2]', 'is not a JSON object of outputs'],
  ])('%s: input error naming the flag', (name, content, message) => {
    const path = content === undefined ? join(dir, name) : file(name, content);
    expect(() => readTerraformOutputs(path)).toThrow(InputError);
    expect(() => readTerraformOutputs(path)).toThrow(`--from-terraform: ${path}: ${message}`);
  });

  describe('from a stack folder', () => {
    // A stand-in for the Terraform CLI (CI machines need not have one): checks its arguments, answers from the
    // folder it runs in, and fails as Terraform does (a warning first, then the error).
    let terraform: string;
    beforeAll(() => {
      terraform = join(dir, 'fake-terraform');
      writeFileSync(
        terraform,
        [
          '#!/bin/sh',
          '[ "$*" = "output -no-color -json" ] || { echo "unexpected arguments: $*" >&2; exit 9; }',
          'if [ -f outputs.json ]; then cat outputs.json; exit 0; fi',
          'printf "Warning: Unable to open CLI configuration file\\n\\nError: Unsupported state file format\\n" >&2',
          'exit 1',
        ].join('\n'),
      );
      chmodSync(terraform, 0o755);
    });

    it('runs `terraform output -json` in the folder', () => {
      const stack = join(dir, 'applied');
      mkdirSync(stack);
      writeFileSync(
        join(stack, 'outputs.json'),
        JSON.stringify({
          deployment_urls: {
            sensitive: false,
            type: ['map', 'string'],
            value: { 'tcp-x86_64': 'http://alb.example/tcp-x86_64/' },
          },
        }),
      );
      expect(readTerraformOutputs(stack, { binary: terraform })).toEqual({
        deployment_urls: { 'tcp-x86_64': 'http://alb.example/tcp-x86_64/' },
      });
    });

    it("reports Terraform's error line, not the warning before it", () => {
      const stack = join(dir, 'broken');
      mkdirSync(stack);
      expect(() => readTerraformOutputs(stack, { binary: terraform })).toThrow(
        `--from-terraform: ${stack}: ${terraform} output -json failed: Error: Unsupported state file format`,
      );
    });

    it('says so when the CLI is not installed', () => {
      expect(() => readTerraformOutputs(dir, { binary: '/nonexistent/terraform', flag: '--stack' })).toThrow(
        `--stack: ${dir}: /nonexistent/terraform is not installed (install Terraform (or pass --terraform), or pass a JSON file of \`terraform output -json\`)`,
      );
    });
  });
});
