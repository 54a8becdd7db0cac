import {
  mean,
  median,
  percentChange,
  percentileCurve,
  rangesOverlap,
  spreadOf,
} from '../../../packages/bench/src/common/figures';

describe('figures over repetitions', () => {
  it('median of odd and even counts, whatever the order', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(() => median([])).toThrow('median of no values');
  });

  it('spread keeps the median, the range and every value in run order', () => {
    expect(spreadOf([710, 690, 705, 720, 700])).toEqual({
      median: 705,
      min: 690,
      max: 720,
      values: [710, 690, 705, 720, 700],
    });
    expect(mean([1, 2, 6])).toBe(3);
  });

  it('ranges overlap unless one lies wholly above the other', () => {
    const a = spreadOf([100, 110]);
    expect(rangesOverlap(a, spreadOf([110, 120]))).toBe(true);
    expect(rangesOverlap(a, spreadOf([105, 106]))).toBe(true);
    expect(rangesOverlap(a, spreadOf([111, 130]))).toBe(false);
    expect(rangesOverlap(spreadOf([80, 99]), a)).toBe(false);
  });

  it('percent change relative to the first value', () => {
    expect(percentChange(679.77, 715.62)).toBeCloseTo(5.27, 2);
    expect(percentChange(200, 150)).toBe(-25);
    expect(percentChange(0, 5)).toBe(0);
  });

  it('percentile curve: 101 points, minimum first, nearest rank, maximum last', () => {
    const sorted = Array.from({ length: 200 }, (_, i) => (i + 1) / 10); // 0.1 .. 20.0
    const curve = percentileCurve(sorted);
    expect(curve).toHaveLength(101);
    expect(curve[0]).toBe(0.1);
    expect(curve[50]).toBe(10); // rank 100 of 200
    expect(curve[99]).toBe(19.8); // rank 198
    expect(curve[100]).toBe(20);
    expect(percentileCurve([])).toEqual([]);
  });
});
