import type { PlatformServices } from '../../platform/context.js';
import type { AnyDb } from '../../platform/db/database.js';
import type { ClaimedOutboxMessage } from '../../platform/jobs/outbox-consumer.js';
import { dossierNotice, STATUS_NAMES, type DossierNotice } from '../dossiers/index.js';
import { accountContacts, accountsWithRole } from '../registry/index.js';
import { preferencesOf } from './preferences.js';
import { notificationDb, type Channel, type NotificationDb } from './tables.js';
import { emailOf, renderNotice, type NoticeFacts } from './templates.js';
import { matchingSubscriptions } from './webhooks.js';

/** Who a message is for, as the dossier module and the reminder job write it. */
type To = { kind: 'applicant' } | { kind: 'role'; role: string; agencyId: string } | { kind: 'accounts'; accountIds: string[] };

function parseTo(value: unknown): To | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const v = value as Record<string, unknown>;
  if (v.kind === 'applicant') return { kind: 'applicant' };
  if (v.kind === 'role' && typeof v.role === 'string' && typeof v.agencyId === 'string') return { kind: 'role', role: v.role, agencyId: v.agencyId };
  if (v.kind === 'accounts' && Array.isArray(v.accountIds)) return { kind: 'accounts', accountIds: v.accountIds.filter((x): x is string => typeof x === 'string') };
  return undefined;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

async function recipientsOf(db: NotificationDb, to: To | undefined, notice: DossierNotice | undefined): Promise<string[]> {
  if (!to) return [];
  switch (to.kind) {
    case 'applicant':
      return notice?.applicantAccountIds ?? [];
    case 'role':
      return accountsWithRole(db, to.role, to.agencyId);
    case 'accounts':
      return to.accountIds;
  }
}

/** The facts a template needs, from the message (what was true when it was written) and the dossier. */
function factsOf(message: ClaimedOutboxMessage, notice: DossierNotice | undefined, publicUrl: string): NoticeFacts {
  const p = message.payload;
  const event = message.event.replace(/^dossier\./, '');
  const code = str(p.code) ?? notice?.code ?? null;
  const status = str(p.status) ?? notice?.status ?? 'submitted';
  return {
    event,
    code,
    procedure: str(p.procedure) ?? notice?.procedureName ?? '',
    status,
    statusName: STATUS_NAMES[status] ?? { vi: status, en: status },
    dueAt: str(p.dueAt) ?? (event === 'assigned' ? notice?.stepDueAt : notice?.dueAt) ?? null,
    newDueAt: str(p.newDueAt),
    reason: str(p.reason),
    link: code ? `${publicUrl}/tra-cuu?code=${encodeURIComponent(code)}` : `${publicUrl}/tra-cuu`,
  };
}

/**
 * Turns one outbox message into its deliveries, inside the transaction that acknowledges
 * the message: an in-app notification per recipient account, an e-mail and SMS delivery
 * per account that chose them and has an address, and a webhook delivery per matching
 * subscription. Every row has a unique de-duplication key (message id + recipient +
 * channel), so running the fan-out twice adds nothing.
 */
export async function fanOut(services: PlatformServices, trx: AnyDb, message: ClaimedOutboxMessage): Promise<void> {
  const db = notificationDb(trx);
  const notice = message.aggregateType === 'dossier' ? await dossierNotice(trx, message.aggregateId) : undefined;
  const at = services.clock.now().toISOString();
  const facts = factsOf(message, notice, services.config.publicUrl);
  const rendered = renderNotice(facts);
  const mail = emailOf(rendered);
  const accounts = [...new Set(await recipientsOf(db, parseTo(message.payload.to), notice))];
  const contacts = await accountContacts(trx, accounts);
  const prefs = await preferencesOf(db, accounts);
  const deliveries: { channel: Channel; recipient: string; address: string; subject: string; body: string }[] = [];
  for (const c of contacts) {
    const pref = prefs.get(c.accountId);
    if (pref?.inApp) {
      await db
        .insertInto('notifications')
        .values({
          id: services.newId(),
          dedup_key: `${message.id}:${c.accountId}:inApp`,
          account_id: c.accountId,
          event: message.event,
          title_vi: rendered.title.vi,
          title_en: rendered.title.en,
          body_vi: rendered.body.vi,
          body_en: rendered.body.en,
          dossier_id: notice?.id ?? null,
          created_at: at,
          read_at: null,
        })
        .onConflict((oc) => oc.column('dedup_key').doNothing())
        .execute();
    }
    if (pref?.email && c.email) deliveries.push({ channel: 'email', recipient: c.accountId, address: c.email, subject: mail.subject, body: mail.text });
    if (pref?.sms && c.phone) deliveries.push({ channel: 'sms', recipient: c.accountId, address: c.phone, subject: rendered.title.vi, body: rendered.sms });
  }
  const { to: _to, ...data } = message.payload;
  for (const sub of await matchingSubscriptions(db, message.event, notice?.agencyPaths ?? [])) {
    const dedupKey = `${message.id}:${sub.id}:webhook`;
    const body = JSON.stringify({ id: dedupKey, event: message.event, occurredAt: message.createdAt, data: { ...data, code: facts.code, status: facts.status, procedure: facts.procedure } });
    deliveries.push({ channel: 'webhook', recipient: sub.id, address: sub.url, subject: message.event, body });
  }
  if (deliveries.length === 0) return;
  await db
    .insertInto('deliveries')
    .values(
      deliveries.map((d) => ({
        id: services.newId(),
        dedup_key: `${message.id}:${d.recipient}:${d.channel}`,
        outbox_id: message.id,
        event: message.event,
        channel: d.channel,
        recipient_id: d.recipient,
        address: d.address,
        subject: d.subject,
        body: d.body,
        status: 'pending' as const,
        attempts: 0,
        next_attempt_at: at,
        claimed_until: null,
        claim_token: null,
        last_error: null,
        created_at: at,
        sent_at: null,
      })),
    )
    .onConflict((oc) => oc.column('dedup_key').doNothing())
    .execute();
}
