import type { CommitNotice } from './consumer-dedupe.repository';

/** PostgreSQL refuses NOTIFY payloads of 8000 bytes or more. */
const MAX_PAYLOAD_BYTES = 7999;
/** Stands for "any key": the keys of a large batch do not fit in one payload. */
const ALL_KEYS = '*';

/**
 * The notice a consumer's transaction sends when it commits: the Kafka keys (for event
 * streams, the stream ids) of the events it applied, one per line. A listener waiting for
 * one key's changes wakes on its key only; a batch whose keys do not fit wakes everyone.
 */
export function appliedKeysNotice(channel: string, keys: ReadonlySet<string>): CommitNotice | undefined {
  if (keys.size === 0) return undefined;
  const payload = [...keys].join('\n');
  // PostgreSQL refuses a NUL in a payload (which would fail the batch's transaction) and
  // a key holding the separator would be read as two: such keys wake everyone instead.
  const unsafe = [...keys].some((key) => key.includes('\0') || key.includes('\n') || key === ALL_KEYS);
  return { channel, payload: unsafe || Buffer.byteLength(payload) > MAX_PAYLOAD_BYTES ? ALL_KEYS : payload };
}

/** The keys a notice names, or 'all' when any key may have changed. */
export function keysOfNotice(payload: string): ReadonlySet<string> | 'all' {
  return payload === ALL_KEYS ? 'all' : new Set(payload.split('\n'));
}
