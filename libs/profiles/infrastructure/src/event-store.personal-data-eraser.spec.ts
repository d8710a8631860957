import { EventStorePersonalDataEraser } from './event-store.personal-data-eraser';

describe('EventStorePersonalDataEraser', () => {
  it("shreds the person's key in the store", async () => {
    const erased: string[] = [];
    const eraser = new EventStorePersonalDataEraser({ eraseSubject: async (subject) => (erased.push(subject), true) });
    await eraser.erase('acme', 'p-1');
    expect(erased).toEqual(['p-1']);
  });

  it('succeeds when the key is already gone, so retries are safe', async () => {
    const eraser = new EventStorePersonalDataEraser({ eraseSubject: async () => false });
    await expect(eraser.erase('acme', 'p-1')).resolves.toBeUndefined();
  });

  it('does nothing on a store without crypto-shredding', async () => {
    await expect(new EventStorePersonalDataEraser({}).erase('acme', 'p-1')).resolves.toBeUndefined();
  });
});
