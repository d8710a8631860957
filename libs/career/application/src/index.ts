export * from './career-queries.service';
export * from './career-read-model.port';
export * from './career-timeline';
