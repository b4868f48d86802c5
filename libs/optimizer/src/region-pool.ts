import type { Worker } from 'node:worker_threads';
import type { CountyContext } from '@tr/domain';
import type { BalanceTargets } from './balance-targets';
import { solveRegion, type RegionOutcome, type RegionSolveOptions } from './region-solve';
import { startSiblingThread } from './sibling-thread';

/**
 * Solves regions one by one on this thread, or spread over worker threads. Outcomes come back in
 * region order whatever order they finish in, so the plan does not depend on timing.
 */
export async function solveRegions(
  context: CountyContext,
  balance: BalanceTargets,
  regions: readonly string[][],
  options: RegionSolveOptions,
  threads: number,
  /** Told as each region is done: how many are, and which one this was. */
  onDone: (finished: number, region: number) => void,
  /** Told of each LP round of every region being solved, on this thread or on a worker. */
  onRound?: (region: number, round: number, gap: number) => void,
): Promise<RegionOutcome[]> {
  const outcomes: RegionOutcome[] = new Array(regions.length);
  let finished = 0;
  if (threads <= 1 || regions.length <= 1) {
    for (const [index, region] of regions.entries()) {
      outcomes[index] = await solveRegion(context, balance, region, options, (round, gap) =>
        onRound?.(index, round, gap),
      );
      onDone(++finished, index);
    }
    return outcomes;
  }
  const workers = Array.from({ length: Math.min(threads, regions.length) }, () =>
    startSiblingThread(__filename, 'region-worker', { snapshot: context.snapshot }),
  );
  let next = 0;
  try {
    await Promise.all(
      workers.map(async (worker) => {
        while (next < regions.length) {
          const index = next++;
          outcomes[index] = await runTask(worker, index, regions[index], options, (round, gap) =>
            onRound?.(index, round, gap),
          );
          onDone(++finished, index);
        }
      }),
    );
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return outcomes;
}

/** What a region worker posts: LP rounds while it solves, then the outcome or the error. */
interface RegionMessage {
  id: number;
  round?: number;
  gap?: number;
  outcome?: RegionOutcome;
  error?: string;
}

function runTask(
  worker: Worker,
  id: number,
  region: string[],
  options: RegionSolveOptions,
  onRound: (round: number, gap: number) => void,
): Promise<RegionOutcome> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: RegionMessage) => {
      if (message.id !== id) return;
      if (message.round !== undefined) return onRound(message.round, message.gap!);
      cleanup();
      if (message.error !== undefined) reject(new Error(`region ${id + 1}: ${message.error}`));
      else resolve(message.outcome!);
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    const onExit = (code: number) => {
      cleanup();
      reject(new Error(`region worker exited with code ${code} while solving region ${id + 1}`));
    };
    const cleanup = () => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
    };
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.postMessage({ id, region, options });
  });
}
