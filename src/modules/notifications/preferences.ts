import type { NotificationDb } from './tables.js';

/** Which channels a person wants notices on. */
export interface ChannelPreferences {
  email: boolean;
  sms: boolean;
  inApp: boolean;
}

/**
 * Until a person chooses: in-app and e-mail on; SMS off, because SMS cost the agency money
 * per message and reach a phone the person may not want used.
 */
export const DEFAULT_PREFERENCES: ChannelPreferences = { email: true, sms: false, inApp: true };

/** The channel choices of several accounts (defaults for those who never chose). */
export async function preferencesOf(db: NotificationDb, accountIds: readonly string[]): Promise<Map<string, ChannelPreferences>> {
  const rows = accountIds.length ? await db.selectFrom('notification_preferences').selectAll().where('account_id', 'in', [...accountIds]).execute() : [];
  const out = new Map<string, ChannelPreferences>();
  for (const id of accountIds) out.set(id, DEFAULT_PREFERENCES);
  for (const r of rows) out.set(r.account_id, { email: r.email === 1, sms: r.sms === 1, inApp: r.in_app === 1 });
  return out;
}

/** Saves an account's channel choices (inside the caller's transaction). */
export async function savePreferences(db: NotificationDb, accountId: string, prefs: ChannelPreferences, now: Date): Promise<void> {
  const values = { email: prefs.email ? 1 : 0, sms: prefs.sms ? 1 : 0, in_app: prefs.inApp ? 1 : 0, updated_at: now.toISOString() };
  await db
    .insertInto('notification_preferences')
    .values({ account_id: accountId, ...values })
    .onConflict((oc) => oc.column('account_id').doUpdateSet(values))
    .execute();
}
