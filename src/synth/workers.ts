import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { InputError } from '../core/errors';
import { PROJECT_ROOT } from '../core/project-root';
import { synthesizeFolder, type FolderSynthOptions, type SynthesizedStack } from './folder-synth';
import type { Folder } from './folders';
import type { Reply, Request, WorkerData } from './worker-main';

export { synthWorkerMain } from './worker-main';

/**
 * Folders built in worker threads. Every folder is built from plain data (its config view and stack), so a worker
 * needs nothing of the parent but the folder; it returns the folder's files, which the parent puts back in the
 * folders' order: the output is the same whatever the number of workers, and the same as without them.
 *
 * A worker starts Node's module loading again (the CLI's bundle, cdktf and the providers: about what a bare
 * `stackwright --help` costs) and holds its own heap, so workers pay only for many folders and on more than one
 * core. Measured in docs/benchmarks/synth-scale.md.
 */

/** With `auto`, fewer folders than this are built in process: below it a worker's start costs more than it saves. */
export const MIN_FOLDERS_FOR_WORKERS = 50;

/** At most this many workers: each holds a copy of cdktf, the providers and its own stacks in memory. */
export const MAX_WORKERS = 4;

/**
 * `STACKWRIGHT_SYNTH_WORKERS`: the number of workers beside the main thread, or `auto`. Unset, synth uses none: on
 * the shared 2-core machine they were measured on, workers saved no wall time and cost more CPU and memory
 * (docs/benchmarks/synth-scale.md), since no core was idle for them.
 */
export const WORKERS_ENV = 'STACKWRIGHT_SYNTH_WORKERS';

/**
 * How many workers build `folders` folders beside this thread: `requested`, else `STACKWRIGHT_SYNTH_WORKERS`, else
 * none. `auto` is one per core but one (this thread takes folders too), up to MAX_WORKERS, when there are at least
 * MIN_FOLDERS_FOR_WORKERS folders, else none. Never more workers than folders.
 */
export function workerCount(folders: number, requested?: number | 'auto'): number {
  const env = process.env[WORKERS_ENV];
  const given = requested ?? (env === undefined || env === '' ? 0 : env === 'auto' ? 'auto' : Number(env));
  if (given === 'auto') {
    const cores = availableParallelism();
    return folders < MIN_FOLDERS_FOR_WORKERS ? 0 : Math.max(0, Math.min(cores - 1, MAX_WORKERS, folders));
  }
  if (!Number.isInteger(given) || given < 0)
    throw InputError.single(
      WORKERS_ENV,
      '',
      `not a number of workers: '${String(env ?? requested)}'`,
      '0 or more, or auto',
    );
  return Math.min(given, folders);
}

/** What the parent sends a worker. */
const WORKER_SOURCE = `
const { workerData } = require('node:worker_threads');
if (workerData.tsx) require(workerData.tsx).register();
require(workerData.module).synthWorkerMain();
`;

/**
 * Synthesizes the folders in this thread and `workers` worker threads, each taking the next folder when it has
 * finished one. This thread takes one between its workers' messages, so on two cores one worker keeps both busy.
 * The first folder that fails fails the whole: bad input as the InputError it raised, anything else with the
 * worker's stack.
 */
export async function synthesizeInWorkers(
  jobs: readonly Folder[],
  options: FolderSynthOptions,
  workers: number,
  /** Whether this thread builds folders too (false: only the workers do, so a test sees their errors). */
  thisThreadToo = true,
): Promise<SynthesizedStack[]> {
  const results: SynthesizedStack[] = new Array<SynthesizedStack>(jobs.length);
  let next = 0;
  let failed = false;
  const fromSource = __filename.endsWith('.ts');
  const data: WorkerData = {
    stackwrightSynthWorker: true,
    module: __filename,
    tsx: fromSource ? require.resolve('tsx/cjs/api', { paths: [PROJECT_ROOT] }) : undefined,
    options,
  };
  const env = fromSource ? { ...process.env, TSX_TSCONFIG_PATH: join(PROJECT_ROOT, 'tsconfig.json') } : process.env;
  const started: Worker[] = [];
  const pool = Array.from({ length: Math.min(workers, jobs.length) }, () => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: data, env });
    started.push(worker);
    return new Promise<void>((resolve, reject) => {
      const fail = (err: Error): void => {
        failed = true;
        reject(err);
      };
      const feed = (): void => {
        const request: Request =
          !failed && next < jobs.length ? { index: next++, job: jobs[next - 1]! } : { done: true };
        worker.postMessage(request);
      };
      worker.on('message', (reply: Reply) => {
        if ('stack' in reply) {
          results[reply.index] = reply.stack;
          feed();
          return;
        }
        fail(
          'problems' in reply
            ? new InputError(reply.problems)
            : Object.assign(new Error(reply.error.message), { stack: reply.error.stack }),
        );
      });
      worker.on('error', fail);
      worker.on('exit', (code) => (code === 0 ? resolve() : fail(new Error(`synth worker exited with code ${code}`))));
      feed();
    });
  });
  try {
    await Promise.all(thisThreadToo ? [...pool, inThisThread()] : pool);
  } catch (err) {
    await Promise.all(started.map((w) => w.terminate()));
    throw err;
  }
  return results;

  /** This thread's share: one folder at a time, yielding between them so the workers' messages are answered. */
  async function inThisThread(): Promise<void> {
    while (!failed && next < jobs.length) {
      const index = next++;
      results[index] = synthesizeFolder(jobs[index]!, options);
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
}
