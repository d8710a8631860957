import { readMetadata, storedMetadata } from './stored-metadata';

describe('stored metadata', () => {
  it('leaves out the tenant and a causation id equal to the correlation id, and reads them back', () => {
    const metadata = { tenantId: 'acme', correlationId: 'c1', causationId: 'c1', actor: 'u1' };
    const stored = storedMetadata(metadata);
    expect(stored).toEqual({ correlationId: 'c1', actor: 'u1' });
    expect(readMetadata(stored, 'acme')).toEqual(metadata);
  });

  it('keeps a causation id that differs from the correlation id', () => {
    const metadata = { tenantId: 'acme', correlationId: 'c1', causationId: 'e7' };
    expect(storedMetadata(metadata)).toEqual({ correlationId: 'c1', causationId: 'e7' });
    expect(readMetadata(storedMetadata(metadata), 'acme')).toEqual(metadata);
  });

  it('reads rows written with the full metadata unchanged, the tenant column winning', () => {
    expect(readMetadata({ tenantId: 'acme', correlationId: 'c1', causationId: 'e7' }, 'acme')).toEqual({
      tenantId: 'acme',
      correlationId: 'c1',
      causationId: 'e7',
    });
  });

  it('adds no causation id when there is no correlation id', () => {
    expect(readMetadata({}, 'acme')).toEqual({ tenantId: 'acme' });
  });
});
