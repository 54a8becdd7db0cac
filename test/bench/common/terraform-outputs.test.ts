import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readTerraformOutputs } from '../../../src/bench/common/terraform-outputs';
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
    const path = file('wrapped.json', JSON.stringify({ alb_dns_name: { sensitive: false, type: 'string', value: 'alb.example' }, deployment_urls: { value: { tcp: 'http://x/' } } }));
    expect(readTerraformOutputs(path)).toEqual({ alb_dns_name: 'alb.example', deployment_urls: { tcp: 'http://x/' } });
  });

  it('accepts a plain name -> value object', () => {
    expect(readTerraformOutputs(file('plain.json', '{"deployment_urls": {"tcp": "http://x/"}}'))).toEqual({ deployment_urls: { tcp: 'http://x/' } });
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

  describe('from a stack folder, with the real terraform CLI and a local state', () => {
    function stackWithState(name: string, state: string): string {
      const stack = join(dir, name);
      mkdirSync(stack);
      writeFileSync(join(stack, 'terraform.tfstate'), state);
      return stack;
    }

    it('runs `terraform output -json` in the folder', () => {
      const state = {
        version: 4,
        terraform_version: '1.5.0',
        serial: 1,
        lineage: '11111111-2222-3333-4444-555555555555',
        outputs: { deployment_urls: { value: { 'tcp-x86_64': 'http://alb.example/tcp-x86_64/' }, type: ['map', 'string'] } },
        resources: [],
      };
      expect(readTerraformOutputs(stackWithState('applied', JSON.stringify(state)))).toEqual({ deployment_urls: { 'tcp-x86_64': 'http://alb.example/tcp-x86_64/' } });
    });

    it("reports terraform's own error line", () => {
      const stack = stackWithState('broken-state', '{broken');
      expect(() => readTerraformOutputs(stack)).toThrow(`--from-terraform: ${stack}: terraform output -json failed: Error: Unsupported state file format`);
    });
  });
});
