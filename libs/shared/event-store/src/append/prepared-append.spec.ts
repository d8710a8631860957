import { EventSchemaViolationError } from '../errors/event-schema-violation.error';
import { UnknownEventTypeError } from '../errors/unknown-event-type.error';
import { EventSchemaRegistry } from '../schema/event-schema.registry';
import { UpcasterRegistry } from '../upcasting/upcaster.registry';
import { buildMetadata, expectedVersionParameter, prepareAppend } from './prepared-append';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const timeOrderedUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('prepareAppend', () => {
  const options = { expectedVersion: 3, tenantId: 'acme', correlationId: 'corr', causationId: 'cause', actor: 'user-1' };

  it('lays out one array entry per event and serialises data and metadata once', () => {
    const append = prepareAppend(
      'goal-1',
      [
        { type: 'GoalSet', data: { title: 'a' }, eventId: 'e1' },
        { type: 'GoalCheckedIn', data: { progress: 0.5 }, schemaVersion: 2 },
      ],
      options,
      {},
    );
    expect(append).toMatchObject({ streamId: 'goal-1', expectedVersion: 3, expected: 3, tenantId: 'acme' });
    expect(append.eventIds[0]).toBe('e1');
    expect(append.eventIds[1]).toMatch(timeOrderedUuid);
    expect(append.types).toEqual(['GoalSet', 'GoalCheckedIn']);
    expect(append.schemaVersions).toEqual([1, 2]);
    expect(JSON.parse(append.dataJson)).toEqual([{ title: 'a' }, { progress: 0.5 }]);
    expect(JSON.parse(append.metadataJson)).toEqual({ correlationId: 'corr', causationId: 'cause', actor: 'user-1' });
  });

  it('defaults the schema version to the newest registered, then the newest upcast target', () => {
    const schemas = new EventSchemaRegistry().register('GoalSet', 1, {}).register('GoalSet', 2, {});
    const upcasters = new UpcasterRegistry().register('PaySet', 1, (d) => d);
    expect(prepareAppend('s', [{ type: 'GoalSet', data: {} }], options, { schemas, upcasters }).schemaVersions).toEqual([2]);
    expect(prepareAppend('s', [{ type: 'PaySet', data: {} }], options, { upcasters }).schemaVersions).toEqual([2]);
    expect(prepareAppend('s', [{ type: 'PaySet', data: {} }], options, {}).schemaVersions).toEqual([1]);
  });

  it('gives events without an id time-ordered ids that sort in the order they were made', () => {
    const ids = prepareAppend('goal-1', Array.from({ length: 50 }, () => ({ type: 'GoalSet', data: {} })), { expectedVersion: 'any', tenantId: 'acme' }, {}).eventIds;
    expect(ids.every((id) => timeOrderedUuid.test(id))).toBe(true);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('keeps undefined data aligned as null', () => {
    expect(JSON.parse(prepareAppend('s', [{ type: 'T', data: undefined }], options, {}).dataJson)).toEqual([null]);
  });

  it('validates every event before anything is sent', () => {
    const schemas = new EventSchemaRegistry().register('GoalSet', 1, { type: 'object', required: ['title'] });
    const valid = { type: 'GoalSet', data: { title: 'ok' } };
    expect(() => prepareAppend('s', [valid, { type: 'GoalSet', data: {} }], options, { schemas })).toThrow(EventSchemaViolationError);
    expect(() => prepareAppend('s', [valid, { type: 'Other', data: {} }], options, { schemas })).toThrow(UnknownEventTypeError);
  });

  it('does not validate without a registry', () => {
    expect(() => prepareAppend('s', [{ type: 'Anything', data: 42 }], options, {})).not.toThrow();
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
