import { sql } from 'kysely';
import { columnTypes, isPostgres, type NamedMigration } from '../../platform/db/migrator.js';
import { OPEN_QUEUE_COLUMNS, queueStatusCondition } from './queue-sql.js';

/** The dossier lifecycle's schema. */
export const dossierMigrations: NamedMigration[] = [
  {
    name: '20261125_50_dossiers_core',
    async up(db) {
      const t = columnTypes(db);
      await db.schema
        .createTable('dossiers')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('code', 'text', (c) => c.unique())
        .addColumn('lookup_secret', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('channel', 'text', (c) => c.notNull())
        .addColumn('procedure_code', 'text', (c) => c.notNull())
        .addColumn('procedure_version', 'integer', (c) => c.notNull())
        .addColumn('procedure_name', 'text', (c) => c.notNull())
        .addColumn('workflow_key', 'text', (c) => c.notNull())
        .addColumn('workflow_version', 'integer', (c) => c.notNull())
        .addColumn('owner_kind', 'text', (c) => c.notNull())
        .addColumn('owner_id', 'text', (c) => c.notNull())
        .addColumn('owner_name', 'text', (c) => c.notNull())
        .addColumn('owner_number_hash', 'text', (c) => c.notNull())
        .addColumn('search_text', 'text', (c) => c.notNull())
        .addColumn('submitter_name', 'text')
        .addColumn('applicant_account_ids', t.json, (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('receiving_agency_code', 'text', (c) => c.notNull())
        .addColumn('receiving_agency_path', 'text', (c) => c.notNull())
        .addColumn('desk_code', 'text')
        .addColumn('current_agency_code', 'text')
        .addColumn('current_agency_path', 'text')
        .addColumn('current_step', 'text')
        .addColumn('current_role', 'text')
        .addColumn('assignee_id', 'text')
        .addColumn('form_data', t.json, (c) => c.notNull())
        .addColumn('delivery', t.json, (c) => c.notNull())
        .addColumn('workflow_state', t.json)
        .addColumn('deadline_rule', t.json)
        .addColumn('submitted_at', t.timestamp)
        .addColumn('received_at', t.timestamp)
        .addColumn('due_at', t.timestamp)
        .addColumn('original_due_at', t.timestamp)
        .addColumn('step_due_at', t.timestamp)
        .addColumn('paused_at', t.timestamp)
        .addColumn('resolved_at', t.timestamp)
        .addColumn('finished_at', t.timestamp)
        .addColumn('timeliness', 'text')
        .addColumn('fee_total', t.bigint, (c) => c.notNull().defaultTo(0))
        .addColumn('result', t.json)
        .addColumn('apologies', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('transferred', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addColumn('updated_at', t.timestamp, (c) => c.notNull())
        .execute();
      // Queues: scoped by the holding agency's path, ordered by step due time.
      await db.schema.createIndex('dossiers_queue').on('dossiers').columns(['current_agency_path', 'status', 'step_due_at', 'id']).execute();
      await db.schema.createIndex('dossiers_assignee').on('dossiers').columns(['assignee_id', 'step_due_at', 'id']).execute();
      await db.schema.createIndex('dossiers_owner').on('dossiers').columns(['owner_kind', 'owner_id', 'created_at']).execute();
      await db.schema.createIndex('dossiers_receiving').on('dossiers').columns(['receiving_agency_path', 'received_at']).execute();

      // Every agency a dossier has been with (receiving, transfers): who may see it.
      await db.schema
        .createTable('dossier_agencies')
        .addColumn('dossier_id', 'text', (c) => c.notNull().references('dossiers.id'))
        .addColumn('agency_code', 'text', (c) => c.notNull())
        .addColumn('agency_path', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('dossier_agencies_pk', ['dossier_id', 'agency_code'])
        .execute();
      await db.schema.createIndex('dossier_agencies_path').on('dossier_agencies').columns(['agency_path', 'dossier_id']).execute();

      // The control sheet (form 06) and history: one row per hand-over or event.
      await db.schema
        .createTable('dossier_events')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('dossier_id', 'text', (c) => c.notNull().references('dossiers.id'))
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('at', t.timestamp, (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('label_vi', 'text', (c) => c.notNull())
        .addColumn('label_en', 'text', (c) => c.notNull())
        .addColumn('actor_id', 'text')
        .addColumn('actor_name', 'text', (c) => c.notNull())
        .addColumn('from_step', 'text')
        .addColumn('to_step', 'text')
        .addColumn('from_agency', 'text')
        .addColumn('to_agency', 'text')
        .addColumn('to_assignee', 'text')
        .addColumn('step_due_at', t.timestamp)
        .addColumn('previous_step_due_at', t.timestamp)
        .addColumn('on_time', 'integer')
        .addColumn('status_after', 'text', (c) => c.notNull())
        .addColumn('note', 'text')
        .addUniqueConstraint('dossier_events_seq', ['dossier_id', 'seq'])
        .execute();

      await db.schema
        .createTable('dossier_documents')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('dossier_id', 'text', (c) => c.notNull().references('dossiers.id'))
        .addColumn('requirement_id', 'text')
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('file_sha256', 'text', (c) => c.notNull())
        .addColumn('file_name', 'text', (c) => c.notNull())
        .addColumn('mime', 'text', (c) => c.notNull())
        .addColumn('size', t.bigint, (c) => c.notNull())
        .addColumn('uploaded_by', 'text', (c) => c.notNull())
        .addColumn('uploaded_at', t.timestamp, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('dossier_documents_dossier').on('dossier_documents').column('dossier_id').execute();

      await db.schema
        .createTable('dossier_requests')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('dossier_id', 'text', (c) => c.notNull().references('dossiers.id'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('at', t.timestamp, (c) => c.notNull())
        .addColumn('by_name', 'text', (c) => c.notNull())
        .addColumn('details', t.json, (c) => c.notNull())
        .addColumn('closed_at', t.timestamp)
        .execute();
      await db.schema.createIndex('dossier_requests_dossier').on('dossier_requests').columns(['dossier_id', 'kind']).execute();

      await db.schema
        .createTable('dossier_code_counters')
        .addColumn('agency_code', 'text', (c) => c.notNull())
        .addColumn('day', 'text', (c) => c.notNull())
        .addColumn('last_seq', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('dossier_code_counters_pk', ['agency_code', 'day'])
        .execute();

      await db.schema
        .createTable('idempotency_keys')
        .addColumn('account_id', 'text', (c) => c.notNull())
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('request_hash', 'text', (c) => c.notNull())
        .addColumn('dossier_id', 'text', (c) => c.notNull())
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addPrimaryKeyConstraint('idempotency_keys_pk', ['account_id', 'key'])
        .execute();

      await db.schema
        .createTable('dossier_payments')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('dossier_id', 'text', (c) => c.notNull().references('dossiers.id'))
        .addColumn('method', 'text', (c) => c.notNull())
        .addColumn('reference', 'text', (c) => c.notNull())
        .addColumn('amount', t.bigint, (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('recorded_by', 'text', (c) => c.notNull())
        .addColumn('recorded_at', t.timestamp, (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('dossier_ratings')
        .addColumn('dossier_id', 'text', (c) => c.primaryKey().references('dossiers.id'))
        .addColumn('score', 'integer', (c) => c.notNull())
        .addColumn('comment', 'text')
        .addColumn('account_id', 'text', (c) => c.notNull())
        .addColumn('rated_at', t.timestamp, (c) => c.notNull())
        .execute();
    },
  },
  {
    name: '20261125_52_dossiers_queue_prefix',
    async up(db) {
      // PostgreSQL turns `current_agency_path LIKE 'prefix%'` into an index range only on a
      // pattern-ops (or "C" collation) index; SQLite does with case_sensitive_like on the
      // existing index. Queue of a unit on 1M dossiers: 212 ms → 1.2 ms (bench P3).
      if (isPostgres(db)) {
        await sql`create index dossiers_queue_prefix on dossiers (current_agency_path text_pattern_ops, status, step_due_at, id)`.execute(db);
      }
    },
  },
  {
    name: '20261125_72_dossiers_role_queue',
    async up(db) {
      // "My tasks" = assigned to me, or unassigned at my agency waiting for one of my roles:
      // the second half had no index (bench P3 `view=mine` scanned the agency's dossiers).
      await db.schema.createIndex('dossiers_role_queue').on('dossiers').columns(['current_agency_code', 'current_role', 'assignee_id', 'step_due_at', 'id']).execute();
    },
  },
  {
    name: '20261203_77_dossiers_open_queue',
    async up(db) {
      // A unit's queue lists its open dossiers: a partial index over them alone (a few percent of
      // the table) holding every column the queue filters and counts by (queue-sql.ts). SQLite's
      // queries name it (`indexed by`, queue.ts): its planner may have no statistics.
      const path = isPostgres(db) ? sql`current_agency_path text_pattern_ops` : sql`current_agency_path`;
      const rest = sql.join(OPEN_QUEUE_COLUMNS.map((c) => sql.ref(c)));
      await sql`create index dossiers_open_queue on dossiers (${path}, ${rest}) where ${queueStatusCondition()}`.execute(db);
    },
  },
];
