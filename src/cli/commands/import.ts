import { basename } from 'node:path';
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { appModules } from '../../composition.js';
import { IMPORT_KINDS, runRegistryImport, type ImportKind } from '../../modules/registry/index.js';
import { loadConfig } from '../../platform/config.js';
import { createLogger } from '../../platform/logger.js';
import { openAndMigrate, platformServices } from '../../platform/server.js';

/** `egov import <kind> <file>`: bulk registry import with a progress bar and an error report. */
export function registerImport(program: Command): void {
  program
    .command('import <kind> <file>')
    .description(`import registry data from CSV or XLSX; kind: ${IMPORT_KINDS.join(', ')}. Re-importing the same file changes nothing.`)
    .action(async (kind: string, file: string) => {
      if (!(IMPORT_KINDS as readonly string[]).includes(kind)) throw new Error(`unknown kind "${kind}"; use one of ${IMPORT_KINDS.join(', ')}`);
      if (!existsSync(file)) throw new Error(`file ${file} does not exist`);
      const config = loadConfig();
      const log = createLogger({ ...config, logLevel: 'warn' });
      const database = await openAndMigrate(config, appModules, log);
      const { default: cliProgress } = await import('cli-progress');
      const bar = new cliProgress.SingleBar(
        { format: 'Đang nhập / importing [{bar}] {percentage}% | {value}/{total} dòng / rows | {duration}s', stream: process.stderr, hideCursor: true },
        cliProgress.Presets.shades_classic,
      );
      let started = false;
      const t0 = performance.now();
      try {
        const result = await runRegistryImport(platformServices(config, database, log), {
          kind: kind as ImportKind,
          path: file,
          fileName: basename(file),
          actor: { id: null, label: 'cli' },
          onProgress: (done, total) => {
            if (!started) {
              bar.start(total, 0);
              started = true;
            }
            bar.setTotal(total);
            bar.update(done);
          },
        });
        if (started) bar.stop();
        const seconds = (performance.now() - t0) / 1000;
        process.stdout.write(
          `${result.totalRows} rows in ${seconds.toFixed(1)} s (${Math.round(result.totalRows / Math.max(seconds, 0.001))} rows/s): ` +
            `${result.inserted} inserted, ${result.updated} updated, ${result.unchanged} unchanged, ${result.failed} with errors\n`,
        );
        if (result.report) {
          process.stdout.write(`error report: ${result.report.xlsx}\n              ${result.report.csv}\n`);
          for (const e of result.errors.slice(0, 10)) process.stdout.write(`  row ${e.row} ${e.column}: ${e.reason.vi} / ${e.reason.en}\n`);
          process.exitCode = 1;
        }
      } finally {
        if (started) bar.stop();
        await database.close();
      }
    });
}
