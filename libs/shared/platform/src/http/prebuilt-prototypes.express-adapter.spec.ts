import { Controller, Get, Module, Req } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Express, Request } from 'express';
import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import request from 'supertest';
import { constructorWithPrototype, PrebuiltPrototypesExpressAdapter } from './prebuilt-prototypes.express-adapter';

@Controller('probe')
class ProbeController {
  @Get() probe(@Req() req: Request) {
    return { path: req.path, hasHeaderMethod: typeof req.header === 'function' };
  }
}

@Module({ controllers: [ProbeController] })
class ProbeModule {}

describe('constructorWithPrototype', () => {
  it('constructs real instances of the base that carry the given prototype from birth', () => {
    const prototype = Object.create(IncomingMessage.prototype) as object;
    const Message = constructorWithPrototype(IncomingMessage, prototype);
    const message = new Message(new Socket());
    expect(Object.getPrototypeOf(message)).toBe(prototype);
    expect(message).toBeInstanceOf(IncomingMessage);
    expect(message.headers).toEqual({});
  });

  it('builds instances of a class constructor too (should Node make its messages classes)', () => {
    class Base {
      constructor(readonly value: number) {}
    }
    const prototype = Object.create(Base.prototype) as object;
    const Born = constructorWithPrototype(Base, prototype);
    const born = new Born(7);
    expect(Object.getPrototypeOf(born)).toBe(prototype);
    expect(born).toBeInstanceOf(Base);
    expect(born.value).toBe(7);
  });
});

describe('PrebuiltPrototypesExpressAdapter', () => {
  let app: NestExpressApplication;
  const prototypeChanges: string[] = [];
  let setPrototypeOf: jest.SpyInstance;

  beforeAll(async () => {
    app = await NestFactory.create<NestExpressApplication>(ProbeModule, new PrebuiltPrototypesExpressAdapter(), { logger: false });
    await app.init();
    const express = app.getHttpAdapter().getInstance() as Express;
    const original = Object.setPrototypeOf.bind(Object);
    // Express still calls setPrototypeOf on every request; what matters is whether the
    // call finds a request or response whose prototype is not already its app's.
    setPrototypeOf = jest.spyOn(Object, 'setPrototypeOf').mockImplementation((target: object, prototype: object | null) => {
      if ((prototype === express.request || prototype === express.response) && Object.getPrototypeOf(target) !== prototype) {
        prototypeChanges.push(target instanceof ServerResponse ? 'response' : 'request');
      }
      return original(target, prototype) as object;
    });
  });

  afterAll(async () => {
    setPrototypeOf.mockRestore();
    await app.close();
  });

  it("serves requests whose request and response were born with Express's prototypes", async () => {
    const response = await request(app.getHttpServer()).get('/probe').expect(200);
    expect(response.body).toEqual({ path: '/probe', hasHeaderMethod: true });
    expect(setPrototypeOf).toHaveBeenCalled();
    expect(prototypeChanges).toEqual([]);
  });
});
