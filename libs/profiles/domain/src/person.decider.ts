import type { ProfilesEvent } from '@trajectory/contracts/profiles';
import { assertNever, type Decider } from '@trajectory/shared/decider';
import { decideAddEducation, decideSetAspiration } from './development.decide';
import { decideEndJob, decidePromote, decideStartJob } from './job.decide';
import type { PersonCommand } from './person.commands';
import { evolvePerson } from './person.evolve';
import { decideErasePerson, decideOffboardPerson, decideRegisterPerson, decideUpdatePerson } from './person-lifecycle.decide';
import type { PersonState } from './person.state';

/** The person aggregate: one stream per person holds their record, jobs, education and aspiration. */
export const personDecider: Decider<PersonState, PersonCommand, ProfilesEvent> = {
  initialState: () => ({ status: 'unregistered' }),

  decide(command, state) {
    switch (command.type) {
      case 'RegisterPerson':
        return decideRegisterPerson(command, state);
      case 'UpdatePerson':
        return decideUpdatePerson(command, state);
      case 'OffboardPerson':
        return decideOffboardPerson(command, state);
      case 'ErasePerson':
        return decideErasePerson(command, state);
      case 'StartJob':
        return decideStartJob(command, state);
      case 'EndJob':
        return decideEndJob(command, state);
      case 'Promote':
        return decidePromote(command, state);
      case 'AddEducation':
        return decideAddEducation(command, state);
      case 'SetAspiration':
        return decideSetAspiration(command, state);
      default:
        return assertNever(command);
    }
  },

  evolve: evolvePerson,
};
