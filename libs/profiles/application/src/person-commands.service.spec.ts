import type { StreamStorePort } from '@trajectory/shared/decider';
import { PersonCommandsService } from './person-commands.service';

const personId = '4f7a1b7e-8c5d-4c1e-9a53-1d2c3b4a5f60';
const registered = { type: 'PersonRegistered', data: { personId, givenName: 'Ada', familyName: 'L', email: 'a@example.com', hireDate: '2020-01-01', employeeNumber: null, orgUnit: null, managerId: null } };

/** Records the order of appends and erasures, so the test can check which comes first. */
function fixture(events: Array<{ type: string; data: unknown }>, tenantId = 'acme') {
  const log: string[] = [];
  const store: StreamStorePort = {
    readStream: async () => ({ events, currentVersion: events.length, tenantId: events.length === 0 ? undefined : tenantId }),
    appendToStream: async (_stream, appended) => {
      log.push(...appended.map((event) => `append ${event.type}`));
      events.push(...appended);
      return { nextExpectedVersion: events.length };
    },
  };
  const eraser = { erase: async (tenant: string, person: string) => void log.push(`erase ${tenant}/${person}`) };
  const service = new PersonCommandsService(store, eraser, () => new Date('2025-01-02T03:04:05.000Z'));
  return { service, log, events };
}

describe('PersonCommandsService.erasePerson', () => {
  it('records PersonErased with the clock time, then erases the personal data', async () => {
    const { service, log, events } = fixture([registered]);
    await expect(service.erasePerson(personId, { tenantId: 'acme' })).resolves.toMatchObject({ version: 2 });
    expect(log).toEqual(['append PersonErased', `erase acme/${personId}`]);
    expect(events[1]).toEqual({ type: 'PersonErased', data: { personId, erasedAt: '2025-01-02T03:04:05.000Z' } });
  });

  it('erases again on a retry without recording a second PersonErased', async () => {
    const { service, log } = fixture([registered]);
    await service.erasePerson(personId, { tenantId: 'acme' });
    await service.erasePerson(personId, { tenantId: 'acme' });
    expect(log).toEqual(['append PersonErased', `erase acme/${personId}`, `erase acme/${personId}`]);
  });

  it("erases nothing when the person is unknown or another tenant's", async () => {
    const { service, log } = fixture([registered], 'globex');
    await expect(service.erasePerson(personId, { tenantId: 'acme' })).rejects.toMatchObject({ code: 'PERSON_NOT_FOUND' });
    expect(log).toEqual([]);
  });
});
