import { CreateEventStore1700000000000 } from './create-event-store.migration';
import { CreatePiiKeys1700000000100 } from './create-pii-keys.migration';
import { KeyEventsByTransaction1700000000200 } from './key-events-by-transaction.migration';

/** In order of application; a service passes these to runMigrations with its own. */
export const eventStoreMigrations = [CreateEventStore1700000000000, CreatePiiKeys1700000000100, KeyEventsByTransaction1700000000200] as const;
