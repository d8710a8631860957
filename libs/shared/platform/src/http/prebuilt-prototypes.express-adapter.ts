import type { NestApplicationOptions } from '@nestjs/common';
import { ExpressAdapter } from '@nestjs/platform-express';
import type { Express } from 'express';
import { createServer, IncomingMessage, ServerResponse } from 'node:http';

/**
 * A constructor for `base` whose instances are born with `prototype` (which must inherit
 * from `base.prototype`), so nothing has to change their prototype afterwards.
 */
export function constructorWithPrototype<C extends new (...args: never[]) => object>(base: C, prototype: object): C {
  function Constructed(...args: unknown[]): object {
    return Reflect.construct(base, args, Constructed) as object;
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
 * 2–3 MB over each scavenge instead of a few tens of KB, every scavenge paused 4–8 ms, and
 * the promoted garbage brought full collections. Born with the right prototype, Express's
 * `setPrototypeOf` finds nothing to change. HTTPS servers are created as Nest does.
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
