import { personStreamId, type ProfilesEvent } from '@trajectory/contracts/profiles';
import { handleCommand, handleCreation, type CommandContext, type CommandResult } from '@trajectory/shared/decider';
import {
  personDecider,
  type AddEducation,
  type EndJob,
  type OffboardPerson,
  type PersonCommand,
  type Promote,
  type RegisterPerson,
  type SetAspiration,
  type StartJob,
  type UpdatePerson,
} from '@trajectory/profiles/domain';
import type { Clock, PersonalDataEraser, ProfilesEventStore } from './profiles.ports';

export type ProfilesCommandResult = CommandResult<ProfilesEvent>;

/** Use cases of the person aggregate: each is load → decide → append. */
export class PersonCommandsService {
  constructor(
    private readonly store: ProfilesEventStore,
    private readonly eraser: PersonalDataEraser,
    private readonly clock: Clock = () => new Date(),
  ) {}

  /** Registration creates the person's stream: appended without reading it first (see handleCreation). */
  registerPerson(data: RegisterPerson['data'], context: CommandContext): Promise<ProfilesCommandResult> {
    return handleCreation(this.store, personDecider, personStreamId(data.personId), { type: 'RegisterPerson', data }, context);
  }

  updatePerson(personId: string, data: UpdatePerson['data'], context: CommandContext): Promise<ProfilesCommandResult> {
    return this.run(personId, { type: 'UpdatePerson', data }, context);
  }

  offboardPerson(personId: string, data: OffboardPerson['data'], context: CommandContext): Promise<ProfilesCommandResult> {
    return this.run(personId, { type: 'OffboardPerson', data }, context);
  }

  startJob(personId: string, data: StartJob['data'], context: CommandContext): Promise<ProfilesCommandResult> {
    return this.run(personId, { type: 'StartJob', data }, context);
  }

  endJob(personId: string, data: EndJob['data'], context: CommandContext): Promise<ProfilesCommandResult> {
    return this.run(personId, { type: 'EndJob', data }, context);
  }

  promote(personId: string, data: Promote['data'], context: CommandContext): Promise<ProfilesCommandResult> {
    return this.run(personId, { type: 'Promote', data }, context);
  }

  addEducation(personId: string, data: AddEducation['data'], context: CommandContext): Promise<ProfilesCommandResult> {
    return this.run(personId, { type: 'AddEducation', data }, context);
  }

  setAspiration(personId: string, data: SetAspiration['data'], context: CommandContext): Promise<ProfilesCommandResult> {
    return this.run(personId, { type: 'SetAspiration', data }, context);
  }

  /**
   * PersonErased is appended first, so the fact of erasure is on record (and published)
   * before the data goes; the eraser runs on every call, so a retry after a failed erase
   * finishes the job even though the decider records nothing the second time.
   */
  async erasePerson(personId: string, context: CommandContext): Promise<ProfilesCommandResult> {
    const result = await this.run(personId, { type: 'ErasePerson', data: { erasedAt: this.clock().toISOString() } }, context);
    await this.eraser.erase(context.tenantId, personId);
    return result;
  }

  private run(personId: string, command: PersonCommand, context: CommandContext): Promise<ProfilesCommandResult> {
    return handleCommand(this.store, personDecider, personStreamId(personId), command, context);
  }
}
