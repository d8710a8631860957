import type { DynamicModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { hostname } from 'node:os';
import { pino, stdTimeFunctions, type DestinationStream, type Level } from 'pino';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LOG_LEVELS, type LogLevel } from '../config/common.config';
import { failedRequestLoggingModule } from './failed-request-logging';
import { assignRequestIds, correlationIdOf } from './request-ids';

export interface LoggerModuleOptions {
  /** Defaults to LOG_LEVEL, then `info`; `silent` keeps test output clean. */
  level?: LogLevel;
  /** Where JSON lines go; stdout unless a test wants to read them. */
  stream?: DestinationStream;
}

// Credentials must never reach log storage, whoever sends them.
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers["proxy-authorization"]',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
];

// Probes and scrapes arrive every few seconds; logging each would drown real traffic.
const QUIET_PATHS = ['/health/live', '/health/ready', '/metrics'];

/**
 * A 5xx is the service's failure: error. A 4xx is the client's (a bad body, a missing
 * token, a career not projected yet while someone polls for it) and asks nothing of an
 * operator, so it is logged with the other requests at info; warn and error then stay for
 * what needs attention.
 */
function levelForResponse(_req: IncomingMessage, res: ServerResponse, error?: Error): Level {
  return error !== undefined || res.statusCode >= 500 ? 'error' : 'info';
}

// Apps pass their validated LOG_LEVEL; this fallback only serves code that does not.
function levelFromEnv(): LogLevel {
  const value = process.env['LOG_LEVEL'];
  return LOG_LEVELS.find((l) => l === value) ?? 'info';
}

const VERBOSE_LEVELS: readonly LogLevel[] = ['info', 'debug', 'trace'];

/**
 * JSON logs tagged with the service, request id and correlation id of every request. At
 * info and below every request is logged by pino-http (headers redacted); at warn and
 * above only failed ones are, by a middleware that builds nothing for the others
 * (failed-request-logging.ts).
 */
export function createLoggerModule(serviceName: string, options: LoggerModuleOptions = {}): DynamicModule {
  const level = options.level ?? levelFromEnv();
  const loggerOptions = {
    level,
    base: { service: serviceName, pid: process.pid, hostname: hostname() },
    timestamp: stdTimeFunctions.isoTime,
    formatters: { level: (label: string) => ({ level: label }) },
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
  };
  if (!VERBOSE_LEVELS.includes(level)) {
    return failedRequestLoggingModule(options.stream === undefined ? pino(loggerOptions) : pino(loggerOptions, options.stream));
  }
  const pinoOptions = {
    ...loggerOptions,
    genReqId: assignRequestIds,
    customProps: (req: IncomingMessage) => ({ correlationId: correlationIdOf(req) }),
    customLogLevel: levelForResponse,
    autoLogging: { ignore: (req: IncomingMessage) => QUIET_PATHS.includes((req.url ?? '').split('?')[0] ?? '') },
  };
  return LoggerModule.forRoot({
    pinoHttp: options.stream === undefined ? pinoOptions : [pinoOptions, options.stream],
  });
}
