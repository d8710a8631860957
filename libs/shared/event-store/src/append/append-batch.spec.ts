import { EventSchemaViolationError } from '../errors/event-schema-violation.error';
import { UnknownEventTypeError } from '../errors/unknown-event-type.error';
import { EventSchemaRegistry } from '../schema/event-schema.registry';
import { UpcasterRegistry } from '../upcasting/upcaster.registry';
import { buildAppendParameters, buildMetadata, expectedVersionParameter } from './append-batch';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('buildAppendParameters', () => {
  const options = { expectedVersion: 3, tenantId: 'acme', correlationId: 'corr', causationId: 'cause', actor: 'user-1' };

  it('lays out one array entry per event and serialises data and metadata once', () => {
    const [streamId, expected, tenant, ids, types, versions, data, metadata] = buildAppendParameters(
      'goal-1',
      [
        { type: 'GoalSet', data: { title: 'a' }, eventId: 'e1' },
        { type: 'GoalCheckedIn', data: { progress: 0.5 }, schemaVersion: 2 },
      ],
      options,
      {},
    );
    expect([streamId, expected, tenant]).toEqual(['goal-1', 3, 'acme']);
    expect(ids[0]).toBe('e1');
    expect(ids[1]).toMatch(uuid);
    expect(types).toEqual(['GoalSet', 'GoalCheckedIn']);
    expect(versions).toEqual([1, 2]);
    expect(JSON.parse(data)).toEqual([{ title: 'a' }, { progress: 0.5 }]);
    expect(JSON.parse(metadata)).toEqual({ tenantId: 'acme', correlationId: 'corr', causationId: 'cause', actor: 'user-1' });
  });

  it('defaults the schema version to the newest registered, then the newest upcast target', () => {
    const schemas = new EventSchemaRegistry().register('GoalSet', 1, {}).register('GoalSet', 2, {});
    const upcasters = new UpcasterRegistry().register('PaySet', 1, (d) => d);
    const events = [
      { type: 'GoalSet', data: {} },
      { type: 'PaySet', data: {} },
    ];
    expect(buildAppendParameters('s', events.slice(0, 1), options, { schemas, upcasters })[5]).toEqual([2]);
    expect(buildAppendParameters('s', events.slice(1), options, { upcasters })[5]).toEqual([2]);
  });

  it('keeps undefined data aligned as null', () => {
    expect(JSON.parse(buildAppendParameters('s', [{ type: 'T', data: undefined }], options, {})[6])).toEqual([null]);
  });

  it('validates every event before anything is sent', () => {
    const schemas = new EventSchemaRegistry().register('GoalSet', 1, { type: 'object', required: ['title'] });
    const valid = { type: 'GoalSet', data: { title: 'ok' } };
    expect(() => buildAppendParameters('s', [valid, { type: 'GoalSet', data: {} }], options, { schemas })).toThrow(
      EventSchemaViolationError,
    );
    expect(() => buildAppendParameters('s', [valid, { type: 'Other', data: {} }], options, { schemas })).toThrow(
      UnknownEventTypeError,
    );
  });

  it('does not validate without a registry', () => {
    expect(() => buildAppendParameters('s', [{ type: 'Anything', data: 42 }], options, {})).not.toThrow();
  });
});

describe('buildMetadata', () => {
  it('starts a conversation when no correlation is given: causation defaults to correlation', () => {
    const metadata = buildMetadata({ expectedVersion: 'any', tenantId: 't' });
    expect(metadata.correlationId).toMatch(uuid);
    expect(metadata.causationId).toBe(metadata.correlationId);
    expect('actor' in metadata).toBe(false);
  });

  it('uses a fresh correlation each time', () => {
    expect(buildMetadata({ expectedVersion: 'any', tenantId: 't' }).correlationId).not.toBe(
      buildMetadata({ expectedVersion: 'any', tenantId: 't' }).correlationId,
    );
  });
});

describe('expectedVersionParameter', () => {
  it('maps any to null, no_stream to 0 and keeps numbers', () => {
    expect(expectedVersionParameter('any')).toBeNull();
    expect(expectedVersionParameter('no_stream')).toBe(0);
    expect(expectedVersionParameter(7)).toBe(7);
  });

  it('rejects versions that cannot exist', () => {
    expect(() => expectedVersionParameter(-1)).toThrow(RangeError);
    expect(() => expectedVersionParameter(1.5)).toThrow(RangeError);
  });
});
