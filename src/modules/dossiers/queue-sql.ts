import { sql, type RawBuilder, type SqlBool } from 'kysely';

/** Statuses an official's unit queue lists: every one an office still has to act on. */
export const QUEUE_STATUSES = ['submitted', 'received', 'processing', 'awaitingSupplement', 'awaitingPayment', 'resolved'] as const;

/**
 * `status in ('submitted', …)` with the statuses written as literals: the unit queue's condition
 * and the partial index `dossiers_open_queue`'s. They must be the same expression for either
 * database to prove that the index holds every row the query wants (a bound parameter would not).
 */
export function queueStatusCondition(): RawBuilder<SqlBool> {
  return sql<SqlBool>`status in (${sql.join(QUEUE_STATUSES.map((s) => sql.lit(s)))})`;
}

/**
 * The columns of `dossiers_open_queue` after the agency path: the sort keys, then every column
 * a queue filter or the header counts test, so that a unit's open dossiers are listed, filtered
 * and counted from the index alone (bench P3: at 10,000,000 dossiers the overdue, procedure and
 * name-search filters read the row of each of the ward's 46,000 open dossiers).
 */
export const OPEN_QUEUE_COLUMNS = ['step_due_at', 'id', 'status', 'procedure_code', 'due_at', 'paused_at', 'resolved_at', 'finished_at', 'code', 'search_text'] as const;
