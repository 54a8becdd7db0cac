import { existsSync, readFileSync } from 'node:fs';
import { SourceMap, type SourceMapPayload } from 'node:module';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The stack of an unexpected error, its frames in the CLI bundle mapped back to the TypeScript sources
 * (`src/cli/main.ts:40:5`). bin/load-cli.js writes the bundle's source map beside it and names the bundle in
 * STACKWRIGHT_BUNDLE (and the benchmark toolkit's bundle, once `bench` loaded it, in STACKWRIGHT_BENCH_BUNDLE); the
 * maps are read only here, on the error path, so a normal run pays nothing for them.
 */
export function sourceMappedStack(
  err: unknown,
  bundle = process.env.STACKWRIGHT_BUNDLE,
  root = process.env.STACKWRIGHT_ROOT,
  benchBundle = process.env.STACKWRIGHT_BENCH_BUNDLE,
): string {
  const stack = err instanceof Error ? (err.stack ?? `${err.name}: ${err.message}`) : String(err);
  return [bundle, benchBundle].reduce<string>((mapped, b) => mapFrames(mapped, b, root), stack);
}

/** `stack` with the frames in `bundle` mapped back to the sources by the bundle's source map. */
function mapFrames(stack: string, bundle: string | undefined, root: string | undefined): string {
  if (!bundle || !existsSync(`${bundle}.map`)) return stack;
  let map: SourceMap;
  try {
    map = new SourceMap(JSON.parse(readFileSync(`${bundle}.map`, 'utf8')) as SourceMapPayload);
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
