import { DomainError } from '@trajectory/shared/decider';

export class PersonAlreadyRegisteredError extends DomainError {
  readonly code = 'PERSON_ALREADY_REGISTERED';
  override readonly kind = 'conflict';
}

export class PersonNotFoundError extends DomainError {
  readonly code = 'PERSON_NOT_FOUND';
  override readonly kind = 'not-found';
}

export class JobAlreadyExistsError extends DomainError {
  readonly code = 'JOB_ALREADY_EXISTS';
  override readonly kind = 'conflict';
}

export class JobNotFoundError extends DomainError {
  readonly code = 'JOB_NOT_FOUND';
  override readonly kind = 'not-found';
}

export class JobAlreadyEndedError extends DomainError {
  readonly code = 'JOB_ALREADY_ENDED';
}

export class JobEndsBeforeStartError extends DomainError {
  readonly code = 'JOB_ENDS_BEFORE_START';
}

export class JobStartsBeforeHireError extends DomainError {
  readonly code = 'JOB_STARTS_BEFORE_HIRE';
}

export class OverlappingFullTimeJobError extends DomainError {
  readonly code = 'OVERLAPPING_FULL_TIME_JOB';
}
