import type { Plan, Snapshot } from '@tr/domain';

export interface SolveRequest {
  snapshot: Snapshot;
  timeLimitSeconds: number;
}

export interface PlanViolationSummary {
  rule: string;
  en: string;
  zh: string;
}

/** What the solve thread tells the worker: progress of the optimizer's own stages, then one outcome. */
export type ThreadMessage =
  | { type: 'progress'; stage: 'building' | 'solving' | 'naming'; percent: number }
  | { type: 'result'; plan: Plan; violations: PlanViolationSummary[]; status: string }
  | { type: 'error'; message: string };

export type SolveResult = Extract<ThreadMessage, { type: 'result' }>;

/** A job for a solve thread, which takes one after another. */
export interface ThreadTask {
  id: number;
  request: SolveRequest;
}

/** A solve thread's message about the task of the same id. */
export interface ThreadReply {
  id: number;
  message: ThreadMessage;
}
