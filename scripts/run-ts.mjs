// Runs a TypeScript entry point (benchmarks, one-off tools) with swc and the workspace's
// path aliases, without a build step: node scripts/run-ts.mjs path/to/file.ts [args…]
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { root } from './infrastructure.mjs';

const [entry, ...args] = process.argv.slice(2);
if (entry === undefined) {
  process.stderr.write('usage: node scripts/run-ts.mjs <file.ts> [args…]\n');
  process.exit(2);
}
const result = spawnSync(process.execPath, ['-r', '@swc-node/register', '-r', 'reflect-metadata', entry, ...args], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, SWC_NODE_PROJECT: join(root, 'tsconfig.json') },
});
process.exit(result.status ?? 1);
