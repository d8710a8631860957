import { mapPaths } from './field-paths';
import { isSealed, newDataKey, openValue, sealValue } from './pii-cipher';

describe('PII sealing', () => {
  it('round-trips any JSON value and never shows the plaintext', () => {
    const key = newDataKey();
    const sealed = sealValue(key, 'ada@example.com');
    expect(isSealed(sealed)).toBe(true);
    expect(sealed).not.toContain('ada');
    expect(openValue(key, sealed)).toBe('ada@example.com');
    expect(sealValue(key, 'x')).not.toBe(sealValue(key, 'x'));
  });

  it('refuses to open with another key (authenticated encryption)', () => {
    const sealed = sealValue(newDataKey(), 'secret');
    expect(() => openValue(newDataKey(), sealed)).toThrow();
  });

  it('maps only the dotted paths present, without mutating the input', () => {
    const data = { personId: 'p', changes: { email: 'a@b.c', orgUnit: 'R&D' }, givenName: null };
    const mapped = mapPaths(data, ['changes.email', 'givenName', 'familyName', 'missing.deep'], (v) => `<${String(v)}>`);
    expect(mapped).toEqual({ personId: 'p', changes: { email: '<a@b.c>', orgUnit: 'R&D' }, givenName: null });
    expect(data.changes.email).toBe('a@b.c');
  });
});
