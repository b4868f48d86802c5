/** Queue and job names, in one place. Never rename a deployed one: jobs in Redis keep the old name. */
export enum QueueName {
  Plans = 'plans',
}

export enum JobName {
  GeneratePlan = 'generate-plan',
}

/**
 * A plan job carries the plan's id only: the county, policy and overrides are in PostgreSQL, so no
 * teacher data (and no national ID) ever sits in Redis.
 */
export interface GeneratePlanPayload {
  planId: string;
}

/** The stages a plan job reports, in order. */
export enum PlanStage {
  Loading = 'loading',
  Building = 'building',
  Solving = 'solving',
  Naming = 'naming',
  Saving = 'saving',
}

/** What `job.updateProgress()` carries and the SSE stream sends. */
export interface PlanProgress {
  stage: PlanStage;
  /** 0–100 over the whole job. */
  percent: number;
}
