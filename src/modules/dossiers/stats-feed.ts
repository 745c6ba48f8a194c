/**
 * Dossiers in bulk for the statistics' rebuild (`egov stats rebuild`): pages of dossier rows
 * in id order with what the statistics read, plus what the use cases told them as hints
 * (result files, the first payment, the rating), read set-based so millions of dossiers
 * stream in a few hundred queries.
 */
import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/tables.js';
import { dossierDb, type DossierRow } from './tables.js';

/** The columns of a dossier row the statistics read, with the moment of its last change. */
export type StatsFeedRow = Pick<
  DossierRow,
  | 'id' | 'code' | 'status' | 'channel' | 'procedure_code' | 'procedure_version' | 'receiving_agency_code' | 'desk_code' | 'received_at' | 'original_due_at'
  | 'paused_at' | 'resolved_at' | 'finished_at' | 'timeliness' | 'apologies' | 'transferred' | 'updated_at'
>;

/** One dossier of a feed page: its row and the side records the statistics count. */
export interface StatsFeedItem {
  row: StatsFeedRow;
  /** Result documents attached to it (a digitized result when more than none). */
  resultFiles: number;
  /** Its first recorded payment, if any. */
  payment: { method: string; at: string } | null;
  /** The applicant's rating, if any. */
  rating: { score: number; at: string } | null;
}

const COLUMNS = [
  'id', 'code', 'status', 'channel', 'procedure_code', 'procedure_version', 'receiving_agency_code', 'desk_code', 'received_at', 'original_due_at',
  'paused_at', 'resolved_at', 'finished_at', 'timeliness', 'apologies', 'transferred', 'updated_at',
] as const;

/** Ids per `in (…)` list: well under both dialects' parameter limits. */
const IN_CHUNK = 5_000;

/**
 * The next page of non-draft dossiers after id `after` (null: from the start), at most
 * `limit`, in id order, with their result-file counts, first payments and ratings.
 */
export async function readDossiersForStats(db: Kysely<PlatformTables>, page: { after: string | null; limit: number }): Promise<StatsFeedItem[]> {
  const ddb = dossierDb(db);
  let q = ddb.selectFrom('dossiers').select(COLUMNS).where('status', '<>', 'draft');
  if (page.after !== null) q = q.where('id', '>', page.after);
  const raw = await q.orderBy('id').limit(page.limit).execute();
  if (raw.length === 0) return [];
  const files = new Map<string, number>();
  const payments = new Map<string, { method: string; at: string }>();
  const ratings = new Map<string, { score: number; at: string }>();
  for (let i = 0; i < raw.length; i += IN_CHUNK) {
    const ids = raw.slice(i, i + IN_CHUNK).map((r) => r.id);
    const docs = await ddb
      .selectFrom('dossier_documents')
      .select(['dossier_id', (eb) => eb.fn.countAll<number | string>().as('n')])
      .where('dossier_id', 'in', ids)
      .where('kind', '=', 'result')
      .groupBy('dossier_id')
      .execute();
    for (const d of docs) files.set(d.dossier_id, Number(d.n));
    // Ordered so the first payment of each dossier wins (the statistics count one per dossier).
    const paid = await ddb.selectFrom('dossier_payments').select(['dossier_id', 'method', 'recorded_at', 'id']).where('dossier_id', 'in', ids).orderBy('dossier_id').orderBy('recorded_at').orderBy('id').execute();
    for (const p of paid) if (!payments.has(p.dossier_id)) payments.set(p.dossier_id, { method: p.method, at: p.recorded_at });
    const rated = await ddb.selectFrom('dossier_ratings').select(['dossier_id', 'score', 'rated_at']).where('dossier_id', 'in', ids).execute();
    for (const r of rated) ratings.set(r.dossier_id, { score: Number(r.score), at: r.rated_at });
  }
  return raw.map((r) => ({
    // Both drivers may return integers as strings or bigints; the statistics compare numbers.
    row: { ...r, procedure_version: Number(r.procedure_version), apologies: Number(r.apologies), transferred: Number(r.transferred) },
    resultFiles: files.get(r.id) ?? 0,
    payment: payments.get(r.id) ?? null,
    rating: ratings.get(r.id) ?? null,
  }));
}
