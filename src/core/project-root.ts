import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The Stackwright checkout the code runs from (templates/, Lambda handler sources), found by walking up to the
 * package.json named stackwright: from src/ (tests, tsx) and from the build in dist/ alike.
 */
export const PROJECT_ROOT: string = findProjectRoot(__dirname);

function findProjectRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'stackwright')
      return dir;
    if (dirname(dir) === dir) throw new Error(`no stackwright package.json above ${from}`);
  }
}
