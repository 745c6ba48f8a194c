import type { Command } from 'commander';
import { loadConfig } from '../../platform/config.js';
import { openDatabase } from '../../platform/db/database.js';
import { verifyAuditChain } from '../../platform/audit/audit.js';

/** `egov audit verify`: recomputes the audit hash chain and reports the first broken link. */
export function registerAudit(program: Command): void {
  const audit = program.command('audit').description('the hash-chained audit log');
  audit
    .command('verify')
    .description('recompute the audit chain; exit 1 and name the first broken row if it was tampered with')
    .action(async () => {
      const config = loadConfig();
      const database = await openDatabase(config.database);
      try {
        const verdict = await verifyAuditChain(database.db);
        if (verdict.ok) {
          process.stdout.write(`audit chain intact: ${verdict.rows} rows; head hash ${verdict.headHash}\n`);
          process.stdout.write('Record the head hash somewhere else: deleting rows at the very end is only detectable against it.\n');
          return;
        }
        const why = { edited: 'its content does not match its hash (edited)', linkBroken: 'it does not link to the row before it (a row was deleted or inserted before it)', indexGap: 'the chain index jumps (rows deleted)' }[verdict.reason];
        process.stdout.write(`audit chain BROKEN at row ${verdict.brokenAt} (id ${verdict.rowId}): ${why}; ${verdict.rows} rows before it are intact\n`);
        process.exitCode = 1;
      } finally {
        await database.close();
      }
    });
}
