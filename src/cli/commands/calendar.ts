import { userInfo } from 'node:os';
import type { Command } from 'commander';
import { appModules } from '../../composition.js';
import {
  computeDue,
  createOverride,
  formatIsoLocal,
  listOverrideRows,
  listYearDifferences,
  loadDeskCalendar,
  parseIsoWithOffset,
  removeOverride,
  type DeadlineRule,
  type EditContext,
  type HolidayGroup,
} from '../../modules/calendar/index.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { loadConfig } from '../../platform/config.js';
import type { Database } from '../../platform/db/database.js';
import { createLogger } from '../../platform/logger.js';
import { openAndMigrate, platformServices } from '../../platform/server.js';

const KINDS = ['off', 'work', 'holiday'] as const;
const GROUPS: readonly HolidayGroup[] = ['newYear', 'tet', 'hungKings', 'victoryDay', 'labourDay', 'nationalDay'];

/** Opens and migrates the configured database with logs on stderr, so stdout carries only the answer. */
async function withDatabase<T>(run: (database: Database, services: ReturnType<typeof platformServices>) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const log = createLogger({ ...config, logLevel: 'warn' }, process.stderr);
  const database = await openAndMigrate(config, appModules, log);
  try {
    return await run(database, platformServices(config, database, log));
  } finally {
    await database.close();
  }
}

function parseYear(text: string): number {
  const year = Number(text);
  if (!/^\d{4}$/.test(text) || year < 1900 || year > 2199) throw new Error(`the year must be 1900–2199, not "${text}"`);
  return year;
}

function parseAmount(text: string, option: string, whole: boolean): number {
  const n = Number(text);
  const ok = whole ? /^\d+$/.test(text) : /^\d+(\.\d+)?$/.test(text);
  if (!ok || !Number.isFinite(n) || n > 30000) throw new Error(`${option} must be a ${whole ? 'whole ' : ''}number ≥ 0, not "${text}"`);
  return n;
}

interface DueOptions {
  from: string;
  workingDays?: string;
  workingHours?: string;
  calendarDays?: string;
  sameDay?: boolean;
  desk?: string;
}

/** The one deadline rule the options name. */
function ruleOf(opts: DueOptions): DeadlineRule {
  const rules: DeadlineRule[] = [];
  if (opts.workingDays !== undefined) rules.push({ unit: 'workingDays', value: parseAmount(opts.workingDays, '--working-days', false) });
  if (opts.workingHours !== undefined) rules.push({ unit: 'workingHours', value: parseAmount(opts.workingHours, '--working-hours', false) });
  if (opts.calendarDays !== undefined) rules.push({ unit: 'calendarDays', value: parseAmount(opts.calendarDays, '--calendar-days', true) });
  if (opts.sameDay) rules.push({ unit: 'sameDay' });
  const [rule] = rules;
  if (rules.length !== 1 || rule === undefined) throw new Error('give exactly one of --working-days, --working-hours, --calendar-days, --same-day');
  return rule;
}

function cliActorLabel(): string {
  try {
    return `egov-cli:${userInfo().username}`;
  } catch {
    return 'egov-cli';
  }
}

function cliEditContext(database: Database, services: ReturnType<typeof platformServices>): EditContext {
  const now = services.clock.now();
  const label = cliActorLabel();
  return {
    db: database.db,
    now,
    by: label,
    fieldPrefix: '',
    audit: (trx, entry) => recordAudit(trx, { ...entry, actor: { id: null, label } }, now, services.newId),
  };
}

/**
 * `egov calendar holidays|due|override`: the working calendar at the terminal, reading the
 * database's override table so that an administrator's edit shows at once.
 */
export function registerCalendar(program: Command): void {
  const calendar = program.command('calendar').description('working calendar: holidays, deadlines, the override table');

  calendar
    .command('holidays <year>')
    .description('every date of the year that differs from plain Monday–Friday work: "YYYY-MM-DD off|work <Vietnamese name>"')
    .option('--desk <code>', "a reception desk's calendar (its hours and exceptions) instead of the city-wide one")
    .action(async (yearText: string, opts: { desk?: string }) => {
      const year = parseYear(yearText);
      const lines = await withDatabase(async (database) => listYearDifferences(await loadDeskCalendar(database.db, opts.desk), year));
      process.stdout.write(lines.map((d) => `${d.date} ${d.kind} ${d.name.vi}\n`).join(''));
    });

  calendar
    .command('due')
    .description('the due moment of a time limit, printed as ISO-8601 with +07:00')
    .requiredOption('--from <instant>', 'ISO-8601 with an offset, e.g. 2026-02-13T10:00:00+07:00')
    .option('--working-days <n>', 'working days (fractions allowed, e.g. 0.5)')
    .option('--working-hours <n>', 'office hours')
    .option('--calendar-days <n>', 'calendar days')
    .option('--same-day', 'same-day procedure (received after 15:00: the next working day)')
    .option('--desk <code>', "count with a reception desk's hours")
    .action(async (opts: DueOptions) => {
      const from = parseIsoWithOffset(opts.from);
      if (!from.ok) throw new Error(`--from: ${from.error.message.en} / ${from.error.message.vi}`);
      const rule = ruleOf(opts);
      const due = await withDatabase(async (database) => computeDue(await loadDeskCalendar(database.db, opts.desk), from.value, rule));
      process.stdout.write(`${formatIsoLocal(due)}\n`);
    });

  const override = calendar.command('override').description('the national override table (days off, swapped working days, new holidays)');

  override
    .command('list')
    .description('override rows, one a line: "YYYY-MM-DD off|work|holiday <Vietnamese name> [replaces <group>]"')
    .option('--year <year>', 'only this year')
    .action(async (opts: { year?: string }) => {
      const year = opts.year === undefined ? undefined : parseYear(opts.year);
      const rows = await withDatabase((database) => listOverrideRows(database.db, year));
      process.stdout.write(rows.map((r) => `${r.date} ${r.kind} ${r.name.vi}${r.replaces ? ` [replaces ${r.replaces}]` : ''}\n`).join(''));
    });

  override
    .command('add <date>')
    .description('add a row from a government notice (audited)')
    .requiredOption('--kind <kind>', 'off, work or holiday')
    .requiredOption('--name-vi <text>', 'name or reason in Vietnamese')
    .requiredOption('--name-en <text>', 'name or reason in English')
    .option('--replaces <group>', `the statutory holiday this published row replaces: ${GROUPS.join(', ')}`)
    .action(async (date: string, opts: { kind: string; nameVi: string; nameEn: string; replaces?: string }) => {
      if (!(KINDS as readonly string[]).includes(opts.kind)) throw new Error(`--kind must be off, work or holiday, not "${opts.kind}"`);
      if (opts.replaces !== undefined && !(GROUPS as readonly string[]).includes(opts.replaces)) {
        throw new Error(`--replaces must be one of ${GROUPS.join(', ')}, not "${opts.replaces}"`);
      }
      const row = {
        date,
        kind: opts.kind as (typeof KINDS)[number],
        name: { vi: opts.nameVi, en: opts.nameEn },
        ...(opts.replaces === undefined ? {} : { replaces: opts.replaces as HolidayGroup }),
      };
      await withDatabase((database, services) => createOverride(cliEditContext(database, services), row));
      process.stdout.write(`override ${date} added\n`);
    });

  override
    .command('remove <date>')
    .description('delete the row of a date (audited)')
    .action(async (date: string) => {
      await withDatabase((database, services) => removeOverride(cliEditContext(database, services), date));
      process.stdout.write(`override ${date} removed\n`);
    });
}
