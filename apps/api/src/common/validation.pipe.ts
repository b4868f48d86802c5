import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { ApiException } from './api.exception';
import { ErrorCode } from './error-code';

/** The one pipe: DTOs transformed, unknown fields refused, every field error listed. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    transform: true,
    whitelist: true,
    forbidNonWhitelisted: true,
    exceptionFactory: (errors) =>
      new ApiException(ErrorCode.ValidationFailed, '请求参数无效', 'the request is invalid', flatten(errors)),
  });
}

function flatten(errors: ValidationError[], prefix = ''): { field: string; problems: string[] }[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = e.constraints ? [{ field, problems: Object.values(e.constraints) }] : [];
    return [...own, ...flatten(e.children ?? [], field)];
  });
}
