import { PeopleHttpController } from './people.http.controller';
import { PersonDevelopmentHttpController } from './person-development.http.controller';
import { PersonJobsHttpController } from './person-jobs.http.controller';

/** Every HTTP controller of the profiles service, for the app module to mount. */
export const PROFILES_HTTP_CONTROLLERS = [PeopleHttpController, PersonJobsHttpController, PersonDevelopmentHttpController];
