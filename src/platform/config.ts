import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';

/**
 * Configuration from environment variables and an optional JSON config file
 * (`EGOV_CONFIG`, default `./egov.config.json` when present). Environment variables win
 * over the file. Every value is validated at start; a bad one raises `ConfigError`, which
 * the command line prints as one line and exits with code 2.
 */
export interface Config {
  port: number;
  host: string;
  databaseUrl: string;
  /** Parsed form of `databaseUrl`. */
  database: DatabaseTarget;
  dataDir: string;
  publicUrl: string;
  logLevel: LogLevel;
  logFormat: 'pretty' | 'json';
  /** Load the Da Nang demonstration data on the first start of an empty database. */
  seedDemo: boolean;
  shutdownTimeoutMs: number;
  dbPoolMax: number;
  /** Login attempts allowed per client address per minute. */
  loginRateLimit: number;
  /** Public (unauthenticated) lookups allowed per client address per minute; 0 turns the limit off. */
  publicRateLimit: number;
  /** SMTP server for e-mail notifications; unset: e-mails are logged, not sent. */
  smtpUrl: string | undefined;
  /** Sender address of notification e-mails. */
  mailFrom: string;
  /** HTTP SMS gateway; unset: SMS are logged, not sent. */
  smsGatewayUrl: string | undefined;
  /** Bearer token sent to the SMS gateway. */
  smsGatewayToken: string | undefined;
  /** JSON body template of an SMS request, with {{to}}, {{text}} and {{id}} placeholders. */
  smsBodyTemplate: string;
  /** Run the outbox worker inside the server (`WORKER=off` when `egov worker` runs apart). */
  worker: boolean;
}

export type DatabaseTarget =
  | { dialect: 'sqlite'; file: string }
  | { dialect: 'postgres'; url: string; host: string; port: number; database: string };

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

/** A configuration value that cannot work; `setting` names the variable to fix. */
export class ConfigError extends Error {
  constructor(
    readonly setting: string,
    message: string,
  ) {
    super(`${setting}: ${message}`);
    this.name = 'ConfigError';
  }
}

/** Describes every setting: the README's settings table is kept in step with this list. */
export const settings = [
  { name: 'PORT', default: '3000', description: 'TCP port the server listens on.' },
  { name: 'HOST', default: '127.0.0.1', description: 'Interface to listen on; 0.0.0.0 to accept connections from other machines.' },
  {
    name: 'DATABASE_URL',
    default: 'sqlite:./data/egov.sqlite',
    description: 'sqlite:<file> for the embedded database, or postgres://user@host:port/db for PostgreSQL.',
  },
  { name: 'DATA_DIR', default: './data', description: 'Where uploaded files and the default SQLite database live.' },
  { name: 'PUBLIC_URL', default: 'http://localhost:<PORT>', description: 'Address citizens use; printed in QR codes and e-mails.' },
  { name: 'LOG_LEVEL', default: 'info', description: 'fatal, error, warn, info, debug, trace or silent.' },
  { name: 'LOG_FORMAT', default: 'pretty on a terminal, json otherwise', description: 'pretty or json.' },
  { name: 'SEED_DEMO', default: 'true', description: 'Load the Da Nang demonstration data on the first start of an empty database.' },
  { name: 'SHUTDOWN_TIMEOUT_MS', default: '10000', description: 'How long in-flight requests may run after SIGTERM/SIGINT.' },
  { name: 'DB_POOL_MAX', default: '10', description: 'PostgreSQL connection pool size.' },
  { name: 'LOGIN_RATE_LIMIT', default: '20', description: 'Login attempts allowed per client address per minute.' },
  { name: 'PUBLIC_RATE_LIMIT', default: '60', description: 'Public lookups allowed per client address per minute; 0 turns the limit off (benchmarks).' },
  { name: 'EGOV_CONFIG', default: './egov.config.json if present', description: 'A JSON file with any of these settings as keys.' },
  { name: 'SMTP_URL', default: 'unset (e-mails are logged, not sent)', description: 'SMTP server for e-mail notifications, e.g. smtp://user:pass@mail.example.vn:587 or smtp://127.0.0.1:2525.' },
  { name: 'MAIL_FROM', default: 'Dịch vụ công <no-reply@localhost>', description: 'Sender address of notification e-mails.' },
  { name: 'SMS_GATEWAY_URL', default: 'unset (SMS are logged, not sent)', description: 'HTTP(S) address the SMS gateway adapter POSTs each message to.' },
  { name: 'SMS_GATEWAY_TOKEN', default: 'unset', description: 'Sent as Authorization: Bearer <token> to the SMS gateway.' },
  { name: 'SMS_BODY_TEMPLATE', default: '{"to":"{{to}}","text":"{{text}}","id":"{{id}}"}', description: 'JSON body of an SMS request; {{to}}, {{text}} and {{id}} are replaced (JSON-escaped).' },
  { name: 'WORKER', default: 'on', description: 'on: the server also delivers notifications from the outbox; off: run `egov worker` separately.' },
] as const;

