/**
 * The `files` table: one row per stored blob, with its size and sniffed type. It says what
 * the store holds, not who uses it; links from dossiers (attachments) belong to the dossier
 * module, which checks per-dossier totals with `fileSizes`.
 */
import { asPlatformDb, type AnyDb } from '../db/database.js';
import type { StoredFile } from './store.js';

/** A row of the `files` table as the application sees it. */
export interface FileRecord extends StoredFile {
  /** When the content was first recorded (ISO-8601 UTC). */
  createdAt: string;
}

/**
 * Records a stored blob. Recording the same content again changes nothing (the first
 * `created_at` is kept), so callers need not know whether the upload was deduplicated.
 * Call it in the transaction that also links the file to its owner.
 */
export async function recordFile(db: AnyDb, stored: StoredFile, now: Date): Promise<void> {
  await asPlatformDb(db)
    .insertInto('files')
    .values({ sha256: stored.sha256, size: stored.size, mime: stored.mime, ext: stored.ext ?? null, created_at: now.toISOString() })
    .onConflict((oc) => oc.column('sha256').doNothing())
    .execute();
}

/** The record of blob `sha256`, or `undefined` when none was recorded. */
export async function findFile(db: AnyDb, sha256: string): Promise<FileRecord | undefined> {
  const row = await asPlatformDb(db)
    .selectFrom('files')
    .select(['sha256', 'size', 'mime', 'ext', 'created_at'])
    .where('sha256', '=', sha256)
    .executeTakeFirst();
  if (!row) return undefined;
  return { sha256: row.sha256, size: row.size, mime: row.mime, ...(row.ext ? { ext: row.ext } : {}), createdAt: row.created_at };
}

/**
 * Sizes in bytes of the recorded blobs among `sha256s` (unknown ones are absent); for limits
 * on the total size of one dossier's attachments, which the dossier module enforces.
 */
export async function fileSizes(db: AnyDb, sha256s: readonly string[]): Promise<Map<string, number>> {
  if (sha256s.length === 0) return new Map();
  const rows = await asPlatformDb(db)
    .selectFrom('files')
    .select(['sha256', 'size'])
    .where('sha256', 'in', [...new Set(sha256s)])
    .execute();
  return new Map(rows.map((r) => [r.sha256, r.size]));
}
