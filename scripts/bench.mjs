// Runs one benchmark entry point with what it needs: checks PostgreSQL and starts the
// local Kafka broker if none answers (left running, as after `npm start`; stop it with
// `npm run kafka:stop`). Usage: node scripts/bench.mjs path/to/x.bench.ts [args…]
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { checkPostgres, ensureKafka, root } from './infrastructure.mjs';

const [entry, ...args] = process.argv.slice(2);
if (entry === undefined) {
  process.stderr.write('usage: node scripts/bench.mjs <file.bench.ts> [args…]\n');
  process.exit(2);
}
await checkPostgres();
await ensureKafka();
const result = spawnSync(process.execPath, [join(root, 'scripts/run-ts.mjs'), entry, ...args], { cwd: root, stdio: 'inherit', env: process.env });
process.exit(result.status ?? 1);
