/**
 * Signals that a person's career may have changed (the projection committed events of
 * theirs). A reader waiting for a write to show subscribes before it reads, so a change
 * committed between its read and its wait still wakes it.
 */
export interface CareerChangesPort {
  watch(personId: string): CareerChangeWatch;
}

export interface CareerChangeWatch {
  /** Resolves true on the next change after `watch` (or one already seen), false after `timeoutMs`. */
  changed(timeoutMs: number): Promise<boolean>;
  /** Stops watching; always called, also after `changed` resolved. */
  close(): void;
}

export const CAREER_CHANGES = Symbol('CAREER_CHANGES');
