import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The Stackwright checkout the code runs from (templates/, Lambda handler sources). The CLI runs from a bundle in
 * node_modules/.cache, so bin/ passes the root in STACKWRIGHT_ROOT; from sources (tests, tsx) it is found by walking
 * up to the package.json named stackwright.
 */
export const PROJECT_ROOT: string = process.env.STACKWRIGHT_ROOT ?? findProjectRoot(__dirname);

function findProjectRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'stackwright') return dir;
    if (dirname(dir) === dir) throw new Error(`no stackwright package.json above ${from}`);
  }
}
