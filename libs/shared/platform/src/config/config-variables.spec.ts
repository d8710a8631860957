import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONFIG_VARIABLES, configVariableNames, renderConfigTable } from './config-variables';

describe('CONFIG_VARIABLES', () => {
  it('names each app\'s variables, shared ones first', () => {
    expect(configVariableNames('profiles')).toEqual(['NODE_ENV', 'LOG_LEVEL', 'DATABASE_URL', 'KAFKA_BROKERS', 'KAFKA_TOPIC_PREFIX', 'PROFILES_PORT', 'PROFILES_DATABASE']);
    expect(configVariableNames('career')).toEqual(['NODE_ENV', 'LOG_LEVEL', 'DATABASE_URL', 'KAFKA_BROKERS', 'KAFKA_TOPIC_PREFIX', 'CAREER_PORT', 'CAREER_DATABASE', 'CAREER_READ_WAIT_MS', 'CAREER_READ_CACHE_ENTRIES', 'CAREER_DEDUPE_RETENTION_HOURS']);
    expect(configVariableNames('gateway')).toEqual(['NODE_ENV', 'LOG_LEVEL', 'GATEWAY_PORT', 'PROFILES_URL', 'CAREER_URL', 'JWT_SECRET', 'RATE_LIMIT_PER_SECOND', 'RATE_LIMIT_BURST']);
  });

  it('lists each variable once with the apps that read it', () => {
    const byName = new Map(CONFIG_VARIABLES.map((v) => [v.name, v]));
    expect(byName.size).toBe(CONFIG_VARIABLES.length);
    expect(byName.get('NODE_ENV')?.services).toEqual(['profiles', 'career', 'gateway']);
    expect(byName.get('DATABASE_URL')).toMatchObject({ default: 'postgresql://postgres@127.0.0.1:5432', services: ['profiles', 'career'] });
    expect(byName.get('JWT_SECRET')).toMatchObject({ secret: true, services: ['gateway'] });
    for (const variable of CONFIG_VARIABLES) expect(variable.description.length).toBeGreaterThan(10);
  });

  it.each([
    ['the platform README', '../../README.md'],
    ['the project README', '../../../../../README.md'],
  ])('is what %s documents', (_name, path) => {
    const readme = readFileSync(join(__dirname, path), 'utf8');
    expect(readme).toContain(renderConfigTable());
  });
});
