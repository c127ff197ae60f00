import type { LoggerService } from '@nestjs/common';
import type { LogLevel } from './config';

/** What Nest's messages need from pino (kept structural: Nest's adapter brings its own copy of fastify). */
interface PinoLike {
  fatal(bindings: object, message: string): void;
  error(bindings: object, message: string): void;
  warn(bindings: object, message: string): void;
  info(bindings: object, message: string): void;
  debug(bindings: object, message: string): void;
  trace(bindings: object, message: string): void;
}

/** Fastify's pino logger. Credentials never reach the log, even if a serializer starts printing headers. */
export function fastifyLoggerOptions(level: LogLevel): { level: LogLevel; redact: { paths: string[]; censor: string } } {
  return {
    level,
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-api-key"]', 'headers.authorization'],
      censor: '[redacted]',
    },
  };
}

/** Nest's own messages (module init, routes, errors) go to the same pino logger as the requests. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly pino: PinoLike) {}

  log(message: unknown, context?: string): void {
    this.pino.info({ context }, describe(message));
  }

  error(message: unknown, stackOrContext?: string, context?: string): void {
    const withStack = context !== undefined;
    this.pino.error({ context: withStack ? context : stackOrContext, stack: withStack ? stackOrContext : undefined }, describe(message));
  }

  warn(message: unknown, context?: string): void {
    this.pino.warn({ context }, describe(message));
  }

  debug(message: unknown, context?: string): void {
    this.pino.debug({ context }, describe(message));
  }

  verbose(message: unknown, context?: string): void {
    this.pino.trace({ context }, describe(message));
  }

  fatal(message: unknown, context?: string): void {
    this.pino.fatal({ context }, describe(message));
  }
}

function describe(message: unknown): string {
  if (typeof message === 'string') return message;
  if (message instanceof Error) return message.stack ?? message.message;
  return JSON.stringify(message);
}
