// Writes docs/api/openapi.json and docs/api/asyncapi.json from the code (gateway
// controllers and published event contracts): npm run docs:api
import { NestFactory } from '@nestjs/core';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildEventsDocument, buildOpenApiDocument } from '../apps/gateway/src/api-docs';
import { GatewayAppModule } from '../apps/gateway/src/app.module';

async function main(): Promise<void> {
  const app = await NestFactory.create(GatewayAppModule, { logger: false });
  const folder = join(__dirname, '..', 'docs', 'api');
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'openapi.json'), `${JSON.stringify(buildOpenApiDocument(app), null, 2)}\n`);
  writeFileSync(join(folder, 'asyncapi.json'), `${JSON.stringify(buildEventsDocument(), null, 2)}\n`);
  await app.close();
  process.stdout.write(`wrote ${folder}/openapi.json and asyncapi.json\n`);
}

void main();
