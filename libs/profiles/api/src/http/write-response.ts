import { ParseUUIDPipe } from '@nestjs/common';
import { etagOf } from '@trajectory/shared/platform';
import type { Response } from 'express';

/** Path ids are validated before any use case runs: a malformed id is a 400, never a lookup. */
export const uuidParam = new ParseUUIDPipe({ version: '4' });
/** Job ids may come from older clients that chose other UUID versions. */
export const anyUuidParam = new ParseUUIDPipe();

/** Every write answers with the stream version as ETag, so the next write can send If-Match. */
export function written(response: Response, version: number, location?: string): void {
  response.setHeader('ETag', etagOf(version));
  if (location !== undefined) response.setHeader('Location', location);
}
