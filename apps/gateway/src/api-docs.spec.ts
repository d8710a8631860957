import { NestFactory } from '@nestjs/core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildEventsDocument, buildOpenApiDocument } from './api-docs';
import { GatewayAppModule } from './app.module';

const committed = (name: string): unknown => JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'docs', 'api', name), 'utf8'));

/** The committed API documents are generated from code; `npm run docs:api` refreshes them. */
describe('API documents', () => {
  it('docs/api/openapi.json is what the gateway generates', async () => {
    const app = await NestFactory.create(GatewayAppModule, { logger: false });
    try {
      const generated = JSON.parse(JSON.stringify(buildOpenApiDocument(app))) as { paths: Record<string, unknown> };
      expect(Object.keys(generated.paths)).toEqual(expect.arrayContaining(['/people', '/people/{personId}/career']));
      expect(committed('openapi.json')).toEqual(generated);
    } finally {
      await app.close();
    }
  });

  it('docs/api/asyncapi.json is what the contracts generate', () => {
    expect(committed('asyncapi.json')).toEqual(JSON.parse(JSON.stringify(buildEventsDocument())));
  });
});
