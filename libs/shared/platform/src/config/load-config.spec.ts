import { CareerConfig } from './career.config';
import { GatewayConfig, LOCAL_JWT_SECRET } from './gateway.config';
import { ConfigValidationError, loadConfig } from './load-config';
import { ProfilesConfig } from './profiles.config';

function failureOf(run: () => unknown): ConfigValidationError {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigValidationError) return error;
    throw error;
  }
  throw new Error('expected a ConfigValidationError');
}

describe('loadConfig', () => {
  it('applies documented defaults when nothing is set', () => {
    const config = loadConfig(ProfilesConfig, {});
    expect(config).toMatchObject({
      NODE_ENV: 'development',
      LOG_LEVEL: 'info',
      DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432',
      KAFKA_BROKERS: '127.0.0.1:9092',
      PROFILES_PORT: 3001,
    });
    expect(config.port).toBe(3001);
    expect(config.databaseUrl).toBe('postgresql://postgres@127.0.0.1:5432/trajectory_profiles');
    expect(config.kafkaBrokers).toEqual(['127.0.0.1:9092']);
  });

  it('converts and keeps given values, treating empty ones as unset', () => {
    const config = loadConfig(CareerConfig, {
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      DATABASE_URL: 'postgresql://postgres:postgres@postgres:5432',
      KAFKA_BROKERS: 'kafka:9092, other:9093',
      CAREER_PORT: '',
    });
    expect(config.CAREER_PORT).toBe(3002);
    expect(config.LOG_LEVEL).toBe('silent');
    expect(config.databaseUrl).toBe('postgresql://postgres:postgres@postgres:5432/trajectory_career');
    expect(config.kafkaBrokers).toEqual(['kafka:9092', 'other:9093']);
  });

  it('ignores variables the class does not declare', () => {
    const config = loadConfig(GatewayConfig, { DATABASE_URL: 'not a url', HOME: '/root' });
    expect(config).not.toHaveProperty('DATABASE_URL');
    expect(config).not.toHaveProperty('HOME');
  });

  it('lists every bad variable in one error, hiding passwords', () => {
    const error = failureOf(() =>
      loadConfig(ProfilesConfig, {
        NODE_ENV: 'staging',
        LOG_LEVEL: 'loud',
        DATABASE_URL: 'mysql://root:hunter2@db:3306',
        KAFKA_BROKERS: 'kafka',
        PROFILES_PORT: 'abc',
      }),
    );
    expect(error.problems.map((p) => p.variable)).toEqual(['NODE_ENV', 'LOG_LEVEL', 'DATABASE_URL', 'KAFKA_BROKERS', 'PROFILES_PORT']);
    expect(error.message).toContain('Invalid configuration for ProfilesConfig (5 variables)');
    expect(error.message).toContain('PROFILES_PORT="abc": must be an integer port between 1 and 65535');
    expect(error.message).toContain('NODE_ENV="staging": must be one of development, test, production');
    expect(error.message).toContain('mysql://root:***@db:3306');
    expect(error.message).not.toContain('hunter2');
  });

  it('rejects out-of-range ports', () => {
    expect(failureOf(() => loadConfig(GatewayConfig, { GATEWAY_PORT: '70000' })).problems).toEqual([
      { variable: 'GATEWAY_PORT', value: '"70000"', messages: ['must be an integer port between 1 and 65535'] },
    ]);
  });

  it('rejects non-http service URLs', () => {
    const error = failureOf(() => loadConfig(GatewayConfig, { PROFILES_URL: 'ftp://profiles' }));
    expect(error.problems.map((p) => p.variable)).toEqual(['PROFILES_URL']);
  });

  describe('JWT_SECRET', () => {
    it('accepts the local default outside production', () => {
      expect(loadConfig(GatewayConfig, { NODE_ENV: 'development' }).JWT_SECRET).toBe(LOCAL_JWT_SECRET);
    });

    it('refuses the local default in production without echoing it', () => {
      const error = failureOf(() => loadConfig(GatewayConfig, { NODE_ENV: 'production' }));
      expect(error.problems).toEqual([
        { variable: 'JWT_SECRET', value: '<redacted>', messages: ['must be set to a non-default value when NODE_ENV=production'] },
      ]);
      expect(error.message).not.toContain(LOCAL_JWT_SECRET);
    });

    it('accepts a real secret in production', () => {
      const secret = 'a'.repeat(48);
      expect(loadConfig(GatewayConfig, { NODE_ENV: 'production', JWT_SECRET: secret }).JWT_SECRET).toBe(secret);
    });

    it('refuses a short secret', () => {
      const error = failureOf(() => loadConfig(GatewayConfig, { JWT_SECRET: 'short' }));
      expect(error.problems[0]?.messages).toEqual(['must be at least 32 characters']);
    });
  });

  it('returns a frozen object so nobody patches config at run time', () => {
    expect(Object.isFrozen(loadConfig(CareerConfig, {}))).toBe(true);
  });
});
