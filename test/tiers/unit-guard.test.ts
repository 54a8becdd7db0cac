import childProcess, { execFileSync, spawnSync } from 'node:child_process';
import { buildSync } from 'esbuild';

describe('the unit tier starts no child process', () => {
  it('a test that starts one fails, naming the command and the tiers that run real tools', () => {
    expect(() => execFileSync('true')).toThrow(
      'unit tier: this test runs `true` as a child process (child_process.execFileSync). Unit tests run in process',
    );
    expect(() => spawnSync('terraform', ['version'])).toThrow(/native, terraform or images tier \(test\/tiers\.js\)/);
    expect(() => childProcess.exec('nginx -t')).toThrow(/this test runs `nginx` as a child process/);
  });

  it("esbuild's in-process API, which runs esbuild's own binary, still works", () => {
    const out = buildSync({ stdin: { contents: 'export const x: number = 1;', loader: 'ts' }, write: false });
    expect(out.outputFiles[0].text).toContain('x = 1');
  });
});
