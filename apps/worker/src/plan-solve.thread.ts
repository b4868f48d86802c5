import { parentPort, workerData } from 'node:worker_threads';
import type { Snapshot } from '@tr/domain';
import { optimizePlan } from '@tr/optimizer';
import { validatePlan } from '@tr/validator';
import type { SolveRequest, ThreadMessage } from './plan-solve.types';

/**
 * The CPU-heavy part of a plan job, on its own thread: optimize, then check the plan with the
 * independent validator. Data in, plan out; the worker process does every write around it.
 */
async function main(): Promise<void> {
  const { snapshot, timeLimitSeconds } = workerData as SolveRequest & { snapshot: Snapshot };
  const post = (message: ThreadMessage) => parentPort!.postMessage(message);
  post({ type: 'progress', stage: 'building', percent: 0 });
  const { plan, stats } = await optimizePlan(snapshot, {
    threads: 1,
    timeLimitSeconds,
    onProgress: (stage, percent) => {
      if (stage === 'solving' || stage === 'naming') post({ type: 'progress', stage, percent });
    },
  });
  const violations = validatePlan(snapshot, plan).violations.map((v) => ({
    rule: v.rule,
    en: v.message.en,
    zh: v.message.zh,
  }));
  post({ type: 'result', plan, violations, status: stats.status });
}

main().catch((error: unknown) => {
  parentPort!.postMessage({
    type: 'error',
    message: error instanceof Error ? error.message : String(error),
  } satisfies ThreadMessage);
});
