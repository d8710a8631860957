export * from './database/ensure-database';
export * from './database/run-migrations';
export * from './http/caller-context.decorator';
