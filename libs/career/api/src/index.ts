export * from './http/career.http.controller';
export * from './kafka/profiles-events.handler';
