import { existsSync, readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The stack of an unexpected error, its frames in the CLI bundle mapped back to the TypeScript sources
 * (`src/cli/main.ts:40:5`). bin/load-cli.js writes the bundle's source map beside it and names the bundle in
 * STACKWRIGHT_BUNDLE; the map is read only here, on the error path, so a normal run pays nothing for it.
 */
export function sourceMappedStack(err: unknown, bundle = process.env.STACKWRIGHT_BUNDLE, root = process.env.STACKWRIGHT_ROOT): string {
  const stack = err instanceof Error ? (err.stack ?? `${err.name}: ${err.message}`) : String(err);
  if (!bundle || !existsSync(`${bundle}.map`)) return stack;
  let map: SourceMap;
  try {
    map = new SourceMap(JSON.parse(readFileSync(`${bundle}.map`, 'utf8')));
  } catch {
    return stack;
  }
  const frame = new RegExp(`${bundle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:(\\d+):(\\d+)`, 'g');
  return stack.replace(frame, (whole, line: string, column: string) => {
    const entry = map.findEntry(Number(line) - 1, Number(column) - 1) as { originalSource?: string; originalLine?: number; originalColumn?: number };
    if (!entry.originalSource || entry.originalLine === undefined || entry.originalColumn === undefined) return whole;
    const source = entry.originalSource.startsWith('file:') ? fileURLToPath(entry.originalSource) : resolve(dirname(bundle), entry.originalSource);
    const shown = root && !relative(root, source).startsWith('..') && !isAbsolute(relative(root, source)) ? relative(root, source) : source;
    return `${shown}:${entry.originalLine + 1}:${entry.originalColumn + 1}`;
  });
}