type Source = Record<string, string | undefined>;

const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/**
 * Reads and validates the configuration.
 *
 * @param env - the environment (defaults to `process.env`)
 * @param cwd - the directory relative paths are resolved against
 * @param isTty - whether standard output is a terminal (chooses the default log format)
 */
export function loadConfig(env: Source = process.env, cwd = process.cwd(), isTty = Boolean(process.stdout.isTTY)): Config {
  const source: Source = { ...readConfigFile(env, cwd), ...definedOnly(env) };
  const port = parseIntSetting(source, 'PORT', 3000, 1, 65535, 'Set PORT to a free port number between 1 and 65535.');
  const host = source.HOST?.trim() || '127.0.0.1';
  const dataDir = resolve(cwd, source.DATA_DIR?.trim() || './data');
  const databaseUrl = source.DATABASE_URL?.trim() || `sqlite:${resolve(dataDir, 'egov.sqlite')}`;
  const database = parseDatabaseUrl(databaseUrl, cwd);
  const logLevel = (source.LOG_LEVEL?.trim() || 'info') as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new ConfigError('LOG_LEVEL', `"${source.LOG_LEVEL}" is not a log level; use one of ${LOG_LEVELS.join(', ')}.`);
  }
  const logFormatRaw = source.LOG_FORMAT?.trim() || (isTty ? 'pretty' : 'json');
  if (logFormatRaw !== 'pretty' && logFormatRaw !== 'json') {
    throw new ConfigError('LOG_FORMAT', `"${logFormatRaw}" is not a log format; use pretty or json.`);
  }
  const publicUrl = (source.PUBLIC_URL?.trim() || `http://localhost:${port}`).replace(/\/+$/, '');
  if (!/^https?:\/\/[^/\s]+/.test(publicUrl)) {
    throw new ConfigError('PUBLIC_URL', `"${publicUrl}" is not an http(s) address; set it like https://dichvucong.example.vn.`);
  }
  return {
    port,
    host,
    databaseUrl,
    database,
    dataDir,
    publicUrl,
    logLevel,
    logFormat: logFormatRaw,
    seedDemo: parseBoolSetting(source, 'SEED_DEMO', true),
    shutdownTimeoutMs: parseIntSetting(source, 'SHUTDOWN_TIMEOUT_MS', 10_000, 0, 600_000, 'Give a number of milliseconds.'),
    dbPoolMax: parseIntSetting(source, 'DB_POOL_MAX', 10, 1, 1000, 'Give a pool size between 1 and 1000.'),
    loginRateLimit: parseIntSetting(source, 'LOGIN_RATE_LIMIT', 20, 1, 100_000, 'Give attempts per minute.'),
    publicRateLimit: parseIntSetting(source, 'PUBLIC_RATE_LIMIT', 60, 0, 1_000_000, 'Give requests per minute, or 0 for no limit.'),
    ...notificationSettings(source),
  };
}

