import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { deterministicZip, sourceCodeHash, type ZipEntry } from '../../src/lambda/deterministic-zip';

const files: ZipEntry[] = [
  { path: 'index.js', contents: 'exports.handler = async () => 1;\n' },
  { path: 'lib/data.bin', contents: new Uint8Array([0, 1, 2, 255]) },
  { path: 'bin/run', contents: '#!/bin/sh\n', mode: 0o755 },
];

/** Unix mode of each central-directory entry: external attributes >> 16. */
function modes(zip: Uint8Array): Record<string, number> {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const out: Record<string, number> = {};
  for (let i = 0; i + 46 <= zip.length; i++) {
    if (view.getUint32(i, true) !== 0x02014b50) continue;
    const nameLength = view.getUint16(i + 28, true);
    const name = strFromU8(zip.subarray(i + 46, i + 46 + nameLength));
    out[name] = view.getUint32(i + 38, true) >>> 16;
  }
  return out;
}

describe('deterministicZip', () => {
  it('gives identical bytes for the same input, whatever the input order', () => {
    const a = deterministicZip(files);
    expect(deterministicZip(files)).toEqual(a);
    expect(deterministicZip([...files].reverse())).toEqual(a);
  });

  it('unzips to the inputs, entries sorted by path', () => {
    const out = unzipSync(deterministicZip(files));
    expect(Object.keys(out)).toEqual(['bin/run', 'index.js', 'lib/data.bin']);
    expect(strFromU8(out['index.js'])).toBe(files[0].contents);
    expect(out['lib/data.bin']).toEqual(new Uint8Array([0, 1, 2, 255]));
    expect(strFromU8(out['bin/run'])).toBe('#!/bin/sh\n');
  });

  it('records fixed unix modes (regular file, 0644 by default)', () => {
    expect(modes(deterministicZip(files))).toEqual({
      'bin/run': 0o100755,
      'index.js': 0o100644,
      'lib/data.bin': 0o100644,
    });
  });

  it('stamps every entry 1980-01-01 00:00:00 whatever the clock says', () => {
    const realNow = Date.now;
    let zip: Uint8Array;
    try {
      Date.now = () => 4_102_444_800_000; // 2100-01-01
      zip = deterministicZip(files);
    } finally {
      Date.now = realNow;
    }
    expect(zip).toEqual(deterministicZip(files));
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    expect(view.getUint32(0, true)).toBe(0x04034b50); // first local file header
    expect(view.getUint16(10, true)).toBe(0); // DOS time 00:00:00
    expect(view.getUint16(12, true)).toBe((0 << 9) | (1 << 5) | 1); // DOS date 1980-01-01
  });

  it('gives the same bytes in another time zone', () => {
    // jest sandboxes process.env, so TZ can only be changed for a separate process.
    const script =
      "require('tsx/cjs/api').register();" +
      "const z = require('./src/lambda/deterministic-zip.ts');" +
      `process.stdout.write(z.sourceCodeHash(z.deterministicZip(${JSON.stringify(files.slice(0, 1))})));`;
    const run = (tz: string) =>
      execFileSync(process.execPath, ['-e', script], {
        cwd: resolve(__dirname, '../..'),
        env: { ...process.env, TZ: tz },
      }).toString();
    const here = sourceCodeHash(deterministicZip(files.slice(0, 1)));
    expect(run('Pacific/Kiritimati')).toBe(here);
    expect(run('America/Los_Angeles')).toBe(here);
  });

  it('changes the hash on a rename, a mode change or a content change', () => {
    const base = sourceCodeHash(deterministicZip(files));
    const renamed = files.map((f) => (f.path === 'index.js' ? { ...f, path: 'main.js' } : f));
    const chmod = files.map((f) => (f.path === 'index.js' ? { ...f, mode: 0o755 } : f));
    const edited = files.map((f) =>
      f.path === 'index.js' ? { ...f, contents: 'exports.handler = async () => 2;\n' } : f,
    );
    const hashes = [base, ...[renamed, chmod, edited].map((v) => sourceCodeHash(deterministicZip(v)))];
    expect(new Set(hashes).size).toBe(4);
  });

  it('rejects paths and modes that would make an ambiguous or unsafe archive', () => {
    const bad = (entry: Partial<ZipEntry>) => () => deterministicZip([{ path: 'a.js', contents: '', ...entry }]);
    expect(bad({ path: '/abs.js' })).toThrow(/relative file path/);
    expect(bad({ path: 'dir\\a.js' })).toThrow(/forward slashes/);
    expect(bad({ path: 'dir/' })).toThrow(/relative file path/);
    expect(bad({ path: '' })).toThrow(/relative file path/);
    expect(bad({ path: 'a/../b.js' })).toThrow(/'\.\.' segments/);
    expect(bad({ path: 'a//b.js' })).toThrow(/empty/);
    expect(bad({ path: '42' })).toThrow(/bare number/);
    expect(bad({ mode: 0o1000 })).toThrow(/permission bits/);
    expect(bad({ mode: 1.5 })).toThrow(/permission bits/);
    expect(() =>
      deterministicZip([
        { path: 'a.js', contents: '' },
        { path: 'a.js', contents: 'x' },
      ]),
    ).toThrow(/duplicate/);
  });
});

describe('sourceCodeHash', () => {
  it("is the base64 SHA-256 Lambda's source_code_hash expects", () => {
    expect(sourceCodeHash(new TextEncoder().encode('abc'))).toBe('ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=');
  });
});
