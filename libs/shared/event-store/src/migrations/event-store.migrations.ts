import { CreateEventStore1700000000000 } from './create-event-store.migration';

/** In order of application; a service passes these to runMigrations with its own. */
export const eventStoreMigrations = [CreateEventStore1700000000000] as const;
