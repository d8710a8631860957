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
