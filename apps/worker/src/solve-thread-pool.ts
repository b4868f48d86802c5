import type { Worker } from 'node:worker_threads';
import { startSiblingThread } from '@tr/optimizer';
import type { SolveRequest, SolveResult, ThreadMessage, ThreadReply } from './plan-solve.types';

/** Thrown when the solve was stopped from outside (cancel, lost lease, shutdown); `reason` says why. */
export class SolveAbortedError extends Error {
  constructor(readonly reason: unknown) {
    super('solve stopped');
  }
}

/** The optimizer itself failed; the same input would fail again. */
export class SolveFailedError extends Error {}

export interface SolveThreadPoolOptions {
  /** Threads kept for the next jobs once theirs is done: the worker's job concurrency. */
  maxIdle: number;
  /**
   * An idle thread is ended after this long. It holds its HiGHS heap, which WebAssembly never gives
   * back: an idle thread kept the worker 650 MiB larger after the 100,000-teacher prefecture sample.
   */
  idleMs: number;
  /** A thread is ended after this many jobs, so that nothing it keeps between jobs can build up. */
  maxJobsPerThread: number;
}

export const DEFAULT_SOLVE_THREAD_POOL: SolveThreadPoolOptions = {
  maxIdle: 1,
  idleMs: 10 * 60_000,
  maxJobsPerThread: 50,
};

interface SolveThread {
  worker: Worker;
  jobs: number;
  idleTimer?: NodeJS.Timeout;
}

/**
 * Runs the optimizer and validator on worker threads, so this process's event loop stays free to renew
 * the job's lock and poll for a cancel. A thread is kept for the next job once its own is done: its
 * compiled JavaScript and HiGHS WebAssembly code are then warm, which made Hohhot's later jobs about a
 * fifth faster than on a new thread each (README, "Plans as jobs"). Aborting a solve ends its thread at
 * once; so does a failed solve, or any failure of the thread itself.
 */
export class SolveThreadPool {
  private readonly idle: SolveThread[] = [];
  private readonly busy = new Set<SolveThread>();
  private nextId = 1;
  private closed = false;
  /** Threads started so far: how often a job could not reuse one. */
  started = 0;

  constructor(private readonly options: SolveThreadPoolOptions = DEFAULT_SOLVE_THREAD_POOL) {}

  solve(
    request: SolveRequest,
    onProgress: (stage: 'building' | 'solving' | 'naming', percent: number) => void,
    signal: AbortSignal,
  ): Promise<SolveResult> {
    if (this.closed) return Promise.reject(new Error('the solve threads are closed'));
    if (signal.aborted) return Promise.reject(new SolveAbortedError(signal.reason));
    const thread = this.take();
    const id = this.nextId++;
    const { worker } = thread;
    return new Promise<SolveResult>((resolve, reject) => {
      let settled = false;
      const settle = (keep: boolean, action: () => void) => {
        if (settled) return;
        settled = true;
        signal.removeEventListener('abort', onAbort);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        this.busy.delete(thread);
        if (keep) this.release(thread);
        else void worker.terminate();
        action();
      };
      const onAbort = () => settle(false, () => reject(new SolveAbortedError(signal.reason)));
      const onMessage = (reply: ThreadReply) => {
        if (reply.id !== id) return;
        const message: ThreadMessage = reply.message;
        if (message.type === 'progress') onProgress(message.stage, message.percent);
        else if (message.type === 'result') settle(true, () => resolve(message));
        // The optimizer threw. A WebAssembly abort (HiGHS past its heap) leaves the thread's HiGHS
        // unusable, so a thread whose solve failed is never reused.
        else settle(false, () => reject(new SolveFailedError(message.message)));
      };
      const onError = (error: Error) => settle(false, () => reject(new SolveFailedError(error.message)));
      const onExit = (code: number) =>
        settle(false, () => reject(new Error(`solve thread exited with code ${code}`)));
      signal.addEventListener('abort', onAbort);
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.postMessage({ id, request });
    });
  }

  /** Ends every thread; a solve still running is rejected as its thread exits. */
  async close(): Promise<void> {
    this.closed = true;
    const threads = [...this.idle.splice(0), ...this.busy];
    for (const thread of threads) clearTimeout(thread.idleTimer);
    await Promise.all(threads.map((thread) => thread.worker.terminate()));
  }

  private take(): SolveThread {
    let thread = this.idle.pop();
    if (thread) clearTimeout(thread.idleTimer);
    else {
      thread = { worker: startSiblingThread(__filename, 'plan-solve.thread', undefined), jobs: 0 };
      this.started += 1;
      // An idle thread that fails is dropped from the pool; a busy one's solve sees the failure itself.
      const dropped = thread;
      thread.worker.on('error', () => this.drop(dropped));
      thread.worker.on('exit', () => this.drop(dropped));
    }
    thread.jobs += 1;
    thread.worker.ref();
    this.busy.add(thread);
    return thread;
  }

  private release(thread: SolveThread): void {
    if (
      this.closed ||
      thread.jobs >= this.options.maxJobsPerThread ||
      this.idle.length >= this.options.maxIdle
    ) {
      void thread.worker.terminate();
      return;
    }
    thread.idleTimer = setTimeout(() => {
      this.drop(thread);
      void thread.worker.terminate();
    }, this.options.idleMs);
    thread.idleTimer.unref();
    // A thread that waits for work must not keep the process alive.
    thread.worker.unref();
    this.idle.push(thread);
  }

  private drop(thread: SolveThread): void {
    clearTimeout(thread.idleTimer);
    const at = this.idle.indexOf(thread);
    if (at >= 0) this.idle.splice(at, 1);
  }
}
