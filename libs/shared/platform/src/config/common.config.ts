import { IsIn } from 'class-validator';
import { EnvVar } from './env-var.decorator';

export const NODE_ENVS = ['development', 'test', 'production'] as const;
export type NodeEnv = (typeof NODE_ENVS)[number];

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Variables every process has, including the gateway, which owns no data. */
export abstract class CommonConfig {
  @EnvVar({ default: 'development', description: `Runtime mode: ${NODE_ENVS.join(', ')}` })
  @IsIn(NODE_ENVS, { message: `must be one of ${NODE_ENVS.join(', ')}` })
  NODE_ENV!: NodeEnv;

  @EnvVar({ default: 'info', description: `Log level: ${LOG_LEVELS.join(', ')} (silent in tests)` })
  @IsIn(LOG_LEVELS, { message: `must be one of ${LOG_LEVELS.join(', ')}` })
  LOG_LEVEL!: LogLevel;

  /** The HTTP port of this service; each service names its own variable. */
  abstract get port(): number;
}
