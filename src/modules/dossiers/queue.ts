import { sql, type CompiledQuery, type SqlBool } from 'kysely';
import type { Actor } from '../../platform/auth/authorize.js';
import { scopeFilter } from '../../platform/auth/authorize.js';
import { scopeCondition } from '../../platform/auth/scope-sql.js';
import { isPostgres } from '../../platform/db/migrator.js';
import { decodeCursor } from '../../platform/db/paging.js';
import { normalizeForSearch } from '../registry/index.js';
import { queueStatusCondition } from './queue-sql.js';
import type { DossierDb } from './tables.js';

export interface QueueQuery {
  /** `mine`: my tasks; `unit`: open dossiers held by agencies in my scope; `all`: any in scope (incl. closed). */
  view: 'mine' | 'unit' | 'all';
  status?: string;
  procedureCode?: string;
  /** `overdue`: past the appointment; `today`: due today; `soon`: due within two days. */
  due?: 'overdue' | 'today' | 'soon';
  q?: string;
  cursor?: string;
  limit: number;
}

const FAR = '9999-12-31T00:00:00.000Z';

function localDayBounds(now: Date, days: number): { start: string; end: string } {
  const offset = 7 * 3_600_000;
  const local = new Date(now.getTime() + offset);
  const start = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()) - offset;
  return { start: new Date(start).toISOString(), end: new Date(start + days * 86_400_000).toISOString() };
}

/**
 * An official's queue, filtered as SQL by the authorization scope so that a list never holds
 * another unit's dossiers; sorted by the current step's due time (then id), cursor-paginated.
 *
 * Two steps, so that a big unit's queue stays fast (bench P3): the page's ids and sort keys
 * first, from the queue indexes alone (a unit's open dossiers: the partial index
 * `dossiers_open_queue`; my tasks: `dossiers_assignee`, `dossiers_role_queue`), then the
 * page's rows by id.
 */
export async function officialQueue(db: DossierDb, actor: Actor, roles: string[], agencyCode: string | null, q: QueueQuery, now: Date) {
  const scope = scopeFilter(actor, 'dossier.read');
  const dueKey = sql<string>`coalesce(step_due_at, ${sql.lit(FAR)})`;
  const keys = () => db.selectFrom('dossiers').select(['id', dueKey.as('sort_due')]);
  type Keys = ReturnType<typeof keys>;
  const filtered = (query: Keys): Keys => {
    let out = query;
    if (q.status) out = out.where('status', '=', q.status);
    if (q.procedureCode) out = out.where('procedure_code', '=', q.procedureCode);
    if (q.due === 'overdue') out = out.where('due_at', '<', now.toISOString()).where('resolved_at', 'is', null).where('finished_at', 'is', null).where('paused_at', 'is', null);
    if (q.due === 'today' || q.due === 'soon') {
      const { start, end } = localDayBounds(now, q.due === 'today' ? 1 : 3);
      out = out.where('due_at', '>=', q.due === 'today' ? start : now.toISOString()).where('due_at', '<', end).where('resolved_at', 'is', null);
    }
    const text = q.q?.trim();
    if (text) {
      if (/^[0-9A-Z.]+-\d{6}-\d{4,}$/i.test(text)) out = out.where('code', '=', text.toUpperCase());
      else for (const token of normalizeForSearch(text).split(' ').filter(Boolean)) out = out.where(sql<SqlBool>`search_text like ${`%${token.replace(/[%_\\]/g, '')}%`}`);
    }
    const after = decodeCursor(q.cursor, 2);
    if (after) out = out.where(sql<SqlBool>`(${dueKey} > ${after[0]} or (${dueKey} = ${after[0]} and id > ${after[1]}))`);
    return out;
  };
  let page;
  if (q.view === 'mine') {
    // Mine = assigned to me, or unassigned at my agency waiting for one of my roles: two
    // disjoint halves, each read from its own index (an OR would sort every candidate row).
    // Drafts have neither an assignee nor a current agency, so neither half holds one.
    const assigned = filtered(keys().where('assignee_id', '=', actor.accountId));
    const waiting = filtered(keys().where('assignee_id', 'is', null).where('current_agency_code', '=', agencyCode ?? '-').where('current_role', 'in', roles.length ? roles : ['-']));
    page = await assigned.unionAll(waiting).orderBy('sort_due').orderBy('id').limit(q.limit + 1).execute();
  } else {
    let query = keys().where('status', '!=', 'draft');
    if (q.view === 'unit') query = query.where(queueStatusCondition()).where((eb) => scopeCondition(eb, scope, { agencyPath: 'current_agency_path' }));
    else query = query.where((eb) => eb.or([scopeCondition(eb, scope, { agencyPath: 'current_agency_path' }), scopeCondition(eb, scope, { agencyPath: 'receiving_agency_path' })]));
    const ordered = filtered(query).orderBy('sort_due').orderBy('id').limit(q.limit + 1);
    page = q.view === 'unit' ? await onOpenQueueIndex(db, ordered) : await ordered.execute();
  }
  if (page.length === 0) return [];
  const rows = await db.selectFrom('dossiers').selectAll().select(dueKey.as('sort_due')).where('id', 'in', page.map((k) => k.id)).execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  // Present in the first step's order; a row changed in between keeps its place on this page.
  return page.flatMap((k) => byId.get(k.id) ?? []);
}

