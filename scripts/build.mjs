// Compiles apps and libraries with swc into dist/ (decorator metadata included, path
// aliases rewritten to relative requires). Type checking is `npm run typecheck`.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
rmSync(join(root, 'dist'), { recursive: true, force: true });
const swc = join(root, 'node_modules', '.bin', 'swc');
const result = spawnSync(swc, ['apps', 'libs', '-d', 'dist', '--config-file', '.swcrc', '--ignore', '**/*.spec.ts', '--quiet'], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
