import {
  ArgumentsHost,
  Catch,
  HttpException,
  HttpStatus,
  Logger,
  type ExceptionFilter,
} from '@nestjs/common';
import { SnapshotValidationError, formatSnapshotIssue } from '@tr/domain';
import { ThrottlerException } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { ApiException } from './api.exception';
import { ErrorCode, assertUnreachable } from './error-code';
import { fromLibraryError } from './library-errors';

export function statusOf(code: ErrorCode): number {
  switch (code) {
    case ErrorCode.ValidationFailed:
    case ErrorCode.SnapshotInvalid:
    case ErrorCode.PolicyInvalid:
      return HttpStatus.BAD_REQUEST;
    case ErrorCode.Unauthenticated:
    case ErrorCode.InvalidCredentials:
      return HttpStatus.UNAUTHORIZED;
    case ErrorCode.Forbidden:
      return HttpStatus.FORBIDDEN;
    case ErrorCode.NotFound:
      return HttpStatus.NOT_FOUND;
    case ErrorCode.Conflict:
    case ErrorCode.PlanNotCancellable:
      return HttpStatus.CONFLICT;
    case ErrorCode.TooManyRequests:
      return HttpStatus.TOO_MANY_REQUESTS;
    case ErrorCode.QueueUnavailable:
    case ErrorCode.DatabaseUnavailable:
      return HttpStatus.SERVICE_UNAVAILABLE;
    case ErrorCode.Internal:
      return HttpStatus.INTERNAL_SERVER_ERROR;
    default:
      return assertUnreachable(code);
  }
}

/** Turns every error into the one body shape; anything unknown is logged and becomes a 500. */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('ApiExceptionFilter');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request & { id?: string }>();
    const response = http.getResponse<Response>();
    const known = this.toApiException(error);
    if (known.code === ErrorCode.Internal)
      this.logger.error({ err: error, path: request.path }, 'unhandled error');
    const status = statusOf(known.code);
    if (response.headersSent) return;
    response.status(status).json({
      status,
      error: {
        code: known.code,
        message_zh: known.messageZh,
        message: known.messageEn,
        ...(known.details !== undefined ? { details: known.details } : {}),
        request_id: String(request.id ?? ''),
      },
    });
  }

  private toApiException(error: unknown): ApiException {
    if (error instanceof ApiException) return error;
    if (error instanceof SnapshotValidationError) {
      return new ApiException(
        ErrorCode.SnapshotInvalid,
        `导入数据有 ${error.issues.length} 处错误，未写入任何数据`,
        `the snapshot has ${error.issues.length} error(s); nothing was written`,
        error.issues.map((issue) => ({ ...issue, text: formatSnapshotIssue(issue) })),
      );
    }
    if (error instanceof ThrottlerException) {
      return new ApiException(
        ErrorCode.TooManyRequests,
        '请求过于频繁，请稍后再试',
        'too many requests; try again later',
      );
    }
    const library = fromLibraryError(error);
    if (library) return library;
    if (error instanceof HttpException) return fromHttpException(error);
    return new ApiException(ErrorCode.Internal, '服务器内部错误', 'internal server error');
  }
}

/** Nest's own exceptions (unknown route, body parser, multer) keep their status under our codes. */
function fromHttpException(error: HttpException): ApiException {
  const status = error.getStatus();
  const body = error.getResponse();
  const detail =
    typeof body === 'object' && body && 'message' in body
      ? (body as { message: unknown }).message
      : undefined;
  if (status === HttpStatus.NOT_FOUND)
    return new ApiException(ErrorCode.NotFound, '找不到该资源', 'resource not found');
  if (status === HttpStatus.UNAUTHORIZED)
    return new ApiException(ErrorCode.Unauthenticated, '请先登录', 'sign in first');
  if (status === HttpStatus.FORBIDDEN) return ApiException.forbidden();
  if (status === HttpStatus.TOO_MANY_REQUESTS)
    return new ApiException(
      ErrorCode.TooManyRequests,
      '请求过于频繁，请稍后再试',
      'too many requests; try again later',
    );
  if (status === HttpStatus.CONFLICT)
    return new ApiException(ErrorCode.Conflict, '与现有数据冲突', 'conflicts with existing data');
  if (status < 500)
    return new ApiException(ErrorCode.ValidationFailed, '请求无效', 'invalid request', detail);
  return new ApiException(ErrorCode.Internal, '服务器内部错误', 'internal server error');
}
