import type { NestExpressApplication } from '@nestjs/platform-express';
import { translateBodyParserErrors } from '../errors/body-parser-errors';
import { ProblemDetailsFilter } from '../errors/problem-details.filter';
import { createValidationPipe } from '../errors/validation.pipe';

export interface HttpAppOptions {
  /** Largest JSON body accepted; larger ones are answered 413. */
  bodyLimit?: string;
}

export const DEFAULT_BODY_LIMIT = '100kb';

/** JSON media types we parse: plain JSON and suffixed ones such as SCIM's. */
const JSON_TYPES = ['application/json', 'application/*+json'];

/**
 * Everything an HTTP service needs before it listens, shared by main.ts and tests so
 * tests exercise the same pipeline. The app must be created with `bodyParser: false`:
 * the parser registered here has to come before the error translator.
 */
export function configureHttpApp(app: NestExpressApplication, options: HttpAppOptions = {}): NestExpressApplication {
  app.disable('x-powered-by');
  app.useBodyParser('json', { limit: options.bodyLimit ?? DEFAULT_BODY_LIMIT, type: JSON_TYPES });
  app.use(translateBodyParserErrors);
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemDetailsFilter());
  return app;
}
