import { percentile } from '../../../packages/bench/src/common/figures';
import { summarize } from '../../../packages/bench/src/lambda/stats';
import type { CallResult } from '../../../packages/bench/src/lambda/invoke';

const call = (seq: number, ms?: number, extra: Partial<CallResult> = {}): CallResult => ({
  seq,
  offsetMs: seq * 1000,
  roundTripMs: (ms ?? 0) + 20,
  ms,
  ...extra,
});

describe('percentile (nearest rank)', () => {
  const values = Array.from({ length: 30 }, (_, i) => i + 1); // 1..30, like 30 calls

  it('picks the smallest value with at least p% at or below it', () => {
    expect(percentile(values, 50)).toBe(15);
    expect(percentile(values, 90)).toBe(27);
    expect(percentile(values, 99)).toBe(30);
    expect(percentile([7], 50)).toBe(7);
  });

  it('has no value for no calls and rejects nonsense percentiles', () => {
    expect(percentile([], 50)).toBeNull();
    expect(() => percentile(values, 0)).toThrow('percentile must be in (0, 100]');
  });
});

describe('summarize', () => {
  it('counts calls over 10 ms, errors and cold starts, over successful calls only', () => {
    const s = summarize([
      call(0, 180, { coldStart: true }),
      call(1, 6.5),
      call(2, 7),
      call(3, undefined, { error: 'HTTP 403: Forbidden', status: 403 }),
      call(4, 10),
      call(5, 14.2),
    ]);
    expect(s).toEqual({
      calls: 6,
      ok: 5,
      errors: 1,
      coldStarts: 1,
      p50: 10,
      p90: 180,
      p99: 180,
      max: 180,
      over10ms: 2,
      roundTripP50: 30,
    });
  });

  it('reports nothing but counts when every call failed', () => {
    expect(summarize([call(0, undefined, { error: 'timeout' })])).toMatchObject({
      calls: 1,
      ok: 0,
      errors: 1,
      p50: null,
      max: null,
      over10ms: 0,
    });
  });
});
