import { PersonErasedError, PersonNotFoundError, PersonOffboardedError } from './person.errors';
import type { PersonRecord, PersonState } from './person.state';

export function requireRecord(state: PersonState): PersonRecord {
  if (state.status === 'unregistered') throw new PersonNotFoundError('No such person.');
  return state;
}

/** An erased person keeps only anonymous history: nothing about them may be written again. */
export function requireNotErased(state: PersonState): PersonRecord {
  const person = requireRecord(state);
  if (person.status === 'erased') throw new PersonErasedError("The person's personal data has been erased.", { personId: person.personId });
  return person;
}

/** An offboarded person's history is closed: corrections to their data only, no new facts. */
export function requireActive(state: PersonState): PersonRecord {
  const person = requireNotErased(state);
  if (person.status === 'offboarded') {
    throw new PersonOffboardedError('The person has been offboarded.', { personId: person.personId, offboardedOn: person.offboardedOn });
  }
  return person;
}
