import { readFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';

export interface MachineInfo {
  cpuModel: string;
  cpuCount: number;
  totalMemoryGiB: number;
  os: string;
  node: string;
  postgres: string;
  postgresSettings: Record<string, string>;
  kafka: string;
  /** 1, 5 and 15-minute load averages when the run started: other work on the machine skews the figures. */
  loadAverageAtStart: number[];
  /** Installed versions of the libraries under test and of the drivers. */
  packages: Record<string, string>;
}

const PACKAGES = ['@event-driven-io/emmett', '@event-driven-io/emmett-postgresql', 'pg', 'kafkajs'] as const;

export function machineInfo(root: string, postgres: { version: string; settings: Record<string, string> }, kafka: string): MachineInfo {
  const cpus = os.cpus();
  return {
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    cpuCount: cpus.length,
    totalMemoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    postgres: postgres.version,
    postgresSettings: postgres.settings,
    kafka,
    loadAverageAtStart: os.loadavg().map((load) => Math.round(load * 100) / 100),
    packages: Object.fromEntries(PACKAGES.map((name) => [name, installedVersion(root, name)])),
  };
}

/** Read from node_modules: these packages do not export their package.json. */
function installedVersion(root: string, name: string): string {
  try {
    const manifest = JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')) as { version?: unknown };
    return typeof manifest.version === 'string' ? manifest.version : 'unknown';
  } catch {
    return 'unknown';
  }
}
