import { appliedKeysNotice, keysOfNotice } from './applied-keys.notice';

describe('appliedKeysNotice', () => {
  it('names each key once per line, and the listener reads them back', () => {
    const notice = appliedKeysNotice('career_projected', new Set(['person-1', 'person-2']));
    expect(notice).toEqual({ channel: 'career_projected', payload: 'person-1\nperson-2' });
    expect(keysOfNotice(notice?.payload ?? '')).toEqual(new Set(['person-1', 'person-2']));
  });

  it('sends nothing when nothing was applied', () => {
    expect(appliedKeysNotice('career_projected', new Set())).toBeUndefined();
  });

  it('wakes every listener when the keys do not fit in a NOTIFY payload', () => {
    const keys = new Set(Array.from({ length: 300 }, (_, i) => `person-${String(i).padStart(36, '0')}`));
    const notice = appliedKeysNotice('career_projected', keys);
    expect(notice?.payload).toBe('*');
    expect(keysOfNotice('*')).toBe('all');
  });

  it('wakes every listener for keys a payload cannot carry: a NUL (refused by PostgreSQL), a line break, or "*"', () => {
    for (const key of ['person-\u0000-1', 'person-1\nperson-2', '*']) {
      expect(appliedKeysNotice('career_projected', new Set(['person-9', key]))?.payload).toBe('*');
    }
  });
});
