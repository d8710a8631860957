export * from './auth/jwt-auth.guard';
export * from './auth/jwt-verifier';
export * from './auth/principal';
export * from './auth/roles.decorator';
export * from './http/people.http.controller';
export * from './proxy/service-proxy';
export * from './proxy/upstreams';
