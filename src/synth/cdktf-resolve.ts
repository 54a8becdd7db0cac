import { Token, Tokenization } from 'cdktf';
import { TokenString } from 'cdktf/lib/tokens/private/encoding';
import { TokenMap } from 'cdktf/lib/tokens/private/token-map';
import type { IConstruct } from 'constructs';

/*
 * A faster cdktf `resolve` for the stack's synthesis (cdktf is pinned exactly in package.json, since this reaches
 * into its internals, as ./cdktf-compat.ts does).
 *
 * TerraformStack.toTerraform() and toHclTerraform() resolve every element's output through cdktf/lib/_tokens.js
 * `resolve`, and then the merged result once more. cdktf's resolver (cdktf/lib/tokens/private/resolve.js) allocates a
 * context with closures for every value it visits, tokens or not; most of a stack's values are plain strings,
 * numbers and objects, and the second pass over the merged JSON holds no token at all. This walk copies what holds
 * no token exactly as that resolver does (the same tests, in the same order: undefined values dropped from objects
 * and arrays, keys kept in order, dates and primitives as they are) and hands every other value to it whole: a
 * token, a string with one, an array with a list token, an object with a map-token key or a `resolve` method.
 *
 * Handing a nested value over at the top is the same as cdktf reaching it: between the top and a value that is no
 * token, the resolver's context carries only the path (for its messages) and the settings a token sets for its own
 * parts (suppressed braces, escapes, iterators), which no plain object or array sets.
 */

type Resolve = (scope: IConstruct, obj: unknown, preparing?: boolean) => unknown;

/** The module object itself (an `import *` would be a copy in the bundle), whose `resolve` the stack calls. */
const stackTokens = require('cdktf/lib/_tokens') as { resolve: Resolve };
/** cdktf's own resolve, to which every token-bearing value goes (and the tests compare with). */
export const cdktfResolve: Resolve = stackTokens.resolve;
const original = cdktfResolve;
const tokenMap = TokenMap.instance();

/** What the stack's `resolve` is from now on: the result of cdktfResolve, with fewer allocations. */
export function fastResolve(scope: IConstruct, obj: unknown, preparing = false): unknown {
  const walk = (value: unknown): unknown => {
    if (value === undefined || value === null) return value;
    switch (typeof value) {
      case 'string':
        return plainString(value) ? value : original(scope, value, preparing);
      case 'number':
        return plainNumber(value) ? value : original(scope, value, preparing);
      case 'object':
        break;
      case 'function':
        return original(scope, value, preparing); // cdktf's error
      default:
        return value;
    }
    if (value instanceof Date) return value;
    if (Array.isArray(value)) {
      const items = value as unknown[];
      if (items.some((x) => (typeof x === 'string' ? listToken(x) : typeof x === 'number' && !plainNumber(x))))
        return original(scope, value, preparing);
      return items.map(walk).filter((x) => x !== undefined);
    }
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record);
    if (keys.some((k) => !plainString(k) || TokenString.forMapToken(k).test()) || Tokenization.isResolvable(value))
      return original(scope, value, preparing);
    if ((value as { _children?: unknown; _metadata?: unknown })._children !== undefined)
      return original(scope, value, preparing); // a construct: cdktf's error
    const out: Record<string, unknown> = {};
    for (const key of keys) {
      const resolved = walk(record[key]);
      if (resolved !== undefined) out[key] = resolved;
    }
    return out;
  };
  return walk(obj);
}

/** A string cdktf's resolver returns as it is: no token of any kind, and not a map token's placeholder value. */
function plainString(s: string): boolean {
  return (
    s !== Token.STRING_MAP_TOKEN_VALUE &&
    s !== Token.ANY_MAP_TOKEN_VALUE &&
    !listToken(s) &&
    !TokenString.forString(s, true, undefined).test() &&
    !TokenString.forNumbers(s).test()
  );
}

function listToken(s: string): boolean {
  return TokenString.forListToken(s).test();
}

/** A number cdktf's resolver returns as it is: not an encoded number token, not the map token's placeholder. */
function plainNumber(n: number): boolean {
  return n !== Token.NUMBER_MAP_TOKEN_VALUE && tokenMap.lookupNumberToken(n) === undefined;
}

stackTokens.resolve = fastResolve;
