import { pino, type Logger } from 'pino';
import pretty from 'pino-pretty';
import type { Config } from './config.js';

/**
 * Creates the process logger: human-readable on a terminal, one JSON object per line
 * otherwise (for log collectors). Personal data must never be logged.
 */
export function createLogger(config: Pick<Config, 'logLevel' | 'logFormat'>, destination?: NodeJS.WritableStream): Logger {
  const options = {
    level: config.logLevel,
    redact: { paths: ['req.headers.authorization', 'req.headers.cookie', '*.password', '*.idNumber'], censor: '[redacted]' },
  };
  if (config.logFormat === 'pretty') {
    return pino(options, pretty({ colorize: !destination, sync: true, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname', destination: destination ?? 1 }));
  }
  return destination ? pino(options, destination) : pino(options);
}
