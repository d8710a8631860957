import { DomainError } from '@trajectory/shared/decider';

// Codes are published (clients switch on them): never rename one, add a new one instead.
// The kind picks the HTTP status: rule 422 (the default), conflict 409, not-found 404.

export class PersonAlreadyRegisteredError extends DomainError {
  readonly code = 'PERSON_ALREADY_REGISTERED';
  override readonly kind = 'conflict';
}

export class PersonNotFoundError extends DomainError {
  readonly code = 'PERSON_NOT_FOUND';
  override readonly kind = 'not-found';
}

export class PersonOffboardedError extends DomainError {
  readonly code = 'PERSON_OFFBOARDED';
}

export class PersonErasedError extends DomainError {
  readonly code = 'PERSON_ERASED';
}

export class ManagerIsSelfError extends DomainError {
  readonly code = 'MANAGER_IS_SELF';
}

export class NothingToUpdateError extends DomainError {
  readonly code = 'NOTHING_TO_UPDATE';
}

export class OffboardingBeforeHireError extends DomainError {
  readonly code = 'OFFBOARDING_BEFORE_HIRE';
}

export class OffboardingBeforeJobHistoryError extends DomainError {
  readonly code = 'OFFBOARDING_BEFORE_JOB_HISTORY';
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

export class JobEndsBeforePromotionError extends DomainError {
  readonly code = 'JOB_ENDS_BEFORE_PROMOTION';
}

export class JobStartsBeforeHireError extends DomainError {
  readonly code = 'JOB_STARTS_BEFORE_HIRE';
}

export class OverlappingFullTimeJobError extends DomainError {
  readonly code = 'OVERLAPPING_FULL_TIME_JOB';
}

export class PromotionNeedsCurrentJobError extends DomainError {
  readonly code = 'PROMOTION_NEEDS_CURRENT_JOB';
}

export class PromotionNeedsJobLevelError extends DomainError {
  readonly code = 'PROMOTION_NEEDS_JOB_LEVEL';
}

export class PromotionNeedsHigherLevelError extends DomainError {
  readonly code = 'PROMOTION_NEEDS_HIGHER_LEVEL';
}

export class PromotionBeforeJobStartError extends DomainError {
  readonly code = 'PROMOTION_BEFORE_JOB_START';
}

export class PromotionBeforePreviousPromotionError extends DomainError {
  readonly code = 'PROMOTION_BEFORE_PREVIOUS_PROMOTION';
}

export class EducationAlreadyExistsError extends DomainError {
  readonly code = 'EDUCATION_ALREADY_EXISTS';
  override readonly kind = 'conflict';
}

export class AspirationBeforeHireError extends DomainError {
  readonly code = 'ASPIRATION_BEFORE_HIRE';
}
