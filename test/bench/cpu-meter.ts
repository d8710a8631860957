import { readFileSync } from 'node:fs';

/** CPU seconds spent during a timed phase, by the server backends serving it and by this process. */
export interface CpuSpent {
  /** null when the backends' CPU cannot be read (PostgreSQL on another host, no /proc). */
  serverSeconds: number | null;
  clientSeconds: number;
}

/**
 * Wall time depends on whatever else the machine runs; CPU time per event barely does, so
 * it is reported next to throughput. Backends are read from /proc/<pid>/schedstat (their
 * time on a CPU, in ns), which needs the server on this machine.
 */
export function startCpuMeter(serverPids: readonly number[]): () => CpuSpent {
  const serverStart = backendNanos(serverPids);
  const clientStart = process.cpuUsage();
  return () => {
    const serverEnd = backendNanos(serverPids);
    const client = process.cpuUsage(clientStart);
    return {
      serverSeconds: serverStart === null || serverEnd === null ? null : (serverEnd - serverStart) / 1e9,
      clientSeconds: (client.user + client.system) / 1e6,
    };
  };
}

function backendNanos(pids: readonly number[]): number | null {
  if (pids.length === 0) return null;
  let total = 0;
  for (const pid of pids) {
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').startsWith('postgres')) return null;
      total += Number(readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[0]);
    } catch {
      return null;
    }
  }
  return total;
}
