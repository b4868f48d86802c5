import { startSiblingThread } from '@tr/optimizer';
import type { SolveRequest, SolveResult, ThreadMessage } from './plan-solve.types';

/** Thrown when the solve was stopped from outside (cancel, lost lease, shutdown); `reason` says why. */
export class SolveAbortedError extends Error {
  constructor(readonly reason: unknown) {
    super('solve stopped');
  }
}

/** The optimizer itself failed; the same input would fail again. */
export class SolveFailedError extends Error {}

/**
 * Runs the optimizer and validator on a worker thread so this process's event loop stays free to
 * renew the job's lock and poll for a cancel. Aborting terminates the thread at once.
 */
export function solveInThread(
  request: SolveRequest,
  onProgress: (stage: 'building' | 'solving' | 'naming', percent: number) => void,
  signal: AbortSignal,
): Promise<SolveResult> {
  if (signal.aborted) return Promise.reject(new SolveAbortedError(signal.reason));
  const worker = startSiblingThread(__filename, 'plan-solve.thread', request);
  return new Promise<SolveResult>((resolve, reject) => {
    let settled = false;
    const settle = (action: () => void) => {
      if (settled) return;
      settled = true;
      signal.removeEventListener('abort', onAbort);
      action();
      void worker.terminate();
    };
    const onAbort = () => settle(() => reject(new SolveAbortedError(signal.reason)));
    signal.addEventListener('abort', onAbort);
    worker.on('message', (message: ThreadMessage) => {
      if (message.type === 'progress') onProgress(message.stage, message.percent);
      else if (message.type === 'result') settle(() => resolve(message));
      else settle(() => reject(new SolveFailedError(message.message)));
    });
    worker.on('error', (error) => settle(() => reject(new SolveFailedError(error.message))));
    worker.on('exit', (code) => settle(() => reject(new Error(`solve thread exited with code ${code}`))));
  });
}
