import { MissingUpcasterError } from '../errors/missing-upcaster.error';

/** Turns data stored at `fromVersion` into the shape of `fromVersion + 1`. Must be pure. */
export type Upcaster<From = unknown, To = unknown> = (data: From) => To;

export interface Upcasted {
  schemaVersion: number;
  data: unknown;
}

/**
 * Stored events are immutable, so old shapes are brought forward on every read, one version
 * step at a time: each upcaster only knows its neighbour, and steps compose.
 */
export class UpcasterRegistry {
  private readonly steps = new Map<string, Map<number, Upcaster>>();
  private readonly latest = new Map<string, number>();

  register<From = unknown, To = unknown>(type: string, fromVersion: number, upcaster: Upcaster<From, To>): this {
    if (!Number.isInteger(fromVersion) || fromVersion < 1) {
      throw new RangeError(`Upcaster version must be a positive integer, got ${fromVersion}`);
    }
    const steps = this.steps.get(type) ?? new Map<number, Upcaster>();
    if (steps.has(fromVersion)) throw new Error(`Upcaster for ${type} v${fromVersion} is already registered`);
    steps.set(fromVersion, upcaster as Upcaster);
    this.steps.set(type, steps);
    this.latest.set(type, Math.max(fromVersion + 1, this.latest.get(type) ?? 0));
    return this;
  }

  /** The version the registered steps lead to, or undefined when the type has none. */
  latestVersion(type: string): number | undefined {
    return this.latest.get(type);
  }

  /**
   * Applies steps until `targetVersion` (default: as far as registered steps lead). Data
   * already at or beyond the target is returned untouched.
   */
  upcast(type: string, schemaVersion: number, data: unknown, targetVersion = this.latest.get(type)): Upcasted {
    if (targetVersion === undefined || schemaVersion >= targetVersion) return { schemaVersion, data };
    const steps = this.steps.get(type);
    let version = schemaVersion;
    let current = data;
    while (version < targetVersion) {
      const step = steps?.get(version);
      if (step === undefined) throw new MissingUpcasterError(type, version, targetVersion);
      current = step(current);
      version += 1;
    }
    return { schemaVersion: version, data: current };
  }
}
