import { CreateEventStore1700000000000 } from './create-event-store.migration';
import { CreatePiiKeys1700000000100 } from './create-pii-keys.migration';

/** In order of application; a service passes these to runMigrations with its own. */
export const eventStoreMigrations = [CreateEventStore1700000000000, CreatePiiKeys1700000000100] as const;
