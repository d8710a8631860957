import type { Decider } from './decider';
import { handleCommand, handleCreation, StaleVersionError, type StreamStorePort } from './handle-command';

type Event = { type: 'Incremented'; data: { by: number } };
type Command = { type: 'Increment'; by: number };
const counter: Decider<number, Command, Event> = {
  initialState: () => 0,
  decide: (command) => (command.by === 0 ? [] : [{ type: 'Incremented', data: { by: command.by } }]),
  evolve: (state, event) => state + event.data.by,
};

/** An in-memory stand-in for the port: unit tests stay free of I/O. */
function memoryStore(tenantId?: string, events: Event[] = []) {
  const appends: Array<{ expectedVersion: number | 'no_stream'; tenantId: string; count: number }> = [];
  const store: StreamStorePort = {
    readStream: async () => ({ events, currentVersion: events.length, tenantId: events.length === 0 ? undefined : tenantId }),
    appendToStream: async (_id, newEvents, options) => {
      appends.push({ expectedVersion: options.expectedVersion, tenantId: options.tenantId, count: newEvents.length });
      return { nextExpectedVersion: events.length + newEvents.length };
    },
  };
  return { store, appends };
}

const one: Event = { type: 'Incremented', data: { by: 1 } };

describe('handleCommand', () => {
  it('appends a new stream with no_stream and returns the new version', async () => {
    const { store, appends } = memoryStore();
    const result = await handleCommand(store, counter, 's', { type: 'Increment', by: 2 }, { tenantId: 'acme' });
    expect(result).toEqual({ events: [{ type: 'Incremented', data: { by: 2 } }], version: 1 });
    expect(appends).toEqual([{ expectedVersion: 'no_stream', tenantId: 'acme', count: 1 }]);
  });

  it('appends at the version it loaded', async () => {
    const { store, appends } = memoryStore('acme', [one, one]);
    await handleCommand(store, counter, 's', { type: 'Increment', by: 1 }, { tenantId: 'acme' });
    expect(appends[0]?.expectedVersion).toBe(2);
  });

  it('refuses a stale If-Match before deciding', async () => {
    const { store, appends } = memoryStore('acme', [one, one]);
    await expect(handleCommand(store, counter, 's', { type: 'Increment', by: 1 }, { tenantId: 'acme', expectedVersion: 1 })).rejects.toBeInstanceOf(StaleVersionError);
    expect(appends).toEqual([]);
  });

  it("treats another tenant's stream as absent", async () => {
    const { store } = memoryStore('globex', [one]);
    const seen: number[] = [];
    const spy: Decider<number, Command, Event> = { ...counter, decide: (command, state) => (seen.push(state), counter.decide(command, state)) };
    await expect(handleCommand(store, spy, 's', { type: 'Increment', by: 0 }, { tenantId: 'acme', expectedVersion: 0 })).resolves.toEqual({ events: [], version: 0 });
    expect(seen).toEqual([0]);
  });

  it('appends nothing when the decider decides nothing', async () => {
    const { store, appends } = memoryStore('acme', [one]);
    expect(await handleCommand(store, counter, 's', { type: 'Increment', by: 0 }, { tenantId: 'acme' })).toEqual({ events: [], version: 1 });
    expect(appends).toEqual([]);
  });
});

describe('handleCreation', () => {
  it('appends without reading the stream when it does not exist', async () => {
    const { store, appends } = memoryStore();
    const readStream = jest.spyOn(store, 'readStream');
    const result = await handleCreation(store, counter, 's', { type: 'Increment', by: 2 }, { tenantId: 'acme' });
    expect(result).toEqual({ events: [{ type: 'Incremented', data: { by: 2 } }], version: 1 });
    expect(appends).toEqual([{ expectedVersion: 'no_stream', tenantId: 'acme', count: 1 }]);
    expect(readStream).not.toHaveBeenCalled();
  });

  it('runs the command the ordinary way when the stream turns out to exist', async () => {
    const existing = [one, one];
    const appends: Array<number | 'no_stream'> = [];
    const store: StreamStorePort = {
      readStream: async () => ({ events: existing, currentVersion: existing.length, tenantId: 'acme' }),
      appendToStream: async (_id, newEvents, options) => {
        if (options.expectedVersion !== existing.length) throw Object.assign(new Error('stream exists'), { code: 'CONCURRENCY_CONFLICT' });
        appends.push(options.expectedVersion);
        return { nextExpectedVersion: existing.length + newEvents.length };
      },
    };
    const result = await handleCreation(store, counter, 's', { type: 'Increment', by: 3 }, { tenantId: 'acme' });
    expect(result.version).toBe(3);
    expect(appends).toEqual([2]);
  });

  it('answers a refusal as the ordinary path would, from the stream as it really is', async () => {
    type Cmd = { type: 'Open' };
    type Ev = { type: 'Opened'; data: Record<string, never> };
    // Opening is refused on a fresh stream here only to tell the two answers apart.
    const door: Decider<'new' | 'open', Cmd, Ev> = {
      initialState: () => 'new',
      decide: (_command, state) => {
        if (state === 'new') throw new Error('refused on a new stream');
        throw new Error('already open');
      },
      evolve: () => 'open',
    };
    const store: StreamStorePort = {
      readStream: async () => ({ events: [{ type: 'Opened', data: {} }], currentVersion: 1, tenantId: 'acme' }),
      appendToStream: async () => ({ nextExpectedVersion: 2 }),
    };
    await expect(handleCreation(store, door, 's', { type: 'Open' }, { tenantId: 'acme' })).rejects.toThrow('already open');
  });

  it('passes any other failure on', async () => {
    const { store } = memoryStore();
    store.appendToStream = async () => {
      throw Object.assign(new Error('database down'), { code: 'ECONNREFUSED' });
    };
    await expect(handleCreation(store, counter, 's', { type: 'Increment', by: 1 }, { tenantId: 'acme' })).rejects.toThrow('database down');
  });
});
