import type { PlatformServices } from '../../platform/context.js';
import { enqueue, type OutboxMessage } from '../../platform/jobs/outbox.js';
import { computeDue, loadDeskCalendar } from '../calendar/index.js';
import { openDossiersDueBefore } from '../dossiers/index.js';
import { accountsWithRole } from '../registry/index.js';
import { notificationDb } from './tables.js';

/** The local day (Asia/Ho_Chi_Minh, UTC+7) of an instant, `YYYY-MM-DD`. */
export function vietnamDay(at: Date): string {
  return new Date(at.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

/** The reminder runs once a day, from this local hour on (before the office opens at 07:30). */
export const REMINDER_HOUR = 7;

/**
 * Writes the day's reminders to the outbox: for every open dossier due within one working
 * day (`dossier.dueSoon`) or already overdue (`dossier.overdue`), one message to its
 * assignee (or, when none, the holders of the step's role at its agency) and the leaders of
 * that agency, so a late dossier gets its apology letter in time (Decree 118/2025/NĐ-CP:
 * the agency apologises and sets a new appointment before the due date passes). The
 * dedup key holds the day, so running it twice a day sends nothing twice.
 */
export async function writeReminders(services: PlatformServices): Promise<{ dueSoon: number; overdue: number }> {
  const now = services.clock.now();
  const cal = await loadDeskCalendar(services.db);
  const horizon = computeDue(cal, now, { unit: 'workingDays', value: 1 }).toISOString();
  const dossiers = await openDossiersDueBefore(services.db, horizon);
  const day = vietnamDay(now);
  const messages: OutboxMessage[] = [];
  const counts = { dueSoon: 0, overdue: 0 };
  // Many dossiers share an agency: look each (role, agency) up once.
  const holders = new Map<string, Promise<string[]>>();
  const withRole = (role: string, agency: string) => {
    const key = `${role}@${agency}`;
    let found = holders.get(key);
    if (!found) holders.set(key, (found = accountsWithRole(services.db, role, agency)));
    return found;
  };
  for (const d of dossiers) {
    if (!d.dueAt || !d.currentAgencyCode) continue;
    const kind = d.dueAt <= now.toISOString() ? 'overdue' : 'dueSoon';
    const workers = d.assigneeId ? [d.assigneeId] : d.currentRole ? await withRole(d.currentRole, d.currentAgencyCode) : [];
    const leaders = await withRole('leader', d.currentAgencyCode);
    const accountIds = [...new Set([...workers, ...leaders])];
    if (accountIds.length === 0) continue;
    counts[kind] += 1;
    messages.push({
      event: `dossier.${kind}`,
      aggregate: { type: 'dossier', id: d.id },
      payload: { dossierId: d.id, code: d.code, status: d.status, procedure: d.procedureName, dueAt: d.dueAt, to: { kind: 'accounts', accountIds } },
      dedupKey: `reminder:${d.id}:${day}:${kind}`,
    });
  }
  if (messages.length > 0) {
    await services.db.transaction().execute(async (trx) => {
      // Dedup keys are unique: skip the ones already written today, insert the rest.
      const existing = await notificationDb(trx).selectFrom('outbox').select('dedup_key').where('dedup_key', 'in', messages.map((m) => m.dedupKey)).execute();
      const seen = new Set(existing.map((e) => e.dedup_key));
      await enqueue(trx, messages.filter((m) => !seen.has(m.dedupKey)), now, services.newId);
    });
  }
  return counts;
}

/**
 * The daily schedule: runs `writeReminders` once per Vietnam day, at or after
 * REMINDER_HOUR; the run is recorded so that several workers and restarts still run it once.
 * Returns whether it ran.
 */
export async function remindIfDue(services: PlatformServices): Promise<boolean> {
  const now = services.clock.now();
  const localHour = new Date(now.getTime() + 7 * 3_600_000).getUTCHours();
  if (localHour < REMINDER_HOUR) return false;
  const day = vietnamDay(now);
  const db = notificationDb(services.db);
  // Claim today's run: only the worker whose write changes the row goes on.
  const claimed = await db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('job_runs')
      .values({ name: 'reminders', last_day: day, last_run_at: now.toISOString() })
      .onConflict((oc) => oc.column('name').doUpdateSet({ last_day: day, last_run_at: now.toISOString() }).where('job_runs.last_day', '<', day))
      .executeTakeFirst();
    return Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0;
  });
  if (!claimed) return false;
  try {
    await writeReminders(services);
  } catch (error) {
    // Give the day back so that the next round tries again.
    await db.updateTable('job_runs').set({ last_day: vietnamDay(new Date(now.getTime() - 86_400_000)) }).where('name', '=', 'reminders').execute();
    throw error;
  }
  return true;
}
