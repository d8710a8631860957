import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { CommonConfig } from './common.config';
import { configVariableNames, SERVICE_CONFIGS, type ServiceName } from './config-variables';
import type { ConfigClass } from './env-var.decorator';
import { loadConfig } from './load-config';

// A static check: containers cannot run here, but drift between the compose file and
// the validated configs is caught on every unit run.
const root = join(__dirname, '../../../../..');

interface ComposeService {
  image?: string;
  build?: { context?: string; dockerfile?: string; args?: Record<string, string> };
  environment?: Record<string, string | number | boolean | null> | string[];
  ports?: string[];
  depends_on?: Record<string, { condition?: string }>;
}

const compose = parse(readFileSync(join(root, 'docker-compose.yml'), 'utf8')) as { services: Record<string, ComposeService> };

function service(name: string): ComposeService {
  const found = compose.services[name];
  if (found === undefined) throw new Error(`docker-compose.yml has no service "${name}"`);
  return found;
}

/** Compose accepts a map or a KEY=VALUE list; `${VAR:-default}` resolves to its default. */
function environmentOf(name: string): Record<string, string> {
  const env = service(name).environment ?? {};
  const pairs = Array.isArray(env)
    ? env.map((entry) => [entry.slice(0, entry.indexOf('=')), entry.slice(entry.indexOf('=') + 1)] as const)
    : Object.entries(env).map(([k, v]) => [k, v === null ? '' : String(v)] as const);
  return Object.fromEntries(pairs.map(([k, v]) => [k, v.replace(/\$\{[A-Z0-9_]+:-([^}]*)\}/g, '$1')]));
}

const apps = Object.keys(SERVICE_CONFIGS) as ServiceName[];

describe('docker-compose.yml', () => {
  it('runs Apache Kafka in KRaft mode, reachable by other containers at kafka:9092', () => {
    const kafka = service('kafka');
    expect(kafka.image).toBe('apache/kafka:4.1.1');
    const env = environmentOf('kafka');
    expect(env['KAFKA_PROCESS_ROLES']).toBe('broker,controller');
    expect(env['KAFKA_ADVERTISED_LISTENERS']?.split(',')).toContain('INTERNAL://kafka:9092');
  });

  it('runs PostgreSQL 17', () => {
    expect(service('postgres').image).toBe('postgres:17');
    expect(environmentOf('postgres')['POSTGRES_PASSWORD']).toBe('postgres');
  });

  it.each(apps)('gives %s exactly the variables its validated config declares', (app) => {
    expect(Object.keys(environmentOf(app)).sort()).toEqual(configVariableNames(app).sort());
  });

  it.each(apps)('gives %s values its config accepts, publishing its port', (app) => {
    const configClass: ConfigClass<CommonConfig> = SERVICE_CONFIGS[app];
    const config = loadConfig(configClass, environmentOf(app));
    expect(service(app).ports).toContain(`127.0.0.1:${config.port}:${config.port}`);
  });

  it.each(apps)('builds %s from the shared Dockerfile', (app) => {
    expect(service(app).build).toEqual({ context: '.', dockerfile: 'deploy/docker/Dockerfile', args: { APP: app } });
  });

  it.each(['profiles', 'career'] as const)('points %s at the postgres and kafka containers', (app) => {
    const env = environmentOf(app);
    expect(new URL(env['DATABASE_URL'] ?? '').host).toBe('postgres:5432');
    expect(env['KAFKA_BROKERS']).toBe('kafka:9092');
    expect(Object.keys(service(app).depends_on ?? {}).sort()).toEqual(['kafka', 'postgres']);
  });

  it('points the gateway at the services by container name and port', () => {
    const env = environmentOf('gateway');
    const profilesPort = loadConfig(SERVICE_CONFIGS.profiles, environmentOf('profiles')).port;
    const careerPort = loadConfig(SERVICE_CONFIGS.career, environmentOf('career')).port;
    expect(env['PROFILES_URL']).toBe(`http://profiles:${profilesPort}`);
    expect(env['CAREER_URL']).toBe(`http://career:${careerPort}`);
  });

  it('has a Dockerfile that takes the app as a build argument', () => {
    const dockerfile = readFileSync(join(root, 'deploy/docker/Dockerfile'), 'utf8');
    expect(dockerfile).toMatch(/^FROM node:20-slim/m);
    expect(dockerfile).toMatch(/^ARG APP$/m);
    expect(dockerfile).toContain('dist/apps/$APP/');
  });
});
