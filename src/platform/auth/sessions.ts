import type { Kysely } from 'kysely';
import type { PlatformTables } from '../db/tables.js';
import { hashSecret, newSecret } from './tokens.js';

/** Session lifetimes: idle officials are signed out after 30 minutes, everyone after 12 hours. */
export const SESSION_IDLE_MS = 30 * 60_000;
export const SESSION_ABSOLUTE_MS = 12 * 3_600_000;
/** `last_seen_at` is written at most this often, so reads do not turn into writes. */
const TOUCH_EVERY_MS = 60_000;

export interface NewSession {
  id: string;
  token: string;
  csrfToken: string;
  expiresAt: string;
}

/** Opens a session for an account; returns the secret token (the cookie value) once. */
export async function openSession(
  db: Kysely<PlatformTables>,
  input: { id: string; accountId: string; now: Date; userAgent?: string | null; ip?: string | null },
): Promise<NewSession> {
  const token = newSecret();
  const csrfToken = newSecret();
  const expiresAt = new Date(input.now.getTime() + SESSION_ABSOLUTE_MS).toISOString();
  await db
    .insertInto('sessions')
    .values({
      id: input.id,
      token_hash: hashSecret(token),
      csrf_token: csrfToken,
      account_id: input.accountId,
      created_at: input.now.toISOString(),
      last_seen_at: input.now.toISOString(),
      expires_at: expiresAt,
      revoked_at: null,
      user_agent: input.userAgent?.slice(0, 300) ?? null,
      ip: input.ip ?? null,
    })
    .execute();
  return { id: input.id, token, csrfToken, expiresAt };
}

export interface LiveSession {
  id: string;
  accountId: string;
  csrfToken: string;
}

/**
 * Finds the live session for a cookie token: not revoked, not past its absolute expiry,
 * not idle for longer than the idle timeout. Touches `last_seen_at` (at most once a minute).
 */
export async function findSession(db: Kysely<PlatformTables>, token: string, now: Date): Promise<LiveSession | undefined> {
  const row = await db
    .selectFrom('sessions')
    .select(['id', 'account_id', 'csrf_token', 'last_seen_at', 'expires_at', 'revoked_at'])
    .where('token_hash', '=', hashSecret(token))
    .executeTakeFirst();
  if (!row || row.revoked_at) return undefined;
  const t = now.getTime();
  if (t >= Date.parse(row.expires_at)) return undefined;
  const lastSeen = Date.parse(row.last_seen_at);
  if (t - lastSeen >= SESSION_IDLE_MS) return undefined;
  if (t - lastSeen >= TOUCH_EVERY_MS) {
    await db.updateTable('sessions').set({ last_seen_at: now.toISOString() }).where('id', '=', row.id).execute();
  }
  return { id: row.id, accountId: row.account_id, csrfToken: row.csrf_token };
}

/** Revokes one session of an account (false when there is no such live session). */
export async function revokeSession(db: Kysely<PlatformTables>, accountId: string, sessionId: string, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('sessions')
    .set({ revoked_at: now.toISOString() })
    .where('id', '=', sessionId)
    .where('account_id', '=', accountId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Revokes every session of an account (after a password change or reset). */
export async function revokeAllSessions(db: Kysely<PlatformTables>, accountId: string, now: Date, exceptId?: string): Promise<number> {
  let q = db.updateTable('sessions').set({ revoked_at: now.toISOString() }).where('account_id', '=', accountId).where('revoked_at', 'is', null);
  if (exceptId) q = q.where('id', '!=', exceptId);
  const result = await q.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** The account's live sessions, newest first. */
export async function listSessions(db: Kysely<PlatformTables>, accountId: string, now: Date) {
  const rows = await db
    .selectFrom('sessions')
    .select(['id', 'created_at', 'last_seen_at', 'expires_at', 'user_agent', 'ip'])
    .where('account_id', '=', accountId)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now.toISOString())
    .orderBy('created_at', 'desc')
    .execute();
  const idleCutoff = now.getTime() - SESSION_IDLE_MS;
  return rows.filter((r) => Date.parse(r.last_seen_at) > idleCutoff);
}
