import type { DynamicModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { hostname } from 'node:os';
import { levels, stdTimeFunctions, type DestinationStream, type Level, type LevelWithSilent } from 'pino';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LOG_LEVELS, type LogLevel } from '../config/common.config';
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

/**
 * 'silent' for responses below the configured level: pino-http then skips building the
 * response log entry altogether (it builds it before the level check otherwise), which is
 * work on every request of a service that logs only warnings.
 */
function responseLevelAbove(threshold: LogLevel): (req: IncomingMessage, res: ServerResponse, error?: Error) => LevelWithSilent {
  const minimum = threshold === 'silent' ? Infinity : (levels.values[threshold] ?? 0);
  return (req, res, error) => {
    const level = levelForResponse(req, res, error);
    return (levels.values[level] ?? 0) >= minimum ? level : 'silent';
  };
}

// Apps pass their validated LOG_LEVEL; this fallback only serves code that does not.
function levelFromEnv(): LogLevel {
  const value = process.env['LOG_LEVEL'];
  return LOG_LEVELS.find((l) => l === value) ?? 'info';
}

/** What a request looks like in log lines once only warnings and errors are logged. */
interface SerializedRequest {
  id?: unknown;
  method?: string;
  url?: string;
}

/**
 * At warn and above, lines name the request by id, method and URL, without its headers.
 * pino-http binds the serialized request to a child logger on every request, before it
 * knows whether anything will be logged; serializing, redacting and stringifying every
 * header for each of them was one of the larger costs of a request. At info and below the
 * headers stay (redacted), for debugging.
 */
function compactRequest(req: SerializedRequest): SerializedRequest {
  return { id: req.id, method: req.method, url: req.url };
}

const VERBOSE_LEVELS: readonly LogLevel[] = ['info', 'debug', 'trace'];

/** JSON logs tagged with the service, request id and correlation id of every request. */
export function createLoggerModule(serviceName: string, options: LoggerModuleOptions = {}): DynamicModule {
  const level = options.level ?? levelFromEnv();
  const pinoOptions = {
    level,
    base: { service: serviceName, pid: process.pid, hostname: hostname() },
    timestamp: stdTimeFunctions.isoTime,
    formatters: { level: (label: string) => ({ level: label }) },
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    ...(VERBOSE_LEVELS.includes(level) ? {} : { serializers: { req: compactRequest } }),
    genReqId: assignRequestIds,
    customProps: (req: IncomingMessage) => ({ correlationId: correlationIdOf(req) }),
    customLogLevel: responseLevelAbove(level),
    autoLogging: { ignore: (req: IncomingMessage) => QUIET_PATHS.includes((req.url ?? '').split('?')[0] ?? '') },
  };
  return LoggerModule.forRoot({
    pinoHttp: options.stream === undefined ? pinoOptions : [pinoOptions, options.stream],
  });
}
