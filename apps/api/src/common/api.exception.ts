import { ErrorCode } from './error-code';

/** A domain error the API answers with: a code, a message in Chinese and English, optional details. */
export class ApiException extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly messageZh: string,
    readonly messageEn: string,
    readonly details?: unknown,
  ) {
    super(messageEn);
    this.name = 'ApiException';
  }

  static notFound(what: string, whatZh: string): ApiException {
    return new ApiException(ErrorCode.NotFound, `找不到${whatZh}`, `${what} not found`);
  }

  static forbidden(): ApiException {
    return new ApiException(ErrorCode.Forbidden, '无权执行此操作', 'you may not do this');
  }
}
