import { PlanJobErrorCode, PlanJobException } from '@tr/jobs';
import { UnreadableInputError } from '@tr/io';
import { CountyNotFoundError } from '@tr/persistence';
import { QueryFailedError } from 'typeorm';
import { ApiException } from './api.exception';
import { ErrorCode, assertUnreachable } from './error-code';

const UNIQUE_VIOLATION = '23505';
const FOREIGN_KEY_VIOLATION = '23503';
const CHECK_VIOLATION = '23514';
/** Connection-level failures: the database is down or restarting, not a bad request. */
const CONNECTION_ERRORS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  '57P01',
  '57P03',
  '08006',
  '08001',
]);

/** Errors thrown by the libraries below the API, in the API's terms; undefined for anything else. */
export function fromLibraryError(error: unknown): ApiException | undefined {
  // An unreadable upload is the client's error, not ours.
  if (error instanceof UnreadableInputError) {
    return new ApiException(
      ErrorCode.SnapshotInvalid,
      '无法读取上传的工作簿',
      'the uploaded workbook cannot be read',
      error.message,
    );
  }
  if (error instanceof CountyNotFoundError) {
    const [zh, en] = error.message.split(' / ');
    return new ApiException(ErrorCode.NotFound, zh, en);
  }
  if (error instanceof PlanJobException)
    return new ApiException(planJobCode(error.code), error.messageZh, error.message);
  const code = (error as { code?: unknown })?.code;
  if (typeof code === 'string' && CONNECTION_ERRORS.has(code)) {
    return new ApiException(
      ErrorCode.DatabaseUnavailable,
      '数据库暂时不可用，请稍后再试',
      'the database is unavailable; try again shortly',
    );
  }
  if (error instanceof QueryFailedError) {
    const pgCode = (error.driverError as { code?: string }).code;
    const constraint = (error.driverError as { constraint?: string }).constraint;
    if (pgCode === UNIQUE_VIOLATION)
      return new ApiException(ErrorCode.Conflict, '与现有数据重复', 'duplicates existing data', {
        constraint,
      });
    if (pgCode === FOREIGN_KEY_VIOLATION || pgCode === CHECK_VIOLATION) {
      return new ApiException(
        ErrorCode.ValidationFailed,
        '数据不符合约束',
        'the data breaks a rule of the database',
        { constraint },
      );
    }
  }
  return undefined;
}

function planJobCode(code: PlanJobErrorCode): ErrorCode {
  switch (code) {
    case PlanJobErrorCode.QueueUnavailable:
      return ErrorCode.QueueUnavailable;
    case PlanJobErrorCode.PlanNotFound:
    case PlanJobErrorCode.CountyNotFound:
    case PlanJobErrorCode.PolicyNotFound:
      return ErrorCode.NotFound;
    case PlanJobErrorCode.PlanNotCancellable:
      return ErrorCode.PlanNotCancellable;
    case PlanJobErrorCode.InvalidPolicyOverride:
      return ErrorCode.PolicyInvalid;
    case PlanJobErrorCode.PlanRejected:
    case PlanJobErrorCode.SolveFailed:
    case PlanJobErrorCode.Transient:
    case PlanJobErrorCode.GaveUp:
      return ErrorCode.Internal;
    default:
      return assertUnreachable(code);
  }
}
