import { EventEmitter } from 'node:events';
import { eventually } from '@trajectory/shared/testing';
import type { Pool } from 'pg';
import { CAREER_CHANGES_CHANNEL, PostgresCareerChanges } from './postgres-career-changes';

// Unit level: a stand-in pool whose one client records what it is asked. The real
// LISTEN/NOTIFY path runs in the career HTTP and end-to-end suites.

class FakeClient extends EventEmitter {
  readonly queries: string[] = [];
  released = false;
  /** A connection that died without an error: queries after LISTEN never answer. */
  silent = false;
  query(text: string): Promise<void> {
    this.queries.push(text);
    return this.silent ? new Promise(() => undefined) : Promise.resolve();
  }
  release(): void {
    this.released = true;
  }
  notify(payload: string): void {
    this.emit('notification', { channel: CAREER_CHANGES_CHANNEL, payload, processId: 1 });
  }
}

function fakePool(client: FakeClient, connected: Promise<void> = Promise.resolve()): Pool {
  return { connect: async () => (await connected, client) } as unknown as Pool;
}

const quiet = { warn: () => undefined };
const person = '6f1d2c9e-2b1a-4c3d-9e8f-0a1b2c3d4e5f';

describe('PostgresCareerChanges', () => {
  it("wakes a watcher when a notice names its person's stream, and only then", async () => {
    const client = new FakeClient();
    const changes = new PostgresCareerChanges(fakePool(client), quiet, CAREER_CHANGES_CHANNEL, 60_000);
    await changes.onModuleInit();
    expect(client.queries).toEqual([`LISTEN "${CAREER_CHANGES_CHANNEL}"`]);
    const watch = changes.watch(person);
    const changed = watch.changed(60_000);
    client.notify('person-someone-else');
    client.notify(`person-other\nperson-${person}`);
    await expect(changed).resolves.toBe(true);
    watch.close();
    await changes.onModuleDestroy();
  });

  it('has the reader read again after the recheck interval even without a notice (a silently dead connection)', async () => {
    const client = new FakeClient();
    const changes = new PostgresCareerChanges(fakePool(client), quiet, CAREER_CHANGES_CHANNEL, 20);
    await changes.onModuleInit();
    const watch = changes.watch(person);
    await expect(watch.changed(60_000)).resolves.toBe(true);
    watch.close();
    // A wait shorter than the recheck interval ends as a plain timeout.
    const short = changes.watch(person);
    await expect(short.changed(5)).resolves.toBe(false);
    short.close();
    await changes.onModuleDestroy();
  });

  it('releases a connection that arrives after it was stopped, so the pool can shut down', async () => {
    const client = new FakeClient();
    let connect!: () => void;
    const changes = new PostgresCareerChanges(fakePool(client, new Promise<void>((resolve) => (connect = resolve))), quiet);
    const starting = changes.onModuleInit();
    await changes.onModuleDestroy();
    connect();
    await starting;
    expect(client.released).toBe(true);
  });

  it('treats a connection that stops answering as lost: the cache stands aside and it listens again', async () => {
    const client = new FakeClient();
    const changes = new PostgresCareerChanges(fakePool(client), quiet, CAREER_CHANGES_CHANNEL, 60_000, { intervalMs: 10, timeoutMs: 10 });
    const invalidated: Array<ReadonlySet<string> | 'all'> = [];
    changes.onInvalidate((people) => invalidated.push(people));
    await changes.onModuleInit();
    expect(changes.listening).toBe(true);
    client.silent = true;
    await eventually(() => expect(changes.listening).toBe(false));
    expect(client.released).toBe(true);
    expect(invalidated).toContain('all');
    await changes.onModuleDestroy();
  });
});
