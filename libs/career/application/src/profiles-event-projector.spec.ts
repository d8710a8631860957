import { upcastProfilesData } from './profiles-event-projector';

describe('upcasting consumed profiles events', () => {
  it('brings a v1 JobStarted to v2 with field and level unknown', () => {
    expect(upcastProfilesData('JobStarted', 1, { jobId: 'j' })).toEqual({ jobId: 'j', field: null, level: null });
  });

  it('leaves the newest version and types without upcasters as they are', () => {
    const data = { jobId: 'j', field: 'x', level: 2 };
    expect(upcastProfilesData('JobStarted', 2, data)).toBe(data);
    expect(upcastProfilesData('Promoted', 1, data)).toBe(data);
  });
});
