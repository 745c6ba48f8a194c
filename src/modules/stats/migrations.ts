import { columnTypes, type NamedMigration } from '../../platform/db/migrator.js';
import { DAILY_COUNTERS } from './facts.js';

/**
 * The statistics schema: one fact row per dossier (what has been counted for it), daily
 * aggregates kept in the same transaction as the dossier's change, a processing-time
 * histogram for percentiles, and settings (the index weights).
 */
export const statsMigrations: NamedMigration[] = [
  {
    name: '20261125_70_stats_core',
    async up(db) {
      const t = columnTypes(db);
      await db.schema
        .createTable('stats_dossier_facts')
        .addColumn('dossier_id', 'text', (c) => c.primaryKey())
        .addColumn('code', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('agency_code', 'text', (c) => c.notNull())
        .addColumn('desk_code', 'text', (c) => c.notNull())
        .addColumn('procedure_code', 'text', (c) => c.notNull())
        .addColumn('field_code', 'text', (c) => c.notNull())
        .addColumn('online_level', 'text', (c) => c.notNull())
        .addColumn('channel', 'text', (c) => c.notNull())
        .addColumn('received_at', t.timestamp)
        .addColumn('received_day', t.date)
        .addColumn('original_due_at', t.timestamp)
        .addColumn('paused_at', t.timestamp)
        .addColumn('paused_ms', t.bigint, (c) => c.notNull().defaultTo(0))
        .addColumn('resolved_day', t.date)
        .addColumn('timeliness', 'text')
        .addColumn('processing_centi', 'integer')
        .addColumn('digitized', t.flag, (c) => c.notNull().defaultTo(0))
        .addColumn('finished_day', t.date)
        .addColumn('end_status', 'text')
        .addColumn('closed_day', t.date)
        .addColumn('is_open', t.flag, (c) => c.notNull().defaultTo(0))
        .addColumn('apologies', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('apology_days', t.json, (c) => c.notNull())
        .addColumn('first_apology_day', t.date)
        .addColumn('transferred_day', t.date)
        .addColumn('paid_day', t.date)
        .addColumn('paid_online', t.flag, (c) => c.notNull().defaultTo(0))
        .addColumn('rated_day', t.date)
        .addColumn('rating', 'integer')
        .addColumn('updated_at', t.timestamp, (c) => c.notNull())
        .execute();
      // "Now" figures (open, overdue) read only open dossiers; drill-down lists by agency and day.
      await db.schema.createIndex('stats_facts_open').on('stats_dossier_facts').columns(['is_open', 'agency_code', 'original_due_at']).execute();
      await db.schema.createIndex('stats_facts_received').on('stats_dossier_facts').columns(['agency_code', 'received_day']).execute();
      await db.schema.createIndex('stats_facts_resolved').on('stats_dossier_facts').columns(['agency_code', 'resolved_day']).execute();

      let daily = db.schema
        .createTable('stats_daily')
        .addColumn('day', t.date, (c) => c.notNull())
        .addColumn('agency_code', 'text', (c) => c.notNull())
        .addColumn('desk_code', 'text', (c) => c.notNull())
        .addColumn('procedure_code', 'text', (c) => c.notNull())
        .addColumn('field_code', 'text', (c) => c.notNull());
      for (const counter of DAILY_COUNTERS) daily = daily.addColumn(counter, t.bigint, (c) => c.notNull().defaultTo(0));
      await daily.addPrimaryKeyConstraint('stats_daily_pk', ['day', 'agency_code', 'desk_code', 'procedure_code']).execute();
      await db.schema.createIndex('stats_daily_agency').on('stats_daily').columns(['agency_code', 'day']).execute();

      await db.schema
        .createTable('stats_daily_processing')
        .addColumn('day', t.date, (c) => c.notNull())
        .addColumn('agency_code', 'text', (c) => c.notNull())
        .addColumn('desk_code', 'text', (c) => c.notNull())
        .addColumn('procedure_code', 'text', (c) => c.notNull())
        .addColumn('field_code', 'text', (c) => c.notNull())
        .addColumn('bucket', 'integer', (c) => c.notNull())
        .addColumn('n', t.bigint, (c) => c.notNull().defaultTo(0))
        .addPrimaryKeyConstraint('stats_daily_processing_pk', ['day', 'agency_code', 'desk_code', 'procedure_code', 'bucket'])
        .execute();

      await db.schema
        .createTable('stats_settings')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('value', t.json, (c) => c.notNull())
        .addColumn('updated_at', t.timestamp, (c) => c.notNull())
        .addColumn('updated_by', 'text')
        .execute();
    },
  },
];
