import type { Command } from 'commander';
import { appModules } from '../../composition.js';
import { loadConfig } from '../../platform/config.js';
import { allMigrations } from '../../platform/http/app.js';
import { createLogger } from '../../platform/logger.js';
import { seedDemo } from '../../platform/seed.js';
import { openAndMigrate, platformServices } from '../../platform/server.js';
import { openDatabase } from '../../platform/db/database.js';
import { pendingMigrations } from '../../platform/db/migrator.js';

/** `egov migrate`, `egov seed --demo` and `egov backup <file>`. */
export function registerDatabaseCommands(program: Command): void {
  program
    .command('migrate')
    .description('apply pending database migrations (also done by start)')
    .option('--status', 'list pending migrations without applying them')
    .action(async (opts: { status?: boolean }) => {
      const config = loadConfig();
      if (opts.status) {
        const database = await openDatabase(config.database);
        const pending = await pendingMigrations(database.db, allMigrations({ modules: appModules }));
        await database.close();
        process.stdout.write(pending.length === 0 ? 'up to date\n' : `${pending.map((p) => `pending ${p}`).join('\n')}\n`);
        return;
      }
      const log = createLogger({ ...config, logLevel: 'warn' });
      const database = await openAndMigrate(config, appModules, log);
      const pending = await pendingMigrations(database.db, allMigrations({ modules: appModules }));
      await database.close();
      process.stdout.write(`database ${database.dialect} ${database.describe} is up to date (${pending.length} pending)\n`);
    });

  program
    .command('seed')
    .description('load data into the database')
    .option('--demo', 'the Da Nang demonstration data (once; a second run changes nothing)')
    .action(async (opts: { demo?: boolean }) => {
      if (!opts.demo) throw new Error('say what to seed: egov seed --demo');
      const config = loadConfig();
      const log = createLogger({ ...config, logLevel: 'warn' });
      const database = await openAndMigrate(config, appModules, log);
      try {
        const outcome = await seedDemo(platformServices(config, database, log), appModules);
        process.stdout.write(
          outcome.loaded
            ? `demonstration data loaded: ${outcome.report.summary.join(', ') || 'nothing to load'}\n`
            : 'demonstration data was already loaded; nothing changed\n',
        );
      } finally {
        await database.close();
      }
    });

  program
    .command('backup <file>')
    .description('write a consistent copy of the database (SQLite: online backup; PostgreSQL: prints the pg_dump command)')
    .action(async (file: string) => {
      const config = loadConfig();
      if (config.database.dialect === 'postgres') {
        const url = new URL(config.database.url);
        url.password = '';
        process.stdout.write(`pg_dump --format=custom --file=${shellQuote(file)} ${shellQuote(url.toString())}\n`);
        return;
      }
      const database = await openDatabase(config.database);
      try {
        if (!database.sqlite) throw new Error('no SQLite handle');
        await database.sqlite.backup(file);
        process.stdout.write(`backup written to ${file}\n`);
      } finally {
        await database.close();
      }
    });
}

function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}
