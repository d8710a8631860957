import { AppendBatcher, type Settled } from './append-batcher';

interface Item {
  streamId: string;
  eventIds: readonly string[];
  fail?: boolean;
}

/** An executor the test finishes by hand, so in-flight batches stay in flight until told. */
function controlledExecutor() {
  const batches: Item[][] = [];
  const finishers: Array<() => void> = [];
  const waiters: Array<{ count: number; resolve: () => void }> = [];
  const execute = (batch: readonly Item[]) =>
    new Promise<Settled<string>[]>((resolve) => {
      batches.push([...batch]);
      finishers.push(() =>
        resolve(batch.map((item) => (item.fail ? { ok: false, error: new Error(`refused ${item.streamId}`) } : { ok: true, value: `done ${item.streamId}` }))),
      );
      for (const waiter of waiters.filter((w) => batches.length >= w.count)) waiter.resolve();
    });
  const batchCount = (count: number) =>
    batches.length >= count ? Promise.resolve() : new Promise<void>((resolve) => waiters.push({ count, resolve }));
  return { batches, finish: (i: number) => finishers[i]?.(), batchCount, execute };
}

const item = (streamId: string, events = 1, fail = false): Item => ({ streamId, eventIds: Array.from({ length: events }, (_, i) => `${streamId}-${i}`), fail });
const streamsOf = (batch: Item[] | undefined) => batch?.map((i) => i.streamId);

describe('AppendBatcher', () => {
  it('sends appends submitted in the same turn as one batch and answers each caller', async () => {
    const ex = controlledExecutor();
    const batcher = new AppendBatcher(ex.execute);
    const results = ['a', 'b', 'c'].map((s) => batcher.submit(item(s)));
    await ex.batchCount(1);
    ex.finish(0);
    await expect(Promise.all(results)).resolves.toEqual(['done a', 'done b', 'done c']);
    expect(ex.batches.map(streamsOf)).toEqual([['a', 'b', 'c']]);
  });

  it('gathers appends that arrive while the batch limit is reached into the next batch', async () => {
    const ex = controlledExecutor();
    const batcher = new AppendBatcher(ex.execute, { maxConcurrentBatches: 1 });
    const first = batcher.submit(item('a'));
    await ex.batchCount(1);
    const later = [batcher.submit(item('b')), batcher.submit(item('c'))];
    ex.finish(0);
    await first;
    await ex.batchCount(2);
    ex.finish(1);
    await Promise.all(later);
    expect(ex.batches.map(streamsOf)).toEqual([['a'], ['b', 'c']]);
  });

  it('never puts one stream in two batches at once, and keeps its appends in order', async () => {
    const ex = controlledExecutor();
    const batcher = new AppendBatcher(ex.execute, { maxConcurrentBatches: 4 });
    const order: string[] = [];
    const first = batcher.submit(item('s')).then((r) => order.push(`1:${r}`));
    const second = batcher.submit(item('s')).then((r) => order.push(`2:${r}`));
    const other = batcher.submit(item('t'));
    await ex.batchCount(1);
    expect(ex.batches.map(streamsOf)).toEqual([['s', 't']]);
    ex.finish(0);
    await Promise.all([first, other]);
    await ex.batchCount(2);
    expect(streamsOf(ex.batches[1])).toEqual(['s']);
    ex.finish(1);
    await second;
    expect(order).toEqual(['1:done s', '2:done s']);
  });

  it('caps events per batch but still sends an oversized append on its own', async () => {
    const ex = controlledExecutor();
    const batcher = new AppendBatcher(ex.execute, { maxBatchEvents: 10 });
    const all = [batcher.submit(item('big', 25)), batcher.submit(item('x', 6)), batcher.submit(item('y', 4)), batcher.submit(item('z', 1))];
    await ex.batchCount(3);
    expect(ex.batches.map(streamsOf)).toEqual([['big'], ['x', 'y'], ['z']]);
    [0, 1, 2].forEach(ex.finish);
    await Promise.all(all);
  });

  it('fails only the appends the executor refused', async () => {
    const ex = controlledExecutor();
    const batcher = new AppendBatcher(ex.execute);
    const ok = batcher.submit(item('ok'));
    const refused = batcher.submit(item('no', 1, true));
    await ex.batchCount(1);
    ex.finish(0);
    await expect(ok).resolves.toBe('done ok');
    await expect(refused).rejects.toThrow('refused no');
  });

  it('fails the whole batch when the executor throws, and keeps serving afterwards', async () => {
    let calls = 0;
    const batcher = new AppendBatcher<Item, string>(async (batch) => {
      calls++;
      if (calls === 1) throw new Error('connection lost');
      return batch.map(() => ({ ok: true, value: 'fine' }));
    });
    const lost = [batcher.submit(item('a')), batcher.submit(item('b'))];
    await expect(Promise.all(lost)).rejects.toThrow('connection lost');
    await expect(lost[1]).rejects.toThrow('connection lost');
    await expect(batcher.submit(item('a'))).resolves.toBe('fine');
  });

  it('refuses limits that would stall it', () => {
    expect(() => new AppendBatcher(async () => [], { maxConcurrentBatches: 0 })).toThrow(RangeError);
  });
});
