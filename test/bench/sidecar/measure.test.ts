import { Progress } from '../../../packages/bench/src/common/progress';
import type { LoadRequest, LoadTool } from '../../../packages/bench/src/sidecar/load';
import { measureTargets } from '../../../packages/bench/src/sidecar/measure';
import { benchTarget } from '../../../packages/bench/src/sidecar/targets';
import { fakeRun } from './fixtures';

/** A load tool that records what it was asked to do and answers with a fixed run. */
function recordingTool(): LoadTool & { calls: string[] } {
  const calls: string[] = [];
  return {
    name: 'autocannon',
    keepAlive: true,
    connections: 'fake',
    calls,
    version: async () => 'fake 1.0',
    run: async (r: LoadRequest) => {
      calls.push(`${r.url.port} ${r.requests}x${r.concurrency}`);
      r.onProgress?.(r.requests);
      return fakeRun(1000);
    },
  };
}

const targets = ['tcp', 'sharedvol', 'combined'].map((n, i) =>
  benchTarget(n, new URL(`http://127.0.0.1:${9001 + i}/`)),
);

describe('measuring the targets', () => {
  it('warms each target up right before each of its measured runs, in the interleaved order', async () => {
    const tool = recordingTool();
    const m = await measureTargets(
      targets,
      { requests: 50, concurrency: 2, warmup: 10, repetitions: 2, timeoutSeconds: 5 },
      tool,
      new Progress({ write: () => true }),
    );
    expect(tool.calls).toEqual([
      '9001 10x2',
      '9001 50x2',
      '9002 10x2',
      '9002 50x2',
      '9003 10x2',
      '9003 50x2',
      '9002 10x2',
      '9002 50x2',
      '9003 10x2',
      '9003 50x2',
      '9001 10x2',
      '9001 50x2',
    ]);
    expect(m.runs.map((r) => `${r.repetition}:${r.position}:${r.target}`)).toEqual([
      '1:1:tcp',
      '1:2:sharedvol',
      '1:3:combined',
      '2:1:sharedvol',
      '2:2:combined',
      '2:3:tcp',
    ]);
    expect(m.schedule).toHaveLength(2);
  });

  it('skips the warm-up when it is 0, and shows progress on a terminal', async () => {
    const tool = recordingTool();
    const writes: string[] = [];
    await measureTargets(
      targets.slice(0, 1),
      { requests: 5, concurrency: 1, warmup: 0, repetitions: 1, timeoutSeconds: 5 },
      tool,
      new Progress({ isTTY: true, write: (t: string) => writes.push(t) }),
    );
    expect(tool.calls).toEqual(['9001 5x1']);
    expect(writes).toContain('\r\x1b[2K[1/1] repetition 1/1 tcp: measuring');
    expect(writes).toContain('[1/1] repetition 1/1 tcp: 1000.0 req/s, 1.000 ms/request, p99 1.18 ms\n');
  });
});
