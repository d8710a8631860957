import { readdirSync, readFileSync } from 'node:fs';

/** Where the CPU of a phase went, per part of the system, in ms per operation of the phase. */
export interface CpuBreakdown {
  /** ms of CPU per operation, by part (apps by name, `postgres`, `kafka`, `load generator`). */
  msPerOperation: Record<string, number>;
  /** Sum of the parts, ms per operation. */
  totalMsPerOperation: number;
  /** Cores the parts kept busy on average during the phase. */
  coresBusy: number;
  /**
   * Share of the machine's CPU time that was idle, and stolen by the hypervisor (0–1), and
   * the cores kept busy by everything else (other processes, kernel threads such as a
   * memory monitor): work the system did not ask for but had to share the cores with.
   */
  machine: { idle: number; steal: number; otherCores: number };
}

export interface CpuParts {
  /** App name → its process id. */
  apps: Record<string, number>;
}

type Snapshot = { at: number; perPid: Map<number, { part: string; ticks: number }>; machine: number[] };

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/**
 * Reads /proc before and after a phase: the apps by their pids, every PostgreSQL process
 * (backends of all pools, plus the WAL writer, checkpointer …), the Kafka broker's JVM and
 * this process (the load generator). Wall-clock figures move with whatever the host does;
 * CPU per operation mostly does not, so it tells a slow host from a slower system.
 * Processes that start during the phase count from zero; those that end are lost (pools
 * keep their connections open, so little is).
 */
export function startCpuBreakdown(parts: CpuParts): (operations: number) => CpuBreakdown | null {
  const start = snapshot(parts);
  if (start === null) return () => null;
  return (operations) => {
    const end = snapshot(parts);
    if (end === null) return null;
    const seconds = (end.at - start.at) / 1000;
    const msPerOperation: Record<string, number> = {};
    for (const [pid, { part, ticks }] of end.perPid) {
      const before = start.perPid.get(pid);
      const spent = ticks - (before?.part === part ? before.ticks : 0);
      msPerOperation[part] = (msPerOperation[part] ?? 0) + spent;
    }
    let total = 0;
    for (const part of Object.keys(msPerOperation)) {
      const ms = ((msPerOperation[part] ?? 0) * 1000) / TICKS_PER_SECOND;
      total += ms;
      msPerOperation[part] = round(ms / operations);
    }
    // /proc/stat's cpu line: user nice system idle iowait irq softirq steal guest guest_nice
    // (guest time is counted in user time already, so only the first eight add up).
    const machineDelta = end.machine.slice(0, 8).map((value, i) => value - (start.machine[i] ?? 0));
    const machineTotal = machineDelta.reduce((sum, value) => sum + value, 0) || 1;
    const idleTicks = (machineDelta[3] ?? 0) + (machineDelta[4] ?? 0);
    const busyCores = (machineTotal - idleTicks - (machineDelta[7] ?? 0)) / TICKS_PER_SECOND / seconds;
    const coresBusy = total / 1000 / seconds;
    return {
      msPerOperation,
      totalMsPerOperation: round(total / operations),
      coresBusy: round(coresBusy),
      machine: { idle: round(idleTicks / machineTotal), steal: round((machineDelta[7] ?? 0) / machineTotal), otherCores: round(Math.max(0, busyCores - coresBusy)) },
    };
  };
}

function snapshot(parts: CpuParts): Snapshot | null {
  let machine: number[];
  try {
    machine = (readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '').trim().split(/\s+/).slice(1).map(Number);
  } catch {
    return null; // no /proc: not Linux
  }
  const partOfPid = new Map<number, string>();
  for (const [app, pid] of Object.entries(parts.apps)) partOfPid.set(pid, app);
  partOfPid.set(process.pid, 'load generator');
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid) || partOfPid.has(pid)) continue;
    const cmdline = readOrEmpty(`/proc/${pid}/cmdline`);
    if (cmdline.startsWith('postgres')) partOfPid.set(pid, 'postgres');
    else if (cmdline.includes('kafka.Kafka') || cmdline.includes('kafka.server')) partOfPid.set(pid, 'kafka');
  }
  const perPid = new Map<number, { part: string; ticks: number }>();
  for (const [pid, part] of partOfPid) {
    const ticks = cpuTicks(pid);
    if (ticks !== null) perPid.set(pid, { part, ticks });
  }
  return { at: Date.now(), perPid, machine };
}

/** utime + stime of a process, in clock ticks; null once it is gone. */
function cpuTicks(pid: number): number | null {
  const stat = readOrEmpty(`/proc/${pid}/stat`);
  // The command name (field 2) may hold spaces: fields are counted after its closing parenthesis.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return Number.isFinite(utime) && Number.isFinite(stime) && stat !== '' ? utime + stime : null;
}

function readOrEmpty(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
