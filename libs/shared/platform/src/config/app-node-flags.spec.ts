import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// npm start and the tests' running system read apps/node-flags.json; the container image
// spells the flags out in its CMD. A static check keeps the three launchers equal.
const root = join(__dirname, '../../../../..');
const flags = JSON.parse(readFileSync(join(root, 'apps', 'node-flags.json'), 'utf8')) as unknown;

describe('apps/node-flags.json', () => {
  it('is a list of node flags', () => {
    expect(Array.isArray(flags)).toBe(true);
    for (const flag of flags as unknown[]) expect(flag).toMatch(/^--[a-z0-9-]+(=\S+)?$/);
  });

  it('is what the container image runs each app with', () => {
    const cmd = /^CMD \["sh", "-c", "exec node (.*) dist\/apps\/\$APP\/src\/main\.js"\]$/m.exec(readFileSync(join(root, 'deploy', 'docker', 'Dockerfile'), 'utf8'));
    expect(cmd?.[1]?.split(' ')).toEqual(flags);
  });

  it('gives the old generation room before its first full collection (ADR 0008)', () => {
    expect(flags).toContain('--initial-old-space-size=256');
  });
});
