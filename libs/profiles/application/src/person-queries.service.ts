import { personStreamId, type ProfilesEvent } from '@trajectory/contracts/profiles';
import { loadStream } from '@trajectory/shared/decider';
import { PersonNotFoundError, personDecider, type PersonState } from '@trajectory/profiles/domain';
import type { ProfilesEventStore } from './profiles.ports';
import { toPersonView, type PersonView } from './person.view';

/** Reads a person straight from their stream: consistent with the last write (read-your-writes). */
export class PersonQueriesService {
  constructor(private readonly store: ProfilesEventStore) {}

  async getPerson(personId: string, tenantId: string): Promise<PersonView> {
    const { state, version } = await loadStream<PersonState, never, ProfilesEvent>(this.store, personDecider, personStreamId(personId), tenantId);
    if (state.status === 'unregistered') throw new PersonNotFoundError('No such person.', { personId });
    return toPersonView(state, version);
  }
}
