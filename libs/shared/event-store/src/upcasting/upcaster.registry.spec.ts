import { MissingUpcasterError } from '../errors/missing-upcaster.error';
import { UpcasterRegistry } from './upcaster.registry';

interface V1 {
  name: string;
}
interface V2 {
  givenName: string;
  familyName: string;
}
interface V3 extends V2 {
  displayName: string;
}

describe('UpcasterRegistry', () => {
  const registry = new UpcasterRegistry()
    .register<V1, V2>('PersonRegistered', 1, ({ name }) => {
      const [givenName = '', ...rest] = name.split(' ');
      return { givenName, familyName: rest.join(' ') };
    })
    .register<V2, V3>('PersonRegistered', 2, (v2) => ({ ...v2, displayName: `${v2.givenName} ${v2.familyName}` }));

  it('chains steps from the stored version to the newest', () => {
    expect(registry.upcast('PersonRegistered', 1, { name: 'Ada King Lovelace' })).toEqual({
      schemaVersion: 3,
      data: { givenName: 'Ada', familyName: 'King Lovelace', displayName: 'Ada King Lovelace' },
    });
    expect(registry.latestVersion('PersonRegistered')).toBe(3);
  });

  it('starts from the stored version and leaves current data untouched', () => {
    const v2 = { givenName: 'Grace', familyName: 'Hopper' };
    expect(registry.upcast('PersonRegistered', 2, v2).data).toEqual({ ...v2, displayName: 'Grace Hopper' });
    const v3 = { ...v2, displayName: 'Amazing Grace' };
    expect(registry.upcast('PersonRegistered', 3, v3)).toEqual({ schemaVersion: 3, data: v3 });
  });

  it('stops at an explicit target version', () => {
    expect(registry.upcast('PersonRegistered', 1, { name: 'Alan Turing' }, 2)).toEqual({
      schemaVersion: 2,
      data: { givenName: 'Alan', familyName: 'Turing' },
    });
  });

  it('passes types without upcasters through', () => {
    expect(registry.upcast('JobStarted', 1, { jobId: 'j' })).toEqual({ schemaVersion: 1, data: { jobId: 'j' } });
  });

  it('fails when a step towards the target is missing rather than hand out an old shape', () => {
    expect(() => registry.upcast('PersonRegistered', 1, { name: 'x' }, 4)).toThrow(MissingUpcasterError);
    expect(() => registry.upcast('JobStarted', 1, {}, 2)).toThrow(/no upcaster from v1/);
  });

  it('refuses a second upcaster for the same step', () => {
    expect(() => registry.register('PersonRegistered', 1, (d) => d)).toThrow(/already registered/);
  });
});
