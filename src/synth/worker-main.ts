import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { InputError, type InputProblem } from '../core/errors';
import { synthesizeFolder, type FolderSynthOptions, type SynthesizedStack } from './folder-synth';
import type { Folder } from './folders';

/** What a synth worker is sent and answers (./workers.ts runs the pool). */
export type Request = { readonly index: number; readonly job: Folder } | { readonly done: true };

/** What a worker answers for one folder. */
export type Reply =
  | { readonly index: number; readonly stack: SynthesizedStack }
  | { readonly index: number; readonly problems: readonly InputProblem[] }
  | { readonly index: number; readonly error: { readonly message: string; readonly stack?: string } };

/** How the worker finds its entry: the CLI's bundle in the build, ./workers.ts (through tsx) from source. */
export interface WorkerData {
  readonly stackwrightSynthWorker: true;
  readonly module: string;
  /** tsx's CommonJS register, when the module is TypeScript (tests, `STACKWRIGHT_FROM_SOURCE=1`). */
  readonly tsx?: string;
  readonly options: FolderSynthOptions;
}

/** The worker's loop: build each folder it is sent, answer with its files, exit when told there are no more. */
export function synthWorkerMain(): void {
  const data = workerData as WorkerData | undefined;
  if (isMainThread || !parentPort || !data?.stackwrightSynthWorker) throw new Error('not a synth worker');
  const port = parentPort;
  port.on('message', (request: Request) => {
    if ('done' in request) {
      port.close();
      return;
    }
    let reply: Reply;
    try {
      reply = { index: request.index, stack: synthesizeFolder(request.job, data.options) };
    } catch (err) {
      reply =
        err instanceof InputError
          ? { index: request.index, problems: err.problems }
          : { index: request.index, error: { message: String((err as Error).message), stack: (err as Error).stack } };
    }
    port.postMessage(reply);
  });
}
