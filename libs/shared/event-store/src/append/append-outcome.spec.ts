import { ConcurrencyError } from '../errors/concurrency.error';
import { DuplicateEventError } from '../errors/duplicate-event.error';
import { StreamTenantMismatchError } from '../errors/stream-tenant-mismatch.error';
import { appendOutcome, translateAppendError, uniqueViolation } from './append-outcome';

const facts = (expectedVersion: number | 'no_stream' | 'any') => ({
  streamId: 's',
  tenantId: 'acme',
  expectedVersion,
  expected: expectedVersion === 'any' ? null : expectedVersion === 'no_stream' ? 0 : expectedVersion,
});

describe('appendOutcome', () => {
  it('returns the next expected version and positions of an accepted append', () => {
    expect(appendOutcome({ current_version: 2, stream_tenant: 'acme', positions: ['7', '8'] }, facts(2))).toEqual({
      nextExpectedVersion: 4,
      globalPositions: ['7', '8'],
    });
  });

  it('refuses a stream of another tenant before looking at versions', () => {
    expect(() => appendOutcome({ current_version: 1, stream_tenant: 'other', positions: null }, facts(5))).toThrow(
      StreamTenantMismatchError,
    );
  });

  it('reports the actual version when the head did not match', () => {
    let caught: unknown;
    try {
      appendOutcome({ current_version: 1, stream_tenant: 'acme', positions: null }, facts('no_stream'));
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConcurrencyError);
    expect(caught).toMatchObject({ code: 'CONCURRENCY_CONFLICT', streamId: 's', expectedVersion: 'no_stream', actualVersion: 1 });
  });

  it('accepts an empty batch whose expectation holds', () => {
    expect(appendOutcome({ current_version: 3, stream_tenant: 'acme', positions: null }, facts('any'))).toEqual({
      nextExpectedVersion: 3,
      globalPositions: [],
    });
  });
});

describe('translateAppendError', () => {
  const versionClash = { code: '23505', constraint: 'events_stream_version_key' };
  const duplicate = {
    code: '23505',
    constraint: 'events_event_id_key',
    detail: 'Key (event_id)=(0b5e8f8e-3c1a-4d57-9a55-6f1b3a9e2c10) already exists.',
  };

  it('tells a version clash from a duplicate event by constraint', () => {
    expect(uniqueViolation(versionClash)).toBe('version');
    expect(uniqueViolation(duplicate)).toBe('event_id');
    expect(uniqueViolation({ code: '23505', constraint: 'something_else' })).toBeUndefined();
    expect(uniqueViolation(new Error('boom'))).toBeUndefined();
  });

  it('turns the clash into a ConcurrencyError without an actual version', () => {
    const error = translateAppendError(versionClash, facts(4));
    expect(error).toBeInstanceOf(ConcurrencyError);
    expect(error).toMatchObject({ expectedVersion: 4, actualVersion: undefined });
  });

  it('names the duplicated event id', () => {
    const error = translateAppendError(duplicate, facts('any'));
    expect(error).toBeInstanceOf(DuplicateEventError);
    expect(error).toMatchObject({ code: 'DUPLICATE_EVENT', eventId: '0b5e8f8e-3c1a-4d57-9a55-6f1b3a9e2c10' });
  });

  it('passes unrelated errors through untouched', () => {
    const other = new Error('connection reset');
    expect(translateAppendError(other, facts('any'))).toBe(other);
  });
});
