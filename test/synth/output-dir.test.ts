import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { driftedFiles, writeOutDir } from '../../src/synth/output-dir';
import type { SynthesizedStack } from '../../src/synth/synthesize';
import { snapshotTree } from '../helpers/tree';
import { tempDir } from '../helpers/temp-dir';

const stack = (name: string, files: Record<string, string>): SynthesizedStack => ({
  name,
  json: {},
  files: new Map(Object.entries(files)),
});

describe('generated/ writer', () => {
  it('replaces the whole folder: stale files disappear', () => {
    const parent = tempDir('sw-out-');
    const out = join(parent, 'generated');
    writeOutDir(out, [stack('a', { 'x.txt': '1', 'old.txt': 'o' })]);
    writeOutDir(out, [stack('a', { 'x.txt': '2' })]);
    expect(Object.keys(snapshotTree(out))).toEqual(['.stackwright', 'a/x.txt']);
  });

  it('leaves the previous folder byte-identical and no staging behind when writing fails midway', () => {
    const parent = tempDir('sw-out-');
    const out = join(parent, 'generated');
    writeOutDir(out, [stack('a', { 'x.txt': 'kept' })]);
    const before = snapshotTree(out);
    // 'f' is written as a file, then needed as a folder: the write fails after some files were staged.
    expect(() => writeOutDir(out, [stack('a', { f: 'file', 'f/inner.txt': 'boom' })])).toThrow();
    expect(snapshotTree(out)).toEqual(before);
    expect(readdirSync(parent)).toEqual(['generated']);
  });

  it('reports changed, missing and extra files as drift', () => {
    const parent = tempDir('sw-out-');
    const out = join(parent, 'generated');
    const stacks = [stack('a', { 'x.txt': '1', 'y.txt': '2' })];
    writeOutDir(out, stacks);
    expect(driftedFiles(out, stacks)).toEqual([]);
    writeFileSync(join(out, 'a', 'x.txt'), 'changed');
    mkdirSync(join(out, 'b'));
    writeFileSync(join(out, 'b', 'z.txt'), 'extra');
    expect(driftedFiles(out, [stack('a', { 'x.txt': '1', 'y.txt': '2', 'w.txt': 'new' })])).toEqual([
      'a/w.txt',
      'a/x.txt',
      'b/z.txt',
    ]);
  });
});
