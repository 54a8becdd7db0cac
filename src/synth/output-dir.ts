import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import type { SynthesizedStack } from './synthesize';

export { DEFAULT_OUT_DIR } from '../core/stack-definition';
const MARKER = '.stackwright';

/**
 * Writes the stacks into a staging folder beside `outDir`, then swaps it in with renames. Until the swap, `outDir`
 * is untouched; a crash between the two renames leaves the previous tree at `<outDir>.previous-*`.
 */
export function writeOutDir(outDir: string, stacks: readonly SynthesizedStack[], partial = false): void {
  const target = resolve(outDir);
  const parent = dirname(target);
  mkdirSync(parent, { recursive: true });
  const suffix = `${process.pid}-${Date.now()}`;
  const staging = join(parent, `.stackwright-staging-${suffix}`);
  const previous = join(parent, `.stackwright-previous-${suffix}`);
  try {
    mkdirSync(staging);
    if (partial && existsSync(target)) copyTree(target, staging, new Set(stacks.map((s) => s.name)));
    for (const [path, contents] of expectedFiles(stacks)) {
      const file = join(staging, path);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, contents);
    }
    if (existsSync(target)) renameSync(target, previous);
    renameSync(staging, target);
  } catch (err) {
    rmSync(staging, { recursive: true, force: true });
    throw err;
  }
  rmSync(previous, { recursive: true, force: true });
}

/** Every file synth writes into the out dir, keyed by path relative to it. */
export function expectedFiles(stacks: readonly SynthesizedStack[]): Map<string, string | Uint8Array> {
  const files = new Map<string, string | Uint8Array>();
  files.set(
    MARKER,
    'This folder is written by `stackwright synth`; edits are overwritten and flagged by `stackwright diff`.\n',
  );
  for (const stack of stacks) {
    for (const [path, contents] of stack.files) files.set(`${stack.name}/${path}`, contents);
  }
  return files;
}

/** Files on disk under `dir`, relative paths with forward slashes. */
export function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else out.push(relative(dir, full).split('\\').join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

/** Paths that differ between what synth would write and what is on disk: changed, missing or extra. */
export function driftedFiles(outDir: string, stacks: readonly SynthesizedStack[], onlyStacks = false): string[] {
  const expected = expectedFiles(stacks);
  const names = new Set(stacks.map((s) => s.name));
  const actual = listFiles(outDir).filter((p) => !onlyStacks || names.has(p.split('/')[0] ?? ''));
  const drift = new Set<string>();
  for (const [path, contents] of expected) {
    if (onlyStacks && path === MARKER) continue;
    const file = join(outDir, path);
    if (!existsSync(file) || !readFileSync(file).equals(Buffer.from(contents))) drift.add(path);
  }
  for (const path of actual) if (!expected.has(path)) drift.add(path);
  return [...drift].sort();
}

function copyTree(from: string, to: string, skipTopLevel: Set<string>): void {
  for (const path of listFiles(from)) {
    if (skipTopLevel.has(path.split('/')[0] ?? '')) continue;
    const dest = join(to, path);
    mkdirSync(dirname(dest), { recursive: true });
    writeFileSync(dest, readFileSync(join(from, path)));
  }
}
