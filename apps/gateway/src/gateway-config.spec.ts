import { ConfigValidationError, GatewayConfig, loadConfig, LOCAL_JWT_SECRET } from '@trajectory/shared/platform';

function problemsOf(env: Record<string, string>): ConfigValidationError['problems'] {
  try {
    loadConfig(GatewayConfig, env);
  } catch (error) {
    if (error instanceof ConfigValidationError) return error.problems;
    throw error;
  }
  throw new Error('the configuration was accepted');
}

/** What the gateway's main.ts loads before it serves anything. */
describe('the gateway configuration', () => {
  it('runs locally with the documented JWT secret and a default rate limit', () => {
    const config = loadConfig(GatewayConfig, {});
    expect(config).toMatchObject({ JWT_SECRET: LOCAL_JWT_SECRET, RATE_LIMIT_PER_SECOND: 100, RATE_LIMIT_BURST: 200 });
  });

  it('refuses to start in production with the local JWT secret, without echoing it', () => {
    const problems = problemsOf({ NODE_ENV: 'production' });
    expect(problems).toEqual([{ variable: 'JWT_SECRET', value: '<redacted>', messages: ['must be set to a non-default value when NODE_ENV=production'] }]);
    expect(JSON.stringify(problems)).not.toContain(LOCAL_JWT_SECRET);
  });

  it('starts in production with a secret of its own', () => {
    const secret = 'a-production-secret-that-nobody-else-knows';
    expect(loadConfig(GatewayConfig, { NODE_ENV: 'production', JWT_SECRET: secret }).JWT_SECRET).toBe(secret);
  });

  it('reads the rate limit as numbers', () => {
    expect(loadConfig(GatewayConfig, { RATE_LIMIT_PER_SECOND: '5', RATE_LIMIT_BURST: '10' })).toMatchObject({ RATE_LIMIT_PER_SECOND: 5, RATE_LIMIT_BURST: 10 });
  });

  it.each([
    ['0', '10', 'RATE_LIMIT_PER_SECOND'],
    ['1.5', '10', 'RATE_LIMIT_PER_SECOND'],
    ['fast', '10', 'RATE_LIMIT_PER_SECOND'],
    ['5', '0', 'RATE_LIMIT_BURST'],
  ])('refuses RATE_LIMIT_PER_SECOND=%s RATE_LIMIT_BURST=%s', (perSecond, burst, variable) => {
    expect(problemsOf({ RATE_LIMIT_PER_SECOND: perSecond, RATE_LIMIT_BURST: burst }).map((p) => p.variable)).toEqual([variable]);
  });
});
