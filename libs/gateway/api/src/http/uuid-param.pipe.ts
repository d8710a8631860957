import { Injectable, type PipeTransform } from '@nestjs/common';
import { RequestValidationError } from '@trajectory/shared/platform';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
const ANY_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/** A path id must be a UUID; the 400 names the parameter like any other bad field. */
@Injectable()
export class UuidParamPipe implements PipeTransform<string, string> {
  constructor(private readonly name: string, private readonly anyVersion = false) {}

  transform(value: string): string {
    if (!(this.anyVersion ? ANY_UUID : UUID_V4).test(value)) {
      throw new RequestValidationError([{ field: this.name, message: `${this.name} must be a UUID${this.anyVersion ? '' : ' (version 4)'}` }]);
    }
    return value;
  }
}

export const personIdParam = new UuidParamPipe('personId');
/** As in profiles: job ids may come from older clients that chose other UUID versions. */
export const jobIdParam = new UuidParamPipe('jobId', true);
