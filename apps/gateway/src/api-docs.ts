import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { PROFILES_CONTEXT, PROFILES_TOPIC, profilesEventSchemas } from '@trajectory/contracts/profiles';
import { buildAsyncApiDocument } from '@trajectory/shared/messaging';

const API_DESCRIPTION = [
  'Career progression: people, their jobs and their careers.',
  '',
  'Authentication: a bearer JWT (HS256) with the claims `sub`, `tenant`, `roles` and, for employees and managers, `personId`.',
  'Every read and write is scoped to the token\'s tenant; another tenant\'s person is answered 404.',
  '',
  'Roles: **hr-admin** may do everything in its tenant. **manager** reads (person, career) their direct reports and',
  'themselves, lists their direct reports, and records their own education and aspiration. **employee** reads themselves',
  'and records their own education and aspiration; jobs, promotions, org data, offboarding and erasure are HR\'s records.',
  '**analyst** and **mentor** get no individual records (403). An action a role can never perform is 403 whoever the person;',
  'a person outside the caller\'s reach is 404, exactly like one that does not exist, so ids cannot be probed.',
  '',
  'Writes answer with `ETag` (the person\'s stream version) and accept `If-Match`; a stale one is 412. Creation answers 201',
  'with `Location`. Errors are RFC 9457 `application/problem+json` with a stable `code`; 400s list every bad field in',
  '`errors`, and unknown fields are refused. Each token may make RATE_LIMIT_PER_SECOND requests per second on average',
  '(bursts up to RATE_LIMIT_BURST); beyond that the answer is 429 with `Retry-After`.',
].join('\n');

export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Trajectory API')
    .setDescription(API_DESCRIPTION)
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
