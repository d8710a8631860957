import { ValidationPipe } from '@nestjs/common';
import { flattenValidationErrors, RequestValidationError } from './request-validation.error';

/**
 * Unknown properties are refused rather than silently dropped: a client that misspells
 * a field learns it at once instead of wondering why its value never took effect.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new RequestValidationError(flattenValidationErrors(errors)),
  });
}
