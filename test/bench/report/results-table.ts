import type { MachineInfo } from '../machine-info';
import type { ScenarioResult } from '../scenarios/scenario.types';
import { goalText, judge } from './goal-verdict';

const int = (value: number) => Math.round(value).toLocaleString('en-US');

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
  const details = results
    .filter((result) => result.details !== undefined)
    .map((result) => `  (${result.id}) ${Object.entries(result.details ?? {}).map(([k, v]) => `${k}=${v}`).join(', ')}`);
  return [
    `Event store benchmark${quick ? ' (--quick: smaller counts, figures are only a smoke test)' : ''}`,
    `Date:     ${date.toISOString()}`,
    `CPU:      ${machine.cpuModel} × ${machine.cpuCount}`,
    `Memory:   ${machine.totalMemoryGiB} GiB    OS: ${machine.os}    Node: ${machine.node}`,
    `Postgres: ${machine.postgres}`,
    `          ${Object.entries(machine.postgresSettings).map(([k, v]) => `${k}=${v}`).join(', ')}`,
    `Kafka:    ${machine.kafka}`,
    '',
    line(header),
    rule,
    ...rows.map(line),
    '',
    ...(details.length > 0 ? ['Details:', ...details, ''] : []),
  ].join('\n');
}
