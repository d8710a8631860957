import { applyDecorators } from '@nestjs/common';
import { IsEmail, Matches, MaxLength } from 'class-validator';

/**
 * The event schemas' `email` format (ajv-formats, full mode). class-validator's IsEmail
 * alone accepts addresses the schema refuses (non-ASCII local parts), which would turn a bad
 * request into a failed append; checking both keeps every accepted body storable.
 */
const SCHEMA_EMAIL = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i;

export function IsStorableEmail(): PropertyDecorator {
  return applyDecorators(IsEmail(), Matches(SCHEMA_EMAIL, { message: '$property must be an email address' }), MaxLength(320));
}

/** Bounds of the tenant's career ladder, as the event schemas publish them. */
export const LADDER_LEVEL = { min: 1, max: 20 } as const;
