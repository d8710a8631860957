export * from './http/career-query.dto';
export * from './http/career.http.controller';
export * from './kafka/profiles-events.handler';
export * from './kafka/projected-event';
