// `npm test`: lint (architecture rules included), type check, build, then every jest tier
// against real PostgreSQL and Kafka. Ends with one plain line `N passed, N failed`
// computed from jest's own JSON results.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { checkPostgres, ensureKafka, root, stopKafka } from './infrastructure.mjs';

function run(label, command, args) {
  process.stdout.write(`\n> ${label}\n`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: process.env });
  return result.status === 0;
}

const bin = (name) => join(root, 'node_modules', '.bin', name);
const checks = [
  ['lint', 'npm', ['run', '--silent', 'lint']],
  ['typecheck', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']],
  ['build', process.execPath, [join(root, 'scripts/build.mjs')]],
];
for (const [label, command, args] of checks) {
  if (!run(label, command, args)) {
    process.stdout.write(`\n${label} failed\n0 passed, 1 failed\n`);
    process.exit(1);
  }
}

await checkPostgres();
const startedKafka = await ensureKafka({ allowContainers: process.env.DATABASE_URL === undefined });

const resultsFile = join(root, '.cache', 'jest-results.json');
mkdirSync(join(root, '.cache'), { recursive: true });
rmSync(resultsFile, { force: true });
const jestArgs = ['--ci', '--json', `--outputFile=${resultsFile}`, ...process.argv.slice(2)];
const jest = spawnSync(bin('jest'), jestArgs, { cwd: root, stdio: 'inherit', env: process.env });
if (startedKafka && process.env.CI === 'true') stopKafka();

function summarize() {
  try {
    const results = JSON.parse(readFileSync(resultsFile, 'utf8'));
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    const skipped = results.numPendingTests + results.numTodoTests;
    return { passed: results.numPassedTests, failed, skipped, total: results.numTotalTests };
  } catch {
    // No results file: jest itself failed before running (configuration, global setup).
    return { passed: 0, failed: 1, skipped: 0, total: 0 };
  }
}

const { passed, failed, skipped, total } = summarize();
process.stdout.write(`\n${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}\n`);
process.exit(jest.status === 0 && failed === 0 && total > 0 ? 0 : 1);