/** The delivery settings (SMTP, SMS gateway, worker), checked like the others. */
function notificationSettings(source: Source): Pick<Config, 'smtpUrl' | 'mailFrom' | 'smsGatewayUrl' | 'smsGatewayToken' | 'smsBodyTemplate' | 'worker'> {
  const smtpUrl = source.SMTP_URL?.trim() || undefined;
  if (smtpUrl && !/^smtps?:\/\/[^/\s]+/.test(smtpUrl)) {
    throw new ConfigError('SMTP_URL', `"${smtpUrl}" is not an smtp:// or smtps:// address; write it like smtp://127.0.0.1:2525.`);
  }
  const smsGatewayUrl = source.SMS_GATEWAY_URL?.trim() || undefined;
  if (smsGatewayUrl && !/^https?:\/\/[^/\s]+/.test(smsGatewayUrl)) {
    throw new ConfigError('SMS_GATEWAY_URL', `"${smsGatewayUrl}" is not an http(s) address; write it like https://sms.example.vn/send.`);
  }
  const smsBodyTemplate = source.SMS_BODY_TEMPLATE?.trim() || '{"to":"{{to}}","text":"{{text}}","id":"{{id}}"}';
  if (!smsBodyTemplate.includes('{{text}}')) {
    throw new ConfigError('SMS_BODY_TEMPLATE', 'has no {{text}} placeholder; the message text must go somewhere.');
  }
  return {
    smtpUrl,
    mailFrom: source.MAIL_FROM?.trim() || 'Dịch vụ công <no-reply@localhost>',
    smsGatewayUrl,
    smsGatewayToken: source.SMS_GATEWAY_TOKEN?.trim() || undefined,
    smsBodyTemplate,
    worker: parseBoolSetting(source, 'WORKER', true),
  };
}

/** Parses a database address into a dialect and its connection details. */
export function parseDatabaseUrl(url: string, cwd = process.cwd()): DatabaseTarget {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
  if (scheme === 'sqlite' || scheme === 'file') {
    const rest = url.slice(scheme.length + 1).replace(/^\/\/(?=\/)/, '');
    if (rest === '' || rest === '//') {
      throw new ConfigError('DATABASE_URL', 'names no SQLite file; write it like sqlite:./data/egov.sqlite.');
    }
    if (rest === ':memory:') return { dialect: 'sqlite', file: ':memory:' };
    return { dialect: 'sqlite', file: isAbsolute(rest) ? rest : resolve(cwd, rest) };
  }
  if (scheme === 'postgres' || scheme === 'postgresql') {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new ConfigError('DATABASE_URL', 'is not a valid PostgreSQL address; write it like postgres://user@127.0.0.1:5432/egov.');
    }
    const database = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
    if (!database) {
      throw new ConfigError('DATABASE_URL', 'names no PostgreSQL database; add it after the host, like postgres://user@127.0.0.1:5432/egov.');
    }
    return { dialect: 'postgres', url, host: parsed.hostname || 'localhost', port: Number(parsed.port || 5432), database };
  }
  throw new ConfigError(
    'DATABASE_URL',
    `unknown scheme "${scheme ?? url}"; use sqlite:<file> or postgres://user@host:port/database.`,
  );
}

function readConfigFile(env: Source, cwd: string): Source {
  const explicit = env.EGOV_CONFIG?.trim();
  const path = resolve(cwd, explicit || 'egov.config.json');
  if (!existsSync(path)) {
    if (explicit) throw new ConfigError('EGOV_CONFIG', `file ${explicit} does not exist; correct the path or unset EGOV_CONFIG.`);
    return {};
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ConfigError('EGOV_CONFIG', `${path} is not valid JSON (${(error as Error).message}).`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new ConfigError('EGOV_CONFIG', `${path} must hold a JSON object of settings, like {"PORT": 8080}.`);
  }
  const known = new Set<string>(settings.map((s) => s.name));
  const out: Source = {};
  for (const [key, value] of Object.entries(parsed)) {
    if (!known.has(key)) throw new ConfigError('EGOV_CONFIG', `${path} has an unknown setting "${key}".`);
    out[key] = String(value);
  }
  return out;
}

function definedOnly(env: Source): Source {
  return Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
}

function parseIntSetting(source: Source, name: string, fallback: number, min: number, max: number, hint: string): number {
  const raw = source[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new ConfigError(name, `"${raw}" is not a whole number from ${min} to ${max}. ${hint}`);
  }
  return Number(raw);
}

function parseBoolSetting(source: Source, name: string, fallback: boolean): boolean {
  const raw = source[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw new ConfigError(name, `"${source[name]}" is not true or false.`);
}
