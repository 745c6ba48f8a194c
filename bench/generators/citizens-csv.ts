/**
 * The citizens CSV that P8 imports: `generateCitizens` rows written the way a ward office
 * exports them (Vietnamese template headers, dates dd/mm/yyyy, sex Nam/Nữ, UTF-8 with BOM).
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { generateCitizens, IMPORT_COLUMNS } from '../../src/modules/registry/index.js';
import { cachedFile } from '../support/cache.js';

/** Bump when the rows or the layout change, so cached files are rebuilt. */
const GENERATOR_VERSION = 1;

type CitizenRecord = ReturnType<typeof generateCitizens>[number];
/** The seed of every benchmark population: the same people on every machine. */
export const CITIZENS_SEED = 20260302;

function cell(value: string): string {
  return /[",\n;]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** One CSV line of a citizen, in template column order. */
export function citizenCsvLine(c: CitizenRecord): string {
  const [y, m, d] = c.dateOfBirth.split('-');
  return [c.id, c.fullName, `${d}/${m}/${y}`, c.sex === 'male' ? 'Nam' : 'Nữ', c.address.unitCode, c.address.street, c.phone, c.email].map(cell).join(',');
}

/** Path of the cached CSV of `size` generated citizens (built on first use). */
export async function citizensCsv(size: number, log: (line: string) => void): Promise<string> {
  return cachedFile(`citizens-${size}-g${GENERATOR_VERSION}.csv`, async (tmp) => {
    const out = createWriteStream(tmp);
    out.write(`\uFEFF${IMPORT_COLUMNS.citizens.map((c) => c.header).join(',')}\n`);
    const people = generateCitizens(size, CITIZENS_SEED);
    const CHUNK = 10_000;
    for (let i = 0; i < people.length; i += CHUNK) {
      // Writing in chunks keeps the stream's buffer small and respects back-pressure.
      if (!out.write(`${people.slice(i, i + CHUNK).map(citizenCsvLine).join('\n')}\n`)) await once(out, 'drain');
    }
    out.end();
    await once(out, 'finish');
  }, log);
}
