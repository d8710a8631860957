import { eventPatternCandidates } from './kafka-event-transport.strategy';

describe('event pattern routing', () => {
  it('tries the exact ce_type, then the type without its version', () => {
    expect(eventPatternCandidates('trajectory.profiles.PersonRegistered.v1')).toEqual([
      'trajectory.profiles.PersonRegistered.v1',
      'trajectory.profiles.PersonRegistered',
    ]);
  });

  it('routes foreign types by their ce_type only', () => {
    expect(eventPatternCandidates('com.example.thing.happened')).toEqual(['com.example.thing.happened']);
  });
});
