import Ajv, { type AnySchema, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { EventSchemaViolationError } from '../errors/event-schema-violation.error';
import { UnknownEventTypeError } from '../errors/unknown-event-type.error';

/**
 * JSON Schemas of event data by (type, version). Schemas are compiled when registered, at
 * start-up, so an append only runs an already compiled validator.
 */
export class EventSchemaRegistry {
  private readonly ajv: Ajv;
  private readonly validators = new Map<string, Map<number, ValidateFunction>>();
  private readonly latest = new Map<string, number>();

  constructor(ajv?: Ajv) {
    // allErrors: a rejected event reports every violation at once, not one per retry.
    this.ajv = ajv ?? addFormats(new Ajv({ allErrors: true }));
  }

  register(type: string, version: number, schema: AnySchema): this {
    if (!Number.isInteger(version) || version < 1) throw new RangeError(`Schema version must be a positive integer, got ${version}`);
    const versions = this.validators.get(type) ?? new Map<number, ValidateFunction>();
    // A published schema is never edited; a changed shape gets a new version.
    if (versions.has(version)) throw new Error(`Schema for ${type} v${version} is already registered`);
    versions.set(version, this.ajv.compile(schema));
    this.validators.set(type, versions);
    this.latest.set(type, Math.max(version, this.latest.get(type) ?? 0));
    return this;
  }

  latestVersion(type: string): number | undefined {
    return this.latest.get(type);
  }

  has(type: string, version?: number): boolean {
    const versions = this.validators.get(type);
    return versions !== undefined && (version === undefined || versions.has(version));
  }

  /** Throws UnknownEventTypeError or EventSchemaViolationError; returns nothing when valid. */
  validate(type: string, version: number, data: unknown): void {
    const versions = this.validators.get(type);
    if (versions === undefined) throw new UnknownEventTypeError(type);
    const validator = versions.get(version);
    if (validator === undefined) throw new UnknownEventTypeError(type, version);
    if (!validator(data)) throw new EventSchemaViolationError(type, version, validator.errors ?? []);
  }
}
