/** Every error the API can answer with. The filter maps each to a status and a bilingual message. */
export enum ErrorCode {
  ValidationFailed = 'validation_failed',
  SnapshotInvalid = 'snapshot_invalid',
  PolicyInvalid = 'policy_invalid',
  Unauthenticated = 'unauthenticated',
  InvalidCredentials = 'invalid_credentials',
  Forbidden = 'forbidden',
  NotFound = 'not_found',
  Conflict = 'conflict',
  PlanNotCancellable = 'plan_not_cancellable',
  TooManyRequests = 'too_many_requests',
  QueueUnavailable = 'queue_unavailable',
  DatabaseUnavailable = 'database_unavailable',
  Internal = 'internal',
}

export function assertUnreachable(value: never): never {
  throw new Error(`unhandled value: ${String(value)}`);
}
