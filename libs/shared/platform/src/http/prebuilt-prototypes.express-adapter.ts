import type { NestApplicationOptions } from '@nestjs/common';
import { ExpressAdapter } from '@nestjs/platform-express';
import type { Express } from 'express';
import { createServer, IncomingMessage, ServerResponse } from 'node:http';

/**
 * A constructor for `base` whose instances are born with `prototype` (which must inherit
 * from `base.prototype`), so nothing has to change their prototype afterwards.
 *
 * Node's `IncomingMessage` and `ServerResponse` are plain constructor functions, so they
 * are applied to the new object as ES5 subclassing does. `Reflect.construct(base, args,
 * Constructed)` would also work, but its objects outlived young-generation collections as
 * badly as a changed prototype does (0.7–1.4 MB per scavenge against a few KB, measured
 * with Express at 500 requests/s); it stays as the fallback should Node make them classes.
 */
export function constructorWithPrototype<C extends new (...args: never[]) => object>(base: C, prototype: object): C {
  if (/^class\b/.test(Function.prototype.toString.call(base))) {
    const ConstructedFromClass = function (...args: unknown[]): object {
      return Reflect.construct(base, args, ConstructedFromClass) as object;
    };
    ConstructedFromClass.prototype = prototype;
    return ConstructedFromClass as unknown as C;
  }
  const applyBase = base as unknown as (this: object, ...args: unknown[]) => void;
  function Constructed(this: object, ...args: unknown[]): void {
    applyBase.apply(this, args);
  }
  Constructed.prototype = prototype;
  return Constructed as unknown as C;
}

/**
 * Nest's Express adapter with one difference: Node's HTTP server creates each request and
 * response already as Express's (`app.request` / `app.response` are their prototypes).
 *
 * Express gives every request and response its app's prototypes with `Object.setPrototypeOf`
 * as it enters the app (expressjs/express#5998). In V8 that left most of a request's objects
 * alive through the next young-generation collections: under 500 reads/s an app carried
 * 2–3 MB over each scavenge instead of a few tens of KB, every scavenge paused 4–9 ms, and
 * the promoted garbage brought full collections (ADR 0009). Born with the right prototype,
 * Express's `setPrototypeOf` finds nothing to change. With HTTPS or
 * `forceCloseConnections` the server is created as Nest does.
 */
export class PrebuiltPrototypesExpressAdapter extends ExpressAdapter {
  override initHttpServer(options: NestApplicationOptions): void {
    if (options.httpsOptions !== undefined || options.forceCloseConnections === true) {
      super.initHttpServer(options);
      return;
    }
    const app = this.getInstance<Express>();
    this.httpServer = createServer(
      {
        IncomingMessage: constructorWithPrototype<typeof IncomingMessage>(IncomingMessage, app.request),
        ServerResponse: constructorWithPrototype<typeof ServerResponse>(ServerResponse, app.response),
      },
      app,
    );
  }
}