/**
 * Runs a query over a unit's open dossiers (its condition includes `queueStatusCondition()`)
 * on the partial index `dossiers_open_queue`. SQLite's planner, without statistics from
 * `analyze` (which a city's database may never have had), takes `dossiers_queue` instead:
 * the same path range, but one row read per open dossier for any filter (bench P3 at
 * 10,000,000 dossiers: 130–360 ms against 25 ms). PostgreSQL chooses the index by itself.
 */
async function onOpenQueueIndex<O>(db: DossierDb, query: Compilable<O>): Promise<O[]> {
  if (isPostgres(db)) return query.execute();
  const compiled = query.compile();
  const from = 'from "dossiers"';
  if (!compiled.sql.includes(from)) throw new Error(`queue: no ${from} in ${compiled.sql}`);
  const result = await db.executeQuery<O>({ ...compiled, sql: compiled.sql.replace(from, `${from} indexed by "dossiers_open_queue"`) });
  return result.rows;
}

interface Compilable<O> {
  compile(): CompiledQuery<O>;
  execute(): Promise<O[]>;
}

/** The applicant's own dossiers (and those filed for whom they represent), newest first. */
export async function applicantDossiers(db: DossierDb, accountId: string, q: { status?: string; cursor?: string; limit: number }) {
  let query = db.selectFrom('dossiers').selectAll().where('applicant_account_ids', 'like', `%"${accountId}"%`);
  if (q.status) query = query.where('status', '=', q.status);
  const after = decodeCursor(q.cursor, 2);
  if (after) query = query.where((eb) => eb.or([eb('created_at', '<', String(after[0])), eb.and([eb('created_at', '=', String(after[0])), eb('id', '<', String(after[1]))])]));
  return query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(q.limit + 1).execute();
}

/** Counts for the queue header: overdue, due today, due within two working days, in scope. */
export async function queueCounts(db: DossierDb, actor: Actor, now: Date) {
  const scope = scopeFilter(actor, 'dossier.read');
  const today = localDayBounds(now, 1);
  const soon = localDayBounds(now, 3);
  const counts = db
    .selectFrom('dossiers')
    .select([
      sql<number>`sum(case when due_at < ${now.toISOString()} and paused_at is null then 1 else 0 end)`.as('overdue'),
      sql<number>`sum(case when due_at >= ${today.start} and due_at < ${today.end} then 1 else 0 end)`.as('dueToday'),
      sql<number>`sum(case when due_at >= ${now.toISOString()} and due_at < ${soon.end} then 1 else 0 end)`.as('dueSoon'),
      sql<number>`count(*)`.as('open'),
    ])
    .where(queueStatusCondition())
    .where('status', '!=', 'resolved')
    .where((eb) => scopeCondition(eb, scope, { agencyPath: 'current_agency_path' }));
  const [row] = await onOpenQueueIndex(db, counts);
  return { overdue: Number(row?.overdue ?? 0), dueToday: Number(row?.dueToday ?? 0), dueSoon: Number(row?.dueSoon ?? 0), open: Number(row?.open ?? 0) };
}
