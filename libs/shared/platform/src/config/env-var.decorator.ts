/** What operators need to know about one environment variable. */
export interface ConfigVariableDescription {
  name: string;
  /** Applied when the variable is unset or empty; `undefined` means it is required. */
  default: string | undefined;
  description: string;
  /** Secrets are never echoed back in validation messages. */
  secret: boolean;
}

export interface EnvVarOptions {
  description: string;
  default?: string;
  secret?: boolean;
}

// Keyed by class so that subclasses can add variables without touching their parents.
const declared = new WeakMap<object, ConfigVariableDescription[]>();

/**
 * Marks a config property as an environment variable of the same name. The description
 * and default live next to the validation rules, so documentation and the compose file
 * can be checked against the code instead of drifting from it.
 */
export function EnvVar(options: EnvVarOptions): PropertyDecorator {
  return (target, propertyKey) => {
    if (typeof propertyKey !== 'string') throw new Error('@EnvVar needs a string property name');
    const owner = target.constructor;
    const list = declared.get(owner) ?? [];
    list.push({
      name: propertyKey,
      default: options.default,
      description: options.description,
      secret: options.secret ?? false,
    });
    declared.set(owner, list);
  };
}

export type ConfigClass<T extends object = object> = new () => T;

/** Every variable a config class declares, parents first, in declaration order. */
export function describeConfig(configClass: ConfigClass): ConfigVariableDescription[] {
  const chain: object[] = [];
  for (let c: unknown = configClass; typeof c === 'function' && c !== Function.prototype; c = Object.getPrototypeOf(c)) {
    chain.unshift(c);
  }
  return chain.flatMap((c) => declared.get(c) ?? []).map((v) => ({ ...v }));
}
