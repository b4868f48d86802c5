/** Codes of the plan-job errors; the API maps each to an HTTP status, the worker stores them on the plan. */
export enum PlanJobErrorCode {
  QueueUnavailable = 'queue_unavailable',
  PlanNotFound = 'plan_not_found',
  PlanNotCancellable = 'plan_not_cancellable',
  CountyNotFound = 'county_not_found',
  PolicyNotFound = 'policy_not_found',
  InvalidPolicyOverride = 'invalid_policy_override',
  PlanRejected = 'plan_rejected',
  SolveFailed = 'solve_failed',
  Transient = 'transient_failure',
  GaveUp = 'job_gave_up',
}
