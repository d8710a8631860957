import { registerDecorator, type ValidationArguments, type ValidationOptions } from 'class-validator';

/** Parses with WHATWG URL so that what passes here is exactly what `pg`/`fetch` accept. */
export function IsUrlWithProtocol(protocols: readonly string[], options?: ValidationOptions): PropertyDecorator {
  return (target, propertyKey) =>
    registerDecorator({
      name: 'isUrlWithProtocol',
      target: target.constructor,
      propertyName: String(propertyKey),
      options: { message: `must be a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}`, ...options },
      validator: {
        validate: (value: unknown) => {
          if (typeof value !== 'string') return false;
          try {
            const url = new URL(value);
            return protocols.includes(url.protocol) && url.hostname !== '';
          } catch {
            return false;
          }
        },
      },
    });
}

const BROKER = /^[A-Za-z0-9.-]+:\d{1,5}$/;

/** `host:port[,host:port…]`, the form kafkajs expects once split on commas. */
export function IsBrokerList(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyKey) =>
    registerDecorator({
      name: 'isBrokerList',
      target: target.constructor,
      propertyName: String(propertyKey),
      options: { message: 'must be a comma-separated list of host:port', ...options },
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' && value.split(',').every((b) => BROKER.test(b.trim())),
      },
    });
}

/**
 * A local default keeps `npm start` friction-free, but a production process that still
 * runs with it would accept tokens anyone with the source can mint.
 */
export function NotDefaultInProduction(localDefault: string, options?: ValidationOptions): PropertyDecorator {
  return (target, propertyKey) =>
    registerDecorator({
      name: 'notDefaultInProduction',
      target: target.constructor,
      propertyName: String(propertyKey),
      options: { message: 'must be set to a non-default value when NODE_ENV=production', ...options },
      validator: {
        validate: (value: unknown, args: ValidationArguments) =>
          (args.object as { NODE_ENV?: unknown }).NODE_ENV !== 'production' || value !== localDefault,
      },
    });
}
