import { parentPort } from 'node:worker_threads';
import { optimizePlan } from '@tr/optimizer';
import { validatePlan } from '@tr/validator';
import type { SolveRequest, ThreadMessage, ThreadReply, ThreadTask } from './plan-solve.types';

/**
 * The CPU-heavy part of a plan job, on its own thread: optimize, then check the plan with the
 * independent validator. Data in, plan out; the worker process does every write around it. The thread
 * takes one task after another (solve-thread-pool.ts), never two at once.
 */
async function solve({ snapshot, timeLimitSeconds }: SolveRequest, post: (message: ThreadMessage) => void) {
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

parentPort!.on('message', ({ id, request }: ThreadTask) => {
  const post = (message: ThreadMessage) => parentPort!.postMessage({ id, message } satisfies ThreadReply);
  solve(request, post).catch((error: unknown) =>
    post({ type: 'error', message: error instanceof Error ? error.message : String(error) }),
  );
});
