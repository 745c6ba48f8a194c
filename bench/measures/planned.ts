/**
 * P4 (the city-year dashboard) depends on the statistics module; until its measure is
 * written it is listed as not run, never as met.
 */
import type { Measure, ResultRow } from './types.js';

function planned(id: string, title: string, note: string): Measure {
  return {
    id,
    title,
    async run(): Promise<ResultRow[]> {
      return [{ measure: id, what: title, unit: '', better: 'higher', value: null, baseline: null, ratio: null, goal: 'see issue 10', met: null, note }];
    },
  };
}

export const plannedMeasures: readonly Measure[] = [planned('P4', 'city-year dashboard on 1,000,000 dossiers (10,000,000 with --full)', 'not run: waits for the statistics module')];
