// kafkajs 2.2.4 is also patched (patches/kafkajs+2.2.4.patch) so that an idle connection's
// request queue stops re-checking itself every millisecond (kafkajs issues #1556, #1704):
// every process with a producer or consumer woke about a thousand times a second doing
// nothing. These tests pin the patch.
/* eslint-disable @typescript-eslint/no-require-imports */
const RequestQueue = require('kafkajs/src/network/requestQueue');
/* eslint-enable @typescript-eslint/no-require-imports */

interface KafkaRequestQueue {
  pending: unknown[];
  throttledUntil: number;
  throttleCheckTimeoutId: NodeJS.Timeout | null;
  scheduleCheckPendingRequests(): void;
  checkPendingRequests(): void;
  destroy(): void;
}

const logger = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

function newQueue(): KafkaRequestQueue {
  return new RequestQueue({ maxInFlightRequests: 1, requestTimeout: 30_000, enforceRequestTimeout: false, clientId: 'test', broker: 'localhost:9092', logger }) as KafkaRequestQueue;
}

describe('kafkajs request queue (patched)', () => {
  it('schedules no check while nothing is pending and nothing is throttled', () => {
    const queue = newQueue();
    queue.checkPendingRequests();
    queue.scheduleCheckPendingRequests();
    expect(queue.throttleCheckTimeoutId).toBeNull();
  });

  it('still schedules one for pending requests, and for the end of a throttle', () => {
    const pending = newQueue();
    pending.pending.push({});
    pending.scheduleCheckPendingRequests();
    expect(pending.throttleCheckTimeoutId).not.toBeNull();
    clearTimeout(pending.throttleCheckTimeoutId ?? undefined);

    const throttled = newQueue();
    throttled.throttledUntil = Date.now() + 60_000;
    throttled.scheduleCheckPendingRequests();
    expect(throttled.throttleCheckTimeoutId).not.toBeNull();
    clearTimeout(throttled.throttleCheckTimeoutId ?? undefined);
  });
});
