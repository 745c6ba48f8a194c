/**
 * Baseline of P8: the same CSV rows written into the same `citizens` table with
 * better-sqlite3 directly: one transaction, one prepared statement, no validation, no
 * search normalization, no change detection, no batching, no audit, no error report.
 * The ratio P8 ÷ this baseline is what the import's features cost.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import SQLite from 'better-sqlite3';

/** Reads `csvPath` (the generated file: no quoted cells) into `dbPath`; returns rows written. */
export async function baselineImport(csvPath: string, dbPath: string): Promise<number> {
  const db = new SQLite(dbPath);
  try {
    // The same connection settings as the system's (src/platform/db/database.ts).
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    const insert = db.prepare(
      `insert into citizens (id, id_number, full_name, name_search, date_of_birth, sex, address_unit_code, address_street, address_search, phone, email, account_id, row_hash, created_at, updated_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, null, '', ?, ?)
       on conflict (id_number) do nothing`,
    );
    const now = new Date().toISOString();
    // Rows are read first, then written in one transaction: better-sqlite3 transactions
    // are synchronous and cannot span the asynchronous file reading.
    const rows: string[][] = [];
    let header = true;
    for await (const line of createInterface({ input: createReadStream(csvPath, { encoding: 'utf8' }), crlfDelay: Infinity })) {
      if (header) {
        header = false;
        continue;
      }
      if (line !== '') rows.push(line.split(','));
    }
    let written = 0;
    db.transaction(() => {
      for (let i = 0; i < rows.length; i++) {
        const [idNumber = '', fullName = '', dob = '', sex = '', unitCode = '', street = '', phone = '', email = ''] = rows[i] ?? [];
        const id = `B${String(i).padStart(9, '0')}`;
        const iso = `${dob.slice(6, 10)}-${dob.slice(3, 5)}-${dob.slice(0, 2)}`;
        // The search columns get the plain text: the system's normalization is a feature.
        written += insert.run(id, idNumber, fullName, fullName, iso, sex === 'Nam' ? 'male' : 'female', unitCode, street, street, phone || null, email || null, now, now).changes;
      }
    })();
    return written;
  } finally {
    db.close();
  }
}
