// Rebuilds the career read model from the profiles event store while the live tables keep
// serving, then switches over in one transaction: npm run career:rebuild [-- --keep-retired]
// Reads DATABASE_URL, PROFILES_DATABASE and CAREER_DATABASE like the services do.
import { careerMigrations, CareerRebuild, profilesEventSource } from '@trajectory/career/infrastructure';
import { messagingMigrations } from '@trajectory/shared/messaging';
import { CareerConfig, ensureDatabase, loadConfig, ProfilesConfig, runMigrations } from '@trajectory/shared/platform';
import { Presets, SingleBar } from 'cli-progress';
import { Pool } from 'pg';

async function main(): Promise<void> {
  const career = loadConfig(CareerConfig);
  const profiles = loadConfig(ProfilesConfig);
  // The rebuilt tables are copies of the live ones, so those must exist and be migrated first.
  await ensureDatabase(career.databaseUrl);
  await runMigrations(career.databaseUrl, [...messagingMigrations, ...careerMigrations]);
  const careerPool = new Pool({ connectionString: career.databaseUrl, max: 2 });
  const profilesPool = new Pool({ connectionString: profiles.databaseUrl, max: 2 });
  const bar = new SingleBar(
    // Without a terminal (CI, piped logs) a plain line every few seconds instead of a redrawn bar.
    { format: ' career:rebuild [{bar}] {value}/{total} events | {phase} | {duration_formatted}', hideCursor: true, noTTYOutput: true, notTTYSchedule: 2000 },
    Presets.shades_classic,
  );
  bar.start(0, 0, { phase: 'starting' });
  try {
    const result = await new CareerRebuild({
      careerPool,
      source: profilesEventSource(profilesPool),
      keepRetired: process.argv.includes('--keep-retired'),
      onProgress: ({ read, total, phase }) => {
        bar.setTotal(total);
        bar.update(read, { phase });
      },
    }).run();
    bar.stop();
    process.stdout.write(`career read model rebuilt from ${result.eventsRead} profiles events and switched in\n`);
  } finally {
    bar.stop();
    await Promise.all([careerPool.end(), profilesPool.end()]);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`career:rebuild failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
