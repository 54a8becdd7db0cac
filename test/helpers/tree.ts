import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { listFiles } from '../../src/synth/output-dir';

/** Every file under `dir` with its bytes (hex), for exact before/after comparisons. */
export function snapshotTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of listFiles(dir)) out[p] = readFileSync(join(dir, p)).toString('hex');
  return out;
}
