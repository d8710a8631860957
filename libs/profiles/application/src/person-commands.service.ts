import { personStreamId, type ProfilesEvent } from '@trajectory/contracts/profiles';
import { handleCommand, type CommandContext, type CommandResult } from '@trajectory/shared/decider';
import { personDecider, type EndJob, type RegisterPerson, type StartJob } from '@trajectory/profiles/domain';
import type { ProfilesEventStore } from './profiles.ports';

/** Use cases of the person aggregate: each is load → decide → append. */
export class PersonCommandsService {
  constructor(private readonly store: ProfilesEventStore) {}

  registerPerson(data: RegisterPerson['data'], context: CommandContext): Promise<CommandResult<ProfilesEvent>> {
    return this.run(data.personId, { type: 'RegisterPerson', data }, context);
  }

  startJob(personId: string, data: StartJob['data'], context: CommandContext): Promise<CommandResult<ProfilesEvent>> {
    return this.run(personId, { type: 'StartJob', data }, context);
  }

  endJob(personId: string, data: EndJob['data'], context: CommandContext): Promise<CommandResult<ProfilesEvent>> {
    return this.run(personId, { type: 'EndJob', data }, context);
  }

  private run(personId: string, command: RegisterPerson | StartJob | EndJob, context: CommandContext) {
    return handleCommand(this.store, personDecider, personStreamId(personId), command, context);
  }
}
