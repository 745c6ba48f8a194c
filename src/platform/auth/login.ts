import type { Kysely } from 'kysely';
import { AppError } from '../errors.js';
import type { PlatformTables } from '../db/tables.js';
import { hashPassword, passwordProblem, verifyPassword } from './passwords.js';
import { revokeAllSessions } from './sessions.js';

/** Consecutive failures allowed before the account locks. */
export const MAX_FAILED_LOGINS = 5;
/** First lock lasts 15 minutes and doubles with each further failure, up to a day. */
const BASE_LOCK_MS = 15 * 60_000;
const MAX_LOCK_MS = 24 * 3_600_000;

/** A hash to verify against when the username is unknown, so timing does not reveal it. */
let decoyHash: Promise<string> | undefined;

/** How long the account locks after `failures` consecutive failures (0 below the threshold). */
export function lockDurationMs(failures: number): number {
  if (failures < MAX_FAILED_LOGINS) return 0;
  return Math.min(BASE_LOCK_MS * 2 ** (failures - MAX_FAILED_LOGINS), MAX_LOCK_MS);
}

/**
 * Checks a username and password. Unknown user and wrong password give the same error;
 * repeated failures lock the account with growing back-off; a locked or disabled account
 * cannot log in even with the right password. Returns the account id.
 */
export async function checkCredentials(db: Kysely<PlatformTables>, username: string, password: string, now: Date): Promise<{ accountId: string }> {
  const account = await db
    .selectFrom('accounts')
    .select(['id', 'password_hash', 'status', 'failed_logins', 'locked_until'])
    .where('username', '=', username.trim().toLowerCase())
    .executeTakeFirst();
  if (!account) {
    decoyHash ??= hashPassword('decoy-password-for-timing');
    await verifyPassword(await decoyHash, password);
    throw new AppError('INVALID_CREDENTIALS');
  }
  if (account.locked_until && Date.parse(account.locked_until) > now.getTime()) {
    throw lockedError(account.locked_until);
  }
  const ok = await verifyPassword(account.password_hash, password);
  if (!ok) {
    const failures = account.failed_logins + 1;
    const lockMs = lockDurationMs(failures);
    const lockedUntil = lockMs > 0 ? new Date(now.getTime() + lockMs).toISOString() : null;
    await db.updateTable('accounts').set({ failed_logins: failures, locked_until: lockedUntil }).where('id', '=', account.id).execute();
    if (lockedUntil) throw lockedError(lockedUntil);
    throw new AppError('INVALID_CREDENTIALS');
  }
  if (account.status !== 'active') throw new AppError('ACCOUNT_DISABLED');
  if (account.failed_logins > 0 || account.locked_until) {
    await db.updateTable('accounts').set({ failed_logins: 0, locked_until: null }).where('id', '=', account.id).execute();
  }
  return { accountId: account.id };
}

function lockedError(until: string): AppError {
  const local = new Date(Date.parse(until) + 7 * 3_600_000).toISOString().slice(11, 16);
  return new AppError('ACCOUNT_LOCKED', {
    detail: {
      vi: `Đăng nhập sai quá nhiều lần; tài khoản tạm khóa đến ${local} (giờ Việt Nam).`,
      en: `Too many failed logins; the account is locked until ${local} (Vietnam time).`,
    },
    extra: { lockedUntil: until },
  });
}

/**
 * Sets a new password (own change, or an administrator's reset) and signs the account out
 * everywhere else. Clears any lock.
 */
export async function setPassword(db: Kysely<PlatformTables>, accountId: string, password: string, now: Date, keepSessionId?: string): Promise<void> {
  const weak = passwordProblem(password);
  if (weak) throw new AppError('VALIDATION_FAILED', { detail: weak, errors: [{ field: '/body/newPassword', reason: 'minLength', message: weak }] });
  const hash = await hashPassword(password);
  await db
    .updateTable('accounts')
    .set({ password_hash: hash, failed_logins: 0, locked_until: null, updated_at: now.toISOString() })
    .where('id', '=', accountId)
    .execute();
  await revokeAllSessions(db, accountId, now, keepSessionId);
}
