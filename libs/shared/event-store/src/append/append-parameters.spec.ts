import { appendParameters } from './append-parameters';
import { prepareAppend } from './prepared-append';

const prepare = (streamId: string, data: unknown[], expectedVersion: 'any' | number = 'any') =>
  prepareAppend(streamId, data.map((d) => ({ type: 'E', data: d })), { expectedVersion, tenantId: `t-${streamId}`, correlationId: 'c' }, {});

describe('appendParameters', () => {
  it('passes a single append through without re-serialising it', () => {
    const append = prepare('a', [{ x: 1 }, { x: 2 }], 4);
    const [streams, expected, tenants, metadata, owners, offsets, ids, types, versions, data] = appendParameters([append]);
    expect([streams, expected, tenants]).toEqual([['a'], [4], ['t-a']]);
    expect(JSON.parse(metadata as string)).toEqual([{ correlationId: 'c' }]);
    expect([owners, offsets, ids, types, versions]).toEqual([[1, 1], [1, 2], append.eventIds, ['E', 'E'], [1, 1]]);
    expect(data).toBe(append.dataJson);
  });

  it('points each event at its append and keeps data aligned with the event arrays', () => {
    const batch = [prepare('a', [{ a: 1 }]), prepare('empty', []), prepare('b', [{ b: 1 }, [1, 2], 'three'])];
    const [streams, expected, , metadata, owners, offsets, ids, , , data] = appendParameters(batch);
    expect(streams).toEqual(['a', 'empty', 'b']);
    expect(expected).toEqual([null, null, null]);
    expect(JSON.parse(metadata as string)).toHaveLength(3);
    expect(owners).toEqual([1, 3, 3, 3]);
    expect(offsets).toEqual([1, 1, 2, 3]);
    expect(ids).toHaveLength(4);
    expect(JSON.parse(data as string)).toEqual([{ a: 1 }, { b: 1 }, [1, 2], 'three']);
  });

  it('sends an empty data array for a lone empty append', () => {
    expect(appendParameters([prepare('a', [])])[9]).toBe('[]');
  });
});
