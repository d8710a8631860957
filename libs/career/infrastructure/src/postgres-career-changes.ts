import type { CareerChangeWatch, CareerChangesPort } from '@trajectory/career/application';
import { personStreamId } from '@trajectory/contracts/profiles';
import { keysOfNotice } from '@trajectory/shared/messaging';
import type { Notification, Pool, PoolClient } from 'pg';
import type { CareerInvalidations } from './cached-career-read-model';

/** The channel the career's consumer announces projected stream ids on (KafkaConsumerRunner's notifyChannel). */
export const CAREER_CHANGES_CHANNEL = 'career_projected';

/** A person's stream id is this plus the person id (personStreamId). */
const STREAM_PREFIX = personStreamId('');
const RECONNECT_DELAY_MS = 1000;
/** While not listening, waiting readers re-read this often instead. */
const UNHEARD_POLL_MS = 100;
/**
 * While listening, waiting readers still re-read this often: a connection that died
 * without an error (a half-open socket after a failover) would otherwise turn every wait
 * into a full-length one, with nothing to show for it.
 */
const DEFAULT_RECHECK_MS = 1000;
/**
 * The listening connection is asked a trivial query this often, and given this long to
 * answer: one that died without an error is then treated as lost (waiting reads re-read,
 * the career cache stands aside) instead of silently hearing nothing.
 */
const LIVENESS_INTERVAL_MS = 5000;
const LIVENESS_TIMEOUT_MS = 3000;

interface Watcher {
  changed: boolean;
  wake?: (changed: boolean) => void;
}

interface Logger {
  warn(message: string): void;
}

/**
 * Wakes readers waiting for a person's career to change: one connection LISTENs on the
 * channel the consumer NOTIFYs at each commit, so every replica hears every commit,
 * whichever replica projected it. Notifications are delivered only after the commit, so a
 * woken reader sees the change. While the connection is down (and when it comes back)
 * every watcher is woken: a missed notification must cost a re-read, never a wait.
 */
export class PostgresCareerChanges implements CareerChangesPort, CareerInvalidations {
  private readonly watchers = new Map<string, Set<Watcher>>();
  private readonly invalidationListeners: Array<(people: ReadonlySet<string> | 'all') => void> = [];
  private client: PoolClient | undefined;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private livenessTimer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    private readonly pool: Pool,
    private readonly logger: Logger,
    private readonly channel: string = CAREER_CHANGES_CHANNEL,
    private readonly recheckMs: number = DEFAULT_RECHECK_MS,
    private readonly liveness: { intervalMs: number; timeoutMs: number } = { intervalMs: LIVENESS_INTERVAL_MS, timeoutMs: LIVENESS_TIMEOUT_MS },
  ) {}

  /** Nest calls it at start; a failure here fails the start loudly. */
  async onModuleInit(): Promise<void> {
    await this.listen();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.reconnectTimer);
    clearInterval(this.livenessTimer);
    const client = this.client;
    this.client = undefined;
    if (client !== undefined) discard(client);
    this.wakeAll();
  }

  get listening(): boolean {
    return this.client !== undefined;
  }

  onInvalidate(listener: (people: ReadonlySet<string> | 'all') => void): void {
    this.invalidationListeners.push(listener);
  }

  watch(personId: string): CareerChangeWatch {
    const key = personStreamId(personId);
    const watcher: Watcher = { changed: false };
    let set = this.watchers.get(key);
    if (set === undefined) this.watchers.set(key, (set = new Set()));
    set.add(watcher);
    let timer: NodeJS.Timeout | undefined;
    return {
      changed: (timeoutMs) =>
        new Promise<boolean>((resolve) => {
          if (watcher.changed) return resolve(true);
          // Nobody tells us of changes while not listening: the caller re-reads now and then.
          if (this.client === undefined) {
            timer = setTimeout(() => resolve(true), Math.min(timeoutMs, UNHEARD_POLL_MS));
            return;
          }
          watcher.wake = (changed) => {
            clearTimeout(timer);
            watcher.wake = undefined;
            resolve(changed);
          };
          // Past the recheck interval the caller reads again (true) even without a notice.
          timer = timeoutMs <= this.recheckMs ? setTimeout(() => watcher.wake?.(false), timeoutMs) : setTimeout(() => watcher.wake?.(true), this.recheckMs);
        }),
      close: () => {
        clearTimeout(timer);
        watcher.wake?.(false);
        set.delete(watcher);
        if (set.size === 0 && this.watchers.get(key) === set) this.watchers.delete(key);
      },
    };
  }

  private async listen(): Promise<void> {
    const client = await this.pool.connect();
    client.on('notification', (message: Notification) => this.onNotification(message));
    client.on('error', (error: Error) => this.onLost(client, error));
    try {
      await client.query(`LISTEN "${this.channel}"`);
    } catch (error) {
      discard(client);
      throw error;
    }
    if (this.stopped) {
      // Stopped while connecting: a client kept now would hold the pool's shutdown forever.
      discard(client);
      return;
    }
    this.client = client;
    // Anything committed while no one listened: everyone re-reads.
    this.wakeAll();
    clearInterval(this.livenessTimer);
    this.livenessTimer = setInterval(() => void this.checkLiveness(client), this.liveness.intervalMs);
    this.livenessTimer.unref();
  }

  private onNotification(message: Notification): void {
    if (message.channel !== this.channel) return;
    const keys = keysOfNotice(message.payload ?? '*');
    if (keys === 'all') return this.wakeAll();
    const people = new Set<string>();
    for (const key of keys) if (key.startsWith(STREAM_PREFIX)) people.add(key.slice(STREAM_PREFIX.length));
    // Forget first, then wake: a woken reader must not find the old career in memory.
    for (const listener of this.invalidationListeners) listener(people);
    for (const key of keys) for (const watcher of this.watchers.get(key) ?? []) this.mark(watcher);
  }

  private async checkLiveness(client: PoolClient): Promise<void> {
    if (this.client !== client) return;
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${this.liveness.timeoutMs} ms`)), this.liveness.timeoutMs);
    });
    try {
      await Promise.race([client.query('SELECT 1'), timedOut]);
    } catch (error) {
      this.onLost(client, error as Error);
    } finally {
      clearTimeout(timer);
    }
  }

  private onLost(client: PoolClient, error: Error): void {
    if (this.client !== client) return;
    this.client = undefined;
    clearInterval(this.livenessTimer);
    discard(client);
    this.wakeAll();
    if (this.stopped) return;
    this.logger.warn(`career change notifications lost (${error.message}); listening again in ${RECONNECT_DELAY_MS} ms`);
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    this.reconnectTimer = setTimeout(() => {
      this.listen().catch((error: Error) => {
        if (this.stopped) return;
        this.logger.warn(`listening for career changes failed (${error.message}); trying again in ${RECONNECT_DELAY_MS} ms`);
        this.scheduleReconnect();
      });
    }, RECONNECT_DELAY_MS);
  }

  /** Any career may have changed (a large batch, a rebuild's switch-over, a lost or new connection). */
  private wakeAll(): void {
    for (const listener of this.invalidationListeners) listener('all');
    for (const set of this.watchers.values()) for (const watcher of set) this.mark(watcher);
  }

  private mark(watcher: Watcher): void {
    watcher.changed = true;
    watcher.wake?.(true);
  }
}

/** Closes a listening connection for good: no more notices from it, and never back to the pool. */
function discard(client: PoolClient): void {
  client.removeAllListeners('notification');
  client.release(true);
}
