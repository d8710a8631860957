export * from './dto/end-job.dto';
export * from './dto/register-person.dto';
export * from './dto/start-job.dto';
export * from './http/people.http.controller';
