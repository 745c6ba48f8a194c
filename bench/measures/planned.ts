/**
 * P1–P4 measure the one-stop dossier lifecycle over HTTP (autocannon against a server in
 * its own process: `support/http-load.ts`, `support/server-process.ts`), P3 and P4 on a
 * generated database of 1,000,000 dossiers (10,000,000 with --full). The dossier module
 * does not exist yet; until it does they are listed as not run, never as met.
 */
import type { Measure, ResultRow } from './types.js';

function planned(id: string, title: string): Measure {
  return {
    id,
    title,
    async run(): Promise<ResultRow[]> {
      return [{ measure: id, what: title, unit: '', better: 'higher', value: null, baseline: null, ratio: null, goal: 'see issue 10', met: null, note: 'not run: needs the dossier module' }];
    },
  };
}

export const plannedMeasures: readonly Measure[] = [
  planned('P1', 'dossier lifecycle over HTTP'),
  planned('P2', 'dossier lifecycle over HTTP'),
  planned('P3', 'dossier lifecycle on 1,000,000 dossiers (10,000,000 with --full)'),
  planned('P4', 'dossier lifecycle on 1,000,000 dossiers (10,000,000 with --full)'),
];
