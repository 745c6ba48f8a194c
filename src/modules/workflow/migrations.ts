import { checkIn, columnTypes, type NamedMigration } from '../../platform/db/migrator.js';

/**
 * Process definitions (quy trình nội bộ), one row per version, and the pins that tie each
 * dossier to the exact version it started on (a running dossier never changes version).
 */
export const workflowMigrations: NamedMigration[] = [
  {
    name: '20261125_30_workflow_definitions',
    async up(db) {
      const t = columnTypes(db);
      await db.schema
        .createTable('workflow_definitions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull().check(checkIn('status', ['draft', 'published', 'retired'])))
        .addColumn('name_vi', 'text', (c) => c.notNull())
        .addColumn('name_en', 'text', (c) => c.notNull())
        .addColumn('definition', t.json, (c) => c.notNull())
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addColumn('created_by', 'text')
        .addColumn('updated_at', t.timestamp, (c) => c.notNull())
        .addColumn('published_at', t.timestamp)
        .addColumn('published_by', 'text')
        .addUniqueConstraint('workflow_definitions_key_version', ['key', 'version'])
        .execute();
      await db.schema.createIndex('workflow_definitions_status').on('workflow_definitions').columns(['status', 'key']).execute();

      await db.schema
        .createTable('workflow_pins')
        .addColumn('dossier_id', 'text', (c) => c.primaryKey())
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('pinned_at', t.timestamp, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('workflow_pins_definition').on('workflow_pins').columns(['key', 'version']).execute();
    },
  },
];
