import { z } from 'zod';
import type { Agree, Same, SharedFieldsAgree, ValueShape } from '../../src/core/type-agreement';

// The checks are types: `npm run typecheck` (tsc over test/ too) compiles the lines below, and fails when a line
// marked as an expected error stops being one. The runtime assertions record the same cases for jest.

const schema = z.strictObject({
  mode: z.enum(['a', 'b']).default('a'),
  count: z.number().optional(),
  tags: z.array(z.strictObject({ key: z.string() })).default([]),
});
type Parsed = z.infer<typeof schema>;

interface Props {
  /** @default 'a' */
  readonly mode?: 'a' | 'b';
  /** @default 1 */
  readonly count?: number;
  /** @default [] */
  readonly tags?: readonly { readonly key: string }[];
  /** Supplied by the stack, not the config. */
  readonly arn: string;
}

interface DriftedProps {
  readonly mode?: 'a' | 'b' | 'c';
  readonly count?: string;
}

export type ParsedAgrees = Agree<SharedFieldsAgree<Parsed, Props>>;
// @ts-expect-error a union member on one side only
export type ModeDrifts = Agree<SharedFieldsAgree<Parsed, DriftedProps, 'count'>>;
// @ts-expect-error a field's type changed
export type CountDrifts = Agree<SharedFieldsAgree<Parsed, DriftedProps, 'mode'>>;

describe('type agreement between a zod schema and props', () => {
  it('ignores readonly, optionality and defaults, and only the fields both name', () => {
    const agrees: SharedFieldsAgree<Parsed, Props> = true;
    const same: Same<ValueShape<{ a?: string[] }>, ValueShape<{ readonly a: readonly string[] }>> = true;
    expect([agrees, same]).toEqual([true, true]);
    // What the schema fills in is what the props' @default says.
    expect(schema.parse({})).toEqual({ mode: 'a', tags: [] });
  });

  it('tells a drifted union or type apart (false, which Agree refuses)', () => {
    const mode: SharedFieldsAgree<Parsed, DriftedProps, 'count'> = false;
    const count: SharedFieldsAgree<Parsed, DriftedProps, 'mode'> = false;
    expect([mode, count]).toEqual([false, false]);
  });
});
