import { Progress } from '../../../packages/bench/src/common/progress';

function stream(isTTY: boolean) {
  const writes: string[] = [];
  return { isTTY, writes, write: (t: string) => writes.push(t) };
}

describe('progress display', () => {
  it('on a terminal: rewrites one line, rate-limited, and keeps logged lines', () => {
    const s = stream(true);
    let now = 0;
    const p = new Progress(s, { minIntervalMs: 100, now: () => now });
    p.update('tcp: measuring 1/1000');
    now = 50;
    p.update('tcp: measuring 60/1000'); // within 100 ms: skipped
    now = 150;
    p.update('tcp: measuring 200/1000');
    now = 160;
    p.update('tcp: done', true); // forced
    p.log('tcp: 2000.0 req/s');
    p.clear(); // nothing transient left: no output
    expect(s.writes).toEqual([
      '\r\x1b[2Ktcp: measuring 1/1000',
      '\r\x1b[2Ktcp: measuring 200/1000',
      '\r\x1b[2Ktcp: done',
      '\r\x1b[2K',
      'tcp: 2000.0 req/s\n',
    ]);
    expect(p.active).toBe(true);
  });

  it('off a terminal: plain prefixed lines, forced updates and logs always, others at most every plainIntervalMs', () => {
    const s = stream(false);
    let now = 0;
    const p = new Progress(s, { plainIntervalMs: 10_000, now: () => now });
    p.update('starting tcp', true);
    now = 5_000;
    p.update('tcp: measuring 60/1000'); // within 10 s of the last line: skipped
    now = 12_000;
    p.update('tcp: measuring 900/1000');
    p.log('tcp: 2000.0 req/s');
    p.clear(); // nothing to clear off a terminal
    expect(s.writes).toEqual([
      'progress: starting tcp\n',
      'progress: tcp: measuring 900/1000\n',
      'progress: tcp: 2000.0 req/s\n',
    ]);
    expect(p.active).toBe(true);
  });

  it('is silent when disabled (--json), on a terminal or not', () => {
    for (const s of [stream(false), stream(true)]) {
      const p = new Progress(s, { enabled: false });
      p.update('x', true);
      p.log('y');
      p.clear();
      expect(s.writes).toEqual([]);
      expect(p.active).toBe(false);
    }
  });
});
