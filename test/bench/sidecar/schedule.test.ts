import { interleavedSchedule } from '../../../packages/bench/src/sidecar/schedule';

describe('interleaved schedule', () => {
  it('rotates the order every repetition', () => {
    expect(interleavedSchedule(['tcp', 'sharedvol', 'combined'], 4)).toEqual([
      { repetition: 1, order: ['tcp', 'sharedvol', 'combined'] },
      { repetition: 2, order: ['sharedvol', 'combined', 'tcp'] },
      { repetition: 3, order: ['combined', 'tcp', 'sharedvol'] },
      { repetition: 4, order: ['tcp', 'sharedvol', 'combined'] },
    ]);
  });

  it('puts every target in every position equally often over a multiple of the target count', () => {
    const names = ['a', 'b', 'c', 'd'];
    const schedule = interleavedSchedule(names, 8);
    for (const name of names) {
      const positions = schedule.map((r) => r.order.indexOf(name));
      for (let p = 0; p < names.length; p++) expect(positions.filter((x) => x === p)).toHaveLength(2);
    }
    // Every repetition still measures each target exactly once.
    for (const r of schedule) expect([...r.order].sort()).toEqual(names);
  });

  it('rejects a repetition count that is not a positive whole number', () => {
    expect(() => interleavedSchedule(['tcp'], 0)).toThrow('repetitions must be a whole number of at least 1, got 0');
  });
});
