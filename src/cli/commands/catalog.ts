import { readFileSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { appModules } from '../../composition.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { loadConfig } from '../../platform/config.js';
import { createLogger } from '../../platform/logger.js';
import { openAndMigrate, platformServices } from '../../platform/server.js';
import { exportCatalogWorkbook, importCatalogWorkbook } from '../../modules/catalog/index.js';

/** `egov catalog export <file.xlsx>` and `egov catalog import <file.xlsx>`. */
export function registerCatalog(program: Command): void {
  const catalog = program.command('catalog').description('the procedure catalogue (danh mục thủ tục hành chính)');

  catalog
    .command('export <file>')
    .description('write the latest version of every procedure to an XLSX workbook')
    .action(async (file: string) => {
      const config = loadConfig();
      const log = createLogger({ ...config, logLevel: 'warn' });
      const database = await openAndMigrate(config, appModules, log);
      try {
        const { data, procedures } = await exportCatalogWorkbook(database.db);
        writeFileSync(file, data);
        process.stdout.write(`${procedures} procedures written to ${file}\n`);
      } finally {
        await database.close();
      }
    });

  catalog
    .command('import <file>')
    .description('import an XLSX workbook, all or nothing: every row is checked first and nothing is saved if one is wrong')
    .option('--dry-run', 'only check the file and report what would change')
    .action(async (file: string, opts: { dryRun?: boolean }) => {
      const data = readFileSync(file);
      const config = loadConfig();
      const log = createLogger({ ...config, logLevel: 'warn' });
      const database = await openAndMigrate(config, appModules, log);
      try {
        const services = platformServices(config, database, log);
        const report = await database.db.transaction().execute(async (trx) => {
          const r = await importCatalogWorkbook(trx, data, { actorId: null, at: services.clock.now(), newId: services.newId }, { dryRun: opts.dryRun ?? false });
          if (r.applied) {
            await recordAudit(
              trx,
              { actor: { id: null, label: 'cli' }, action: 'catalog.import', target: { type: 'catalogImport', id: services.newId() }, summary: { fileName: file, created: r.created, newVersions: r.newVersions, editedDrafts: r.editedDrafts, published: r.published } },
              services.clock.now(),
              services.newId,
            );
          }
          return r;
        });
        for (const e of report.errors) {
          process.stderr.write(`${e.sheet} row ${e.row}${e.column ? ` column ${e.column}` : ''}: ${e.message.en} / ${e.message.vi}\n`);
        }
        const counts = `${report.procedures} procedures: ${report.created} new, ${report.newVersions} new versions, ${report.editedDrafts} drafts edited, ${report.unchanged} unchanged, ${report.published} published`;
        if (report.errors.length > 0) throw new Error(`${report.errors.length} error(s) in ${file}; nothing was saved`);
        process.stdout.write(report.dryRun ? `dry run, nothing saved; ${counts}\n` : `imported ${counts}\n`);
      } finally {
        await database.close();
      }
    });
}
