import type { CareerPersonChangeRow } from '../career-records';
import { foldPersonAttributes } from './person-attributes';

const registered: CareerPersonChangeRow = {
  streamVersion: 1,
  kind: 'registered',
  changes: { givenName: 'Ada', familyName: 'Byron', email: 'ada@example.com', orgUnit: 'R&D', managerId: null, employeeNumber: 'E1' },
  recordedOn: '2020-01-01',
};
const renamed: CareerPersonChangeRow = { streamVersion: 3, kind: 'updated', changes: { familyName: 'Lovelace' }, recordedOn: '2021-01-01' };
const moved: CareerPersonChangeRow = { streamVersion: 2, kind: 'updated', changes: { familyName: 'King', orgUnit: 'Ops' }, recordedOn: '2020-06-01' };

describe('person attributes', () => {
  it('folds in stream order whatever the arrival order', () => {
    const expected = { givenName: 'Ada', familyName: 'Lovelace', orgUnit: 'Ops', managerId: null };
    expect(foldPersonAttributes([renamed, moved, registered], { erased: false })).toMatchObject(expected);
    expect(foldPersonAttributes([registered, moved, renamed], { erased: false })).toMatchObject(expected);
  });

  it('folds to null names and email once erased', () => {
    expect(foldPersonAttributes([registered, renamed], { erased: true })).toMatchObject({ givenName: null, familyName: null, email: null, orgUnit: 'R&D' });
  });
});
