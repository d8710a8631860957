import type { ErrorObject } from 'ajv';
import { EventStoreError } from './event-store.error';

export interface SchemaViolation {
  /** JSON Pointer into the event data, '' for the root. */
  path: string;
  message: string;
  keyword: string;
  params: Record<string, unknown>;
}

/** Event data does not match its published schema, so nothing of the append was stored. */
export class EventSchemaViolationError extends EventStoreError {
  readonly code = 'EVENT_SCHEMA_VIOLATION';
  readonly violations: readonly SchemaViolation[];

  constructor(
    readonly type: string,
    readonly schemaVersion: number,
    errors: readonly ErrorObject[],
  ) {
    const violations = errors.map((e) => ({
      path: e.instancePath,
      message: e.message ?? e.keyword,
      keyword: e.keyword,
      params: e.params as Record<string, unknown>,
    }));
    const summary = violations.map((v) => `${v.path || '/'} ${v.message}`).join('; ');
    super(`Event ${type} v${schemaVersion} violates its schema: ${summary}`, { type, schemaVersion, violations });
    this.violations = violations;
  }
}
