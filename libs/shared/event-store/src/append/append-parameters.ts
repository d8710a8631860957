import type { PreparedAppend } from './prepared-append';

/**
 * APPEND_SQL's parameters for a batch of appends to distinct streams: one array entry per
 * append ($1–$4) and one per event ($5–$10), events pointing at their append by index.
 * The JSON of each append is spliced, not re-serialised.
 */
export function appendParameters(appends: readonly PreparedAppend[]): unknown[] {
  const streamIds: string[] = [];
  const expected: (number | null)[] = [];
  const tenants: string[] = [];
  const metadata: string[] = [];
  const owners: number[] = [];
  const offsets: number[] = [];
  const eventIds: string[] = [];
  const types: string[] = [];
  const versions: number[] = [];
  const data: string[] = [];
  for (let a = 0; a < appends.length; a++) {
    const append = appends[a] as PreparedAppend;
    streamIds.push(append.streamId);
    expected.push(append.expected);
    tenants.push(append.tenantId);
    metadata.push(append.metadataJson);
    for (let k = 0; k < append.eventIds.length; k++) {
      owners.push(a + 1);
      offsets.push(k + 1);
    }
    eventIds.push(...append.eventIds);
    types.push(...append.types);
    versions.push(...append.schemaVersions);
    if (append.eventIds.length > 0) data.push(appends.length === 1 ? append.dataJson : append.dataJson.slice(1, -1));
  }
  const dataJson = appends.length === 1 ? (data[0] ?? '[]') : `[${data.join(',')}]`;
  return [streamIds, expected, tenants, `[${metadata.join(',')}]`, owners, offsets, eventIds, types, versions, dataJson];
}

/**
 * APPEND_WITH_NEW_KEYS_SQL's extra parameters: $11 subject ids, $12 their keys, $13 the
 * (1-based) index of the append that stores each key.
 */
export function newKeyParameters(appends: readonly PreparedAppend[]): unknown[] {
  const subjects: string[] = [];
  const keys: Buffer[] = [];
  const owners: number[] = [];
  appends.forEach((append, a) => {
    append.newKeys?.subjects.forEach((subject, k) => {
      subjects.push(subject);
      keys.push(append.newKeys?.keys[k] as Buffer);
      owners.push(a + 1);
    });
  });
  return [subjects, keys, owners];
}
