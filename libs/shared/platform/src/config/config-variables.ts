import { CareerConfig } from './career.config';
import { describeConfig, type ConfigClass, type ConfigVariableDescription } from './env-var.decorator';
import { GatewayConfig } from './gateway.config';
import { ProfilesConfig } from './profiles.config';

/** The validated configuration of each deployable app, by app name. */
export const SERVICE_CONFIGS = {
  profiles: ProfilesConfig,
  career: CareerConfig,
  gateway: GatewayConfig,
} as const satisfies Record<string, ConfigClass>;

export type ServiceName = keyof typeof SERVICE_CONFIGS;

export interface ConfigVariable extends ConfigVariableDescription {
  services: ServiceName[];
}

/** Names of the variables one app reads: what its compose/k8s environment must set. */
export function configVariableNames(service: ServiceName): string[] {
  return describeConfig(SERVICE_CONFIGS[service]).map((v) => v.name);
}

function collectVariables(): ConfigVariable[] {
  const byName = new Map<string, ConfigVariable>();
  for (const service of Object.keys(SERVICE_CONFIGS) as ServiceName[]) {
    for (const variable of describeConfig(SERVICE_CONFIGS[service])) {
      const known = byName.get(variable.name);
      if (known === undefined) byName.set(variable.name, { ...variable, services: [service] });
      else known.services.push(service);
    }
  }
  return [...byName.values()];
}

/** Every variable of every app, once, with the apps that read it. */
export const CONFIG_VARIABLES: readonly ConfigVariable[] = Object.freeze(collectVariables());

/** The Markdown table the README shows; a test keeps the README equal to it. */
export function renderConfigTable(variables: readonly ConfigVariable[] = CONFIG_VARIABLES): string {
  const rows = variables.map(
    (v) => `| \`${v.name}\` | ${renderDefault(v.default)} | ${v.services.join(', ')} | ${v.description} |`,
  );
  return ['| Variable | Default | Services | Description |', '|---|---|---|---|', ...rows].join('\n');
}

function renderDefault(value: string | undefined): string {
  if (value === undefined) return '(required)';
  return value === '' ? '(empty)' : `\`${value}\``;
}
