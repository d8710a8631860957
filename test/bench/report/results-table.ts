import type { MachineInfo } from '../machine-info';
import type { ScenarioResult } from '../scenarios/scenario.types';
import type { Measurement } from '../timing';
import { goalText, judge } from './goal-verdict';

const int = (value: number) => Math.round(value).toLocaleString('en-US');

function cpuText(name: string, measured: Measurement): string | undefined {
  const cpu = measured.cpuMicrosPerEvent;
  if (cpu === undefined) return undefined;
  return cpu.server === null ? `${name} ? + ${cpu.client}` : `${name} ${cpu.server} + ${cpu.client} = ${Math.round((cpu.server + cpu.client) * 10) / 10}`;
}

/** The human-readable report: machine, then one row per scenario. */
export function resultsTable(results: readonly ScenarioResult[], machine: MachineInfo, date: Date, quick: boolean): string {
  const header = ['Scenario', 'Ours ev/s', 'Emmett ev/s', 'Ours/Emmett', 'Goal', 'Met'];
  const rows = results.map((result) => {
    const verdict = judge(result);
    return [
      `(${result.id}) ${result.title}`,
      int(result.ours.eventsPerSecond),
      result.emmett === null ? '–' : int(result.emmett.eventsPerSecond),
      verdict.ratio === null ? '–' : `${verdict.ratio.toFixed(2)}×`,
      goalText(result.goal),
      verdict.met === null ? '–' : verdict.met ? 'yes' : 'NO',
    ];
  });
  const widths = header.map((_, column) => Math.max(...[header, ...rows].map((row) => (row[column] ?? '').length)));
  const numeric = new Set([1, 2, 3]);
  const line = (row: readonly string[]) =>
    row.map((cell, column) => (numeric.has(column) ? cell.padStart(widths[column] ?? 0) : cell.padEnd(widths[column] ?? 0))).join('  ');
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  const details = results.map((result) => {
    const rounds = `rounds ev/s ours ${result.ours.rounds.map(int).join(' / ')}${result.emmett === null ? '' : `, emmett ${result.emmett.rounds.map(int).join(' / ')}`}`;
    const extra = Object.entries(result.details ?? {}).map(([k, v]) => `${k}=${v}`);
    const cpu = [cpuText('ours', result.ours), result.emmett === null ? undefined : cpuText('emmett', result.emmett)].filter((t) => t !== undefined);
    const cpuLine = cpu.length > 0 ? `CPU µs/event (server + client): ${cpu.join(', ')}` : undefined;
    return `  (${result.id}) ${[rounds, cpuLine, ...extra].filter((part) => part !== undefined).join('; ')}`;
  });
  return [
    `Event store benchmark${quick ? ' (--quick: smaller counts, figures are only a smoke test)' : ''}`,
    `Date:     ${date.toISOString()}`,
    `CPU:      ${machine.cpuModel} × ${machine.cpuCount}`,
    `Memory:   ${machine.totalMemoryGiB} GiB    OS: ${machine.os}    Node: ${machine.node}`,
    `Load:     ${machine.loadAverageAtStart.join(' / ')} (1 / 5 / 15 min, at start)`,
    `Postgres: ${machine.postgres}`,
    `          ${Object.entries(machine.postgresSettings).map(([k, v]) => `${k}=${v}`).join(', ')}`,
    `Kafka:    ${machine.kafka}`,
    `Packages: ${Object.entries(machine.packages).map(([name, version]) => `${name}@${version}`).join(', ')}`,
    '',
    line(header),
    rule,
    ...rows.map(line),
    '',
    'Figures are the median round; every round, in the order run:',
    ...details,
    '',
  ].join('\n');
}
