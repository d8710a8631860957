import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { describeConfig, type ConfigClass } from './env-var.decorator';

export interface ConfigProblem {
  variable: string;
  /** The raw value as given, or `<redacted>` for secrets, or `<unset>`. */
  value: string;
  messages: string[];
}

/** Thrown at start-up so a misconfigured process dies before it serves anything. */
export class ConfigValidationError extends Error {
  constructor(readonly configName: string, readonly problems: readonly ConfigProblem[]) {
    super(
      `Invalid configuration for ${configName} (${problems.length} variable${problems.length === 1 ? '' : 's'}):\n` +
        problems.map((p) => `  - ${p.variable}=${p.value}: ${p.messages.join('; ')}`).join('\n'),
    );
    this.name = 'ConfigValidationError';
  }
}

/**
 * Reads only the variables the class declares, applies their defaults (an empty value
 * counts as unset, as compose files often leave one), converts and validates them, and
 * reports every bad variable at once rather than the first.
 */
export function loadConfig<T extends object>(
  configClass: ConfigClass<T>,
  env: Record<string, string | undefined> = process.env,
): T {
  const variables = describeConfig(configClass);
  const raw: Record<string, string> = {};
  const problems: ConfigProblem[] = [];
  for (const variable of variables) {
    const given = env[variable.name];
    const value = given === undefined || given === '' ? variable.default : given;
    if (value === undefined) {
      problems.push({ variable: variable.name, value: '<unset>', messages: ['is required'] });
    } else {
      raw[variable.name] = value;
    }
  }
  const config = plainToInstance(configClass, raw);
  const errors = validateSync(config, { skipMissingProperties: false });
  for (const error of errors) {
    const variable = variables.find((v) => v.name === error.property);
    if (variable === undefined || raw[error.property] === undefined) continue;
    problems.push({
      variable: error.property,
      value: variable.secret ? '<redacted>' : JSON.stringify(withoutPassword(raw[error.property] ?? '')),
      messages: messagesOf(error),
    });
  }
  if (problems.length > 0) {
    problems.sort((a, b) => variables.findIndex((v) => v.name === a.variable) - variables.findIndex((v) => v.name === b.variable));
    throw new ConfigValidationError(configClass.name, problems);
  }
  return Object.freeze(config);
}

function messagesOf(error: ValidationError): string[] {
  return [...new Set(Object.values(error.constraints ?? {}))];
}

// A URL-valued variable may carry a password; the rest of it is what helps to debug.
function withoutPassword(value: string): string {
  return value.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@');
}
