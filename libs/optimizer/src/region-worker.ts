import { parentPort, workerData } from 'node:worker_threads';
import { buildCountyContext, type Snapshot } from '@tr/domain';
import { balanceTargets } from './balance-targets';
import { solveRegion, type RegionSolveOptions } from './region-solve';

/**
 * A worker thread that solves regions of one snapshot. The solve is CPU-bound for seconds, so it runs
 * here rather than on an event loop that has other work to do, and two regions use both cores.
 */
const snapshot = (workerData as { snapshot: Snapshot }).snapshot;
const context = buildCountyContext(snapshot);
const balance = balanceTargets(context);

parentPort!.on('message', (task: { id: number; region: string[]; options: RegionSolveOptions }) => {
  // Each LP round is told to the caller as it is done, for its progress display.
  const onRound = (round: number, gap: number) => parentPort!.postMessage({ id: task.id, round, gap });
  solveRegion(context, balance, task.region, task.options, onRound).then(
    (outcome) => parentPort!.postMessage({ id: task.id, outcome }),
    (error: unknown) =>
      parentPort!.postMessage({
        id: task.id,
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      }),
  );
});
