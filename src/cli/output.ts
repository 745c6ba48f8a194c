import { ConfigError } from '../platform/config.js';
import { AppError } from '../platform/errors.js';

/** Exit codes of the `egov` command. */
export const EXIT = { ok: 0, failure: 1, config: 2 } as const;

/**
 * Reports an error the way an operator needs it: one line, no stack trace (set EGOV_DEBUG=1
 * for one), and the exit code (2 for configuration problems).
 */
export function reportAndExit(error: unknown): never {
  if (error instanceof ConfigError) {
    process.stderr.write(`egov: configuration error: ${error.message}\n`);
    process.exit(EXIT.config);
  }
  if (error instanceof AppError) {
    const d = error.detail ?? { vi: error.message, en: error.message };
    const fields = (error.errors ?? []).map((e) => ` [${e.field}: ${e.message.en}]`).join('');
    process.stderr.write(`egov: ${d.en} / ${d.vi}${fields}\n`);
    process.exit(EXIT.failure);
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`egov: ${message}\n`);
  if (process.env.EGOV_DEBUG && error instanceof Error) process.stderr.write(`${error.stack ?? ''}\n`);
  process.exit(EXIT.failure);
}
