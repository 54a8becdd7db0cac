import { existsSync, readFileSync } from 'node:fs';
import { SourceMap, type SourceMapPayload } from 'node:module';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PROJECT_ROOT } from '../core/project-root';

/**
 * The stack of an unexpected error, its frames in the build's bundles (dist/cli.js, dist/bench.js:
 * scripts/build.js) mapped back to the TypeScript sources (`src/cli/main.ts:40:5`) by the source
 * map beside each bundle. The maps are read only here, on the error path, so a normal run pays nothing for them.
 * From source (tsx, jest) the frames already name the sources.
 */
export function sourceMappedStack(err: unknown, root: string = PROJECT_ROOT): string {
  const stack = err instanceof Error ? (err.stack ?? `${err.name}: ${err.message}`) : String(err);
  const dist = join(root, 'dist') + sep;
  const bundles = new Set(
    [...stack.matchAll(/([^\s(]+\.js):\d+:\d+/g)].map((m) => m[1]).filter((f) => f.startsWith(dist)),
  );
  return [...bundles].reduce<string>((mapped, bundle) => mapFrames(mapped, bundle, root), stack);
}

/** `stack` with the frames in `bundle` mapped back to the sources by the bundle's source map. */
function mapFrames(stack: string, bundle: string, root: string): string {
  if (!existsSync(`${bundle}.map`)) return stack;
  let map: SourceMap;
  try {
    map = new SourceMap(JSON.parse(readFileSync(`${bundle}.map`, 'utf8')) as SourceMapPayload);
  } catch {
    return stack;
  }
  const frame = new RegExp(`${bundle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:(\\d+):(\\d+)`, 'g');
  return stack.replace(frame, (whole, line: string, column: string) => {
    const entry = map.findEntry(Number(line) - 1, Number(column) - 1) as {
      originalSource?: string;
      originalLine?: number;
      originalColumn?: number;
    };
    if (!entry.originalSource || entry.originalLine === undefined || entry.originalColumn === undefined) return whole;
    const source = entry.originalSource.startsWith('file:')
      ? fileURLToPath(entry.originalSource)
      : resolve(dirname(bundle), entry.originalSource);
    const shown =
      !relative(root, source).startsWith('..') && !isAbsolute(relative(root, source)) ? relative(root, source) : source;
    return `${shown}:${entry.originalLine + 1}:${entry.originalColumn + 1}`;
  });
}
