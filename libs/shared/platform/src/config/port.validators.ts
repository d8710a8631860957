import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';

const message = 'must be an integer port between 1 and 65535';

/** Env values are strings; converts and checks in one place for every *_PORT variable. */
export function IsPort(): PropertyDecorator {
  return (target, propertyKey) => {
    Type(() => Number)(target, propertyKey);
    IsInt({ message })(target, propertyKey);
    Min(1, { message })(target, propertyKey);
    Max(65535, { message })(target, propertyKey);
  };
}
