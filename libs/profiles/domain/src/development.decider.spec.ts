import type { ProfilesEvent } from '@trajectory/contracts/profiles';
import { AspirationBeforeHireError, EducationAlreadyExistsError, PersonErasedError, PersonNotFoundError, PersonOffboardedError } from './person.errors';
import { erased, offboarded, personId, registered, spec } from './person.test-fixtures';

const educationId = '5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a';
const degree = { educationId, kind: 'degree' as const, title: 'MSc Mathematics', field: 'mathematics', institution: 'University of London', completedOn: '2014-06-30' };
const educationAdded: ProfilesEvent = { type: 'EducationAdded', data: { personId, ...degree } };
const aspiration = { targetRole: 'Principal Engineer', field: 'engineering', targetLevel: 6, targetDate: '2027-01-01' };
const aspirationSet: ProfilesEvent = { type: 'AspirationSet', data: { personId, ...aspiration } };

describe('person decider: education', () => {
  it('adds a degree, even one completed before the hire date', () => {
    spec.given([registered]).when({ type: 'AddEducation', data: degree }).then([educationAdded]);
  });

  it('refuses a duplicate education id', () => {
    spec.given([registered, educationAdded]).when({ type: 'AddEducation', data: degree }).thenThrows(EducationAlreadyExistsError, 'EDUCATION_ALREADY_EXISTS');
  });

  it('refuses education for someone never registered', () => {
    spec.given([]).when({ type: 'AddEducation', data: degree }).thenThrows(PersonNotFoundError);
  });

  it('refuses education for an offboarded person', () => {
    spec.given([registered, offboarded]).when({ type: 'AddEducation', data: degree }).thenThrows(PersonOffboardedError, 'PERSON_OFFBOARDED');
  });

  it('refuses education for an erased person', () => {
    spec.given([registered, erased]).when({ type: 'AddEducation', data: degree }).thenThrows(PersonErasedError, 'PERSON_ERASED');
  });
});

describe('person decider: aspiration', () => {
  it('sets an aspiration', () => {
    spec.given([registered]).when({ type: 'SetAspiration', data: aspiration }).then([aspirationSet]);
  });

  it('replaces an earlier aspiration', () => {
    const next = { ...aspiration, targetRole: 'Engineering Manager', field: 'management' };
    spec.given([registered, aspirationSet]).when({ type: 'SetAspiration', data: next }).then([{ type: 'AspirationSet', data: { personId, ...next } }]);
  });

  it('records nothing when the same aspiration is set again', () => {
    spec.given([registered, aspirationSet]).when({ type: 'SetAspiration', data: aspiration }).then([]);
  });

  it('refuses a target date before the hire date', () => {
    spec.given([registered]).when({ type: 'SetAspiration', data: { ...aspiration, targetDate: '2019-01-01' } }).thenThrows(AspirationBeforeHireError, 'ASPIRATION_BEFORE_HIRE');
  });

  it('refuses an aspiration for an offboarded person', () => {
    spec.given([registered, offboarded]).when({ type: 'SetAspiration', data: aspiration }).thenThrows(PersonOffboardedError);
  });
});
