export * from './dto/end-job.dto';
export * from './dto/is-calendar-date.decorator';
export * from './dto/register-person.dto';
export * from './dto/start-job.dto';
export * from './http/people.http.controller';
