import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  selectTargets,
  targetsFromFlags,
  targetsFromTerraform,
} from '../../../../packages/bench/src/sidecar/remote/targets';

let dir: string;
beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'bench-remote-targets-'))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('deployment targets', () => {
  it("names from --url tell variant and architecture when they follow the stack's keys", () => {
    const targets = targetsFromFlags([
      'tcp-arm64=https://alb.example/tcp-arm64/',
      'sharedvolume-amd64=http://x/',
      'mine=http://y/',
    ]);
    expect(targets.map((t) => [t.name, t.url.toString(), t.variant, t.architecture])).toEqual([
      ['tcp-arm64', 'https://alb.example/tcp-arm64/', 'tcp', 'ARM64'],
      ['sharedvolume-amd64', 'http://x/', 'sharedvol', 'X86_64'],
      ['mine', 'http://y/', undefined, undefined],
    ]);
  });

  it('falls back to the per-deployment url_* outputs, and orders as the post (variant, then x86_64 before arm64)', () => {
    const file = join(dir, 'per-output.json');
    writeFileSync(
      file,
      JSON.stringify({
        url_combined_x86_64: { value: 'http://a/c/' },
        url_tcp_arm64: { value: 'http://a/ta/' },
        url_tcp_x86_64: { value: 'http://a/tx/' },
        alb_dns_name: { value: 'a' },
      }),
    );
    expect(targetsFromTerraform(file).map((t) => t.name)).toEqual(['tcp-x86_64', 'tcp-arm64', 'combined-x86_64']);
  });

  it('rejects a non-string URL in the outputs', () => {
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ deployment_urls: { value: { tcp: 5 } } }));
    expect(() => targetsFromTerraform(file)).toThrow('--from-terraform: deployment_urls.tcp: is not a string URL');
  });

  it('--variants keeps every architecture of the named variants', () => {
    const all = targetsFromFlags([
      'tcp-x86_64=http://a/',
      'tcp-arm64=http://b/',
      'combined-arm64=http://c/',
      'other=http://d/',
    ]);
    expect(selectTargets(all, ['tcp']).map((t) => t.name)).toEqual(['tcp-x86_64', 'tcp-arm64']);
    expect(selectTargets(all, undefined)).toHaveLength(4);
    expect(selectTargets(all, [])).toHaveLength(4);
  });
});
