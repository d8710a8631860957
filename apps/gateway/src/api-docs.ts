import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { PROFILES_CONTEXT, PROFILES_TOPIC, profilesEventSchemas } from '@trajectory/contracts/profiles';
import { buildAsyncApiDocument } from '@trajectory/shared/messaging';

export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Trajectory API')
    .setDescription('Career progression: people, their jobs and their careers. Errors are RFC 9457 problem+json.')
    .setVersion('0.1.0')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .build();
  return SwaggerModule.createDocument(app, config);
}

/** The events every context publishes, from the same contracts the event stores validate with. */
export function buildEventsDocument(): Record<string, unknown> {
  return buildAsyncApiDocument([{ context: PROFILES_CONTEXT, topic: PROFILES_TOPIC, schemas: profilesEventSchemas }]);
}

/** `/openapi.json`, Swagger UI at `/docs` and `/asyncapi.json`, generated from code. */
export function mountApiDocs(app: INestApplication): void {
  SwaggerModule.setup('docs', app, buildOpenApiDocument(app), { jsonDocumentUrl: 'openapi.json' });
  const events = buildEventsDocument();
  app.getHttpAdapter().get('/asyncapi.json', (_request: unknown, response: { json(body: unknown): void }) => response.json(events));
}
