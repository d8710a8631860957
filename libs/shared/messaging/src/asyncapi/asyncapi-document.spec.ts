import { buildAsyncApiDocument } from './asyncapi-document';

describe('AsyncAPI document', () => {
  const schema = { type: 'object', properties: { personId: { type: 'string' } } };
  const document = buildAsyncApiDocument([{ context: 'profiles', topic: 'profiles.events', schemas: [{ type: 'PersonRegistered', version: 1, schema }] }]);

  it('describes each context as a channel at its topic with one message per schema version', () => {
    expect(document).toMatchObject({
      asyncapi: '3.0.0',
      channels: { profiles: { address: 'profiles.events', messages: { 'profiles.PersonRegistered.v1': { $ref: '#/components/messages/profiles.PersonRegistered.v1' } } } },
      operations: { 'publish-profiles': { action: 'send' } },
    });
  });

  it('uses the published JSON Schema as the payload and CloudEvents headers', () => {
    const message = (document['components'] as { messages: Record<string, { payload: unknown; name: string; headers: { required: string[] } }> }).messages['profiles.PersonRegistered.v1'];
    expect(message?.payload).toBe(schema);
    expect(message?.name).toBe('trajectory.profiles.PersonRegistered.v1');
    expect(message?.headers.required).toEqual(expect.arrayContaining(['ce_id', 'ce_type', 'ce_source', 'ce_subject']));
  });
});
