import { Injectable, type PipeTransform } from '@nestjs/common';
import { RequestValidationError } from '@trajectory/shared/platform';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/** A path id must be a UUID v4; the 400 names the parameter like any other bad field. */
@Injectable()
export class UuidParamPipe implements PipeTransform<string, string> {
  constructor(private readonly name: string) {}

  transform(value: string): string {
    if (!UUID_V4.test(value)) throw new RequestValidationError([{ field: this.name, message: `${this.name} must be a UUID (version 4)` }]);
    return value;
  }
}

export const personIdParam = new UuidParamPipe('personId');
export const jobIdParam = new UuidParamPipe('jobId');
