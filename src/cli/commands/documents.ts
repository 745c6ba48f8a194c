import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { appModules } from '../../composition.js';
import { isDossierForm, renderDossierForm, renderTrackingBook, trackingBookInput } from '../../modules/documents/index.js';
import { findDossierId, loadDossierForDocuments } from '../../modules/dossiers/index.js';
import { loadConfig } from '../../platform/config.js';
import type { PlatformServices } from '../../platform/context.js';
import { createLogger } from '../../platform/logger.js';
import { openAndMigrate, platformServices } from '../../platform/server.js';

/** Opens and migrates the configured database with logs on stderr; stdout carries only the answer. */
async function withServices<T>(run: (services: PlatformServices) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const log = createLogger({ ...config, logLevel: 'warn' }, process.stderr);
  const database = await openAndMigrate(config, appModules, log);
  try {
    return await run(platformServices(config, database, log));
  } finally {
    await database.close();
  }
}

/** The local (UTC+7) month of an instant as its first and last dates. */
function monthOf(iso: string): { from: string; to: string } {
  const local = new Date(Date.parse(iso) + 7 * 3_600_000);
  const y = local.getUTCFullYear();
  const m = local.getUTCMonth();
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const mm = String(m + 1).padStart(2, '0');
  return { from: `${y}-${mm}-01`, to: `${y}-${mm}-${String(last).padStart(2, '0')}` };
}

interface RenderOptions {
  from?: string;
  to?: string;
}

async function renderTo(services: PlatformServices, target: string, form: string, out: string, opts: RenderOptions): Promise<string> {
  const id = await findDossierId(services.db, target);
  if (form === '07') {
    // The book of a desk: named directly, or the desk that received the given dossier.
    let desk = target;
    let period = opts.from && opts.to ? { from: opts.from, to: opts.to } : undefined;
    if (id) {
      const data = await loadDossierForDocuments(services.db, id);
      desk = data?.dossier.desk_code ?? target;
      if (!period && data?.dossier.received_at) period = monthOf(data.dossier.received_at);
    }
    if (!period) throw new Error('form 07 (tracking book) needs --from YYYY-MM-DD and --to YYYY-MM-DD');
    const file = await renderTrackingBook(await trackingBookInput(services, desk, period.from, period.to), out.toLowerCase().endsWith('.xlsx') ? 'xlsx' : 'pdf');
    writeFileSync(out, file.data);
    return `wrote ${out} (form 07, desk ${desk}, ${period.from} – ${period.to}, ${file.data.length} bytes)`;
  }
  if (!isDossierForm(form)) throw new Error(`the form must be 01–07, not "${form}"`);
  if (!id) throw new Error(`no dossier with code or id "${target}"`);
  const file = await renderDossierForm(services, id, form);
  writeFileSync(out, file.data);
  return `wrote ${out} (form ${form}, ${file.data.length} bytes)`;
}

/** `egov documents render <dossier> <form> <out>`: any form of Circular 03/2025/TT-VPCP to a file. */
export function registerDocuments(program: Command): void {
  const documents = program.command('documents').description('statutory forms 01–07 (Circular 03/2025/TT-VPCP) as PDF');
  documents
    .command('render <dossier> <form> <out>')
    .description('render form 01–06 of a dossier (code or id) to a PDF file; form 07 renders the tracking book of a desk (a desk code, or the desk of the dossier) as PDF or, for a .xlsx file, XLSX')
    .option('--from <date>', 'form 07: first day of the period (YYYY-MM-DD, local)')
    .option('--to <date>', 'form 07: last day of the period (YYYY-MM-DD, local)')
    .action(async (target: string, form: string, out: string, opts: RenderOptions) => {
      const line = await withServices((services) => renderTo(services, target, form.padStart(2, '0'), out, opts));
      process.stdout.write(`${line}\n`);
    });
}
