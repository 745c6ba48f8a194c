import { Command } from 'commander';
import { registerAudit } from './commands/audit.js';
import { registerCatalog } from './commands/catalog.js';
import { registerImport } from './commands/import.js';
import { registerCalendar } from './commands/calendar.js';
import { registerDatabaseCommands } from './commands/database.js';
import { registerDocuments } from './commands/documents.js';
import { registerStart } from './commands/start.js';
import { registerStats } from './commands/stats.js';
import { registerUser } from './commands/user.js';
import { registerWorker } from './commands/worker.js';
import { reportAndExit } from './output.js';

/** Builds the `egov` command with all its sub-commands. */
export function buildProgram(): Command {
  const program = new Command('egov')
    .description('e-Government platform: server and administration commands (Hệ thống Chính quyền điện tử)')
    .showHelpAfterError()
    .enablePositionalOptions();
  registerStart(program);
  registerDatabaseCommands(program);
  registerUser(program);
  registerAudit(program);
  registerCatalog(program);
  registerImport(program);
  registerCalendar(program);
  registerDocuments(program);
  registerWorker(program);
  registerStats(program);
  return program;
}

/** Runs the command line; errors are reported in one line with the right exit code. */
export async function main(argv: string[] = process.argv): Promise<void> {
  try {
    await buildProgram().parseAsync(argv);
  } catch (error) {
    reportAndExit(error);
  }
}
