import type { ProfilesEvent } from '@trajectory/contracts/profiles';
import type { AddEducation, SetAspiration } from './person.commands';
import { AspirationBeforeHireError, EducationAlreadyExistsError } from './person.errors';
import { requireActive } from './person.guards';
import type { PersonState } from './person.state';

export function decideAddEducation(command: AddEducation, state: PersonState): ProfilesEvent[] {
  const person = requireActive(state);
  const { educationId } = command.data;
  if (person.education.has(educationId)) throw new EducationAlreadyExistsError('An education entry with this id already exists.', { educationId });
  return [{ type: 'EducationAdded', data: { personId: person.personId, ...command.data } }];
}

/** A later aspiration replaces the earlier one; setting the same one again records nothing. */
export function decideSetAspiration(command: SetAspiration, state: PersonState): ProfilesEvent[] {
  const person = requireActive(state);
  const { targetRole, field, targetLevel, targetDate } = command.data;
  if (targetDate < person.hireDate) {
    throw new AspirationBeforeHireError('An aspiration cannot target a date before the hire date.', { targetDate, hireDate: person.hireDate });
  }
  const current = person.aspiration;
  const unchanged =
    current !== null && current.targetRole === targetRole && current.field === field && current.targetLevel === targetLevel && current.targetDate === targetDate;
  return unchanged ? [] : [{ type: 'AspirationSet', data: { personId: person.personId, targetRole, field, targetLevel, targetDate } }];
}
