import { CreateCareerReadModel1764000000000 } from './migrations/1764000000000-create-career-read-model';

export * from './postgres-career-read-model';
export { CreateCareerReadModel1764000000000 };
export const careerMigrations = [CreateCareerReadModel1764000000000];
