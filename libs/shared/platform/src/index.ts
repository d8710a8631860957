export * from './database/ensure-database';
export * from './database/run-migrations';
