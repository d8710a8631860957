import { BadRequestException } from '@nestjs/common';
import type { ValidationError } from 'class-validator';
import type { FieldError } from './problem-details';

/** A 400 that knows which fields were wrong, so the filter can list them. */
export class RequestValidationError extends BadRequestException {
  readonly code = 'VALIDATION_FAILED';

  constructor(readonly errors: readonly FieldError[]) {
    super(`The request has ${errors.length} invalid field${errors.length === 1 ? '' : 's'}.`);
    this.name = 'RequestValidationError';
  }
}

/** Walks class-validator's error tree into flat `{ field, message }` pairs. */
export function flattenValidationErrors(errors: readonly ValidationError[], parentPath = ''): FieldError[] {
  return errors.flatMap((error) => {
    const path = joinPath(parentPath, error.property);
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field: path, message }));
    return [...own, ...flattenValidationErrors(error.children ?? [], path)];
  });
}

// class-validator names array items by index; brackets tell them apart from properties.
function joinPath(parent: string, property: string): string {
  if (/^\d+$/.test(property)) return `${parent}[${property}]`;
  return parent === '' ? property : `${parent}.${property}`;
}
