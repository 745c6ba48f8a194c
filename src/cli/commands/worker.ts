import { userInfo } from 'node:os';
import type { Command } from 'commander';
import { appModules } from '../../composition.js';
import { listDeadLetters, retryDeadLetter, writeReminders } from '../../modules/notifications/index.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { loadConfig } from '../../platform/config.js';
import { asPlatformDb } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import { createWorker, moduleJobs } from '../../platform/jobs/worker.js';
import { createLogger } from '../../platform/logger.js';
import { openAndMigrate, platformServices } from '../../platform/server.js';

function cliLabel(): string {
  try {
    return `egov-cli:${userInfo().username}`;
  } catch {
    return 'egov-cli';
  }
}

/** Opens and migrates the database; logs at `warn` for one-shot commands, at LOG_LEVEL for the long-running worker. */
async function withServices<T>(run: (services: ReturnType<typeof platformServices>) => Promise<T>, longRunning = false): Promise<T> {
  const config = loadConfig();
  const log = createLogger({ ...config, logLevel: longRunning ? config.logLevel : 'warn' }, process.stderr);
  const database = await openAndMigrate(config, appModules, log);
  try {
    return await run(platformServices(config, database, log));
  } finally {
    await database.close();
  }
}

/**
 * `egov worker` (deliver the outbox on its own, e.g. beside servers started with
 * WORKER=off), `egov outbox dead-letters|retry <id>` and `egov reminders run`.
 */
export function registerWorker(program: Command): void {
  program
    .command('worker')
    .description('deliver notifications from the outbox (e-mail, SMS, in-app, webhooks) until SIGINT/SIGTERM; several may run on PostgreSQL')
    .option('--once', 'run one round and exit (for cron or a check)')
    .action(async (opts: { once?: boolean }) => {
      await withServices(async (services) => {
        const worker = createWorker(services, moduleJobs(services, appModules));
        if (opts.once) {
          const done = await worker.runOnce();
          process.stdout.write(`${Object.entries(done).map(([k, v]) => `${k}: ${v}`).join(', ')}\n`);
          return;
        }
        process.stdout.write(`worker running (${worker.tasks.map((t) => t.name).join(', ')}); Ctrl-C to stop\n`);
        worker.start();
        await new Promise<void>((resolve) => {
          const onSignal = () => resolve();
          process.once('SIGINT', onSignal);
          process.once('SIGTERM', onSignal);
        });
        await worker.stop();
        process.stdout.write('worker stopped\n');
      }, !opts.once);
    });

  const outbox = program.command('outbox').description('the outbox of messages and their deliveries');
  outbox
    .command('dead-letters')
    .description('list messages that ran out of attempts: <id> <outbox|delivery> <event> <channel> <address> attempts=N <last error>')
    .action(async () => {
      await withServices(async (services) => {
        const letters = await listDeadLetters(services.db);
        if (letters.length === 0) process.stdout.write('no dead letters\n');
        for (const l of letters) {
          process.stdout.write(`${l.id} ${l.kind} ${l.event} ${l.channel} ${l.address || '-'} attempts=${l.attempts} ${l.lastError ?? ''}\n`);
        }
      });
    });
  outbox
    .command('retry <id>')
    .description('queue a dead letter again, due now, with a fresh count of attempts (audited)')
    .action(async (id: string) => {
      await withServices(async (services) => {
        const now = services.clock.now();
        const retried = await services.db.transaction().execute(async (trx) => {
          const r = await retryDeadLetter(trx, id, now);
          if (r) {
            await recordAudit(asPlatformDb(trx), { actor: { id: null, label: cliLabel() }, action: 'outbox.deadLetter.retry', target: { type: r.kind, id }, summary: { event: r.event } }, now, services.newId);
          }
          return r;
        });
        if (!retried) throw new AppError('NOT_FOUND', { detail: { vi: `Không có thư chết (dead letter) mã ${id}.`, en: `No dead letter has id ${id}.` } });
        process.stdout.write(`queued again: ${id} ${retried.kind} ${retried.event}\n`);
      });
    });

  program
    .command('reminders')
    .description('reminders of dossiers due within one working day and overdue')
    .command('run')
    .description('write today\'s reminders now (the worker also does it once a day); the worker delivers them')
    .action(async () => {
      await withServices(async (services) => {
        const counts = await writeReminders(services);
        process.stdout.write(`reminders: ${counts.dueSoon} due soon, ${counts.overdue} overdue\n`);
      });
    });
}
