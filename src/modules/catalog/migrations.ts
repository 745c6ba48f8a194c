import { checkIn, columnTypes, type NamedMigration } from '../../platform/db/migrator.js';

/**
 * The procedure catalogue (danh mục thủ tục hành chính): one row per version of a procedure,
 * so that a dossier keeps the documents, fees and deadline of the version it was filed
 * under. `search_text` and `name_search` hold text normalized by the application, so
 * diacritic-insensitive search behaves the same on both databases.
 */
export const catalogMigrations: NamedMigration[] = [
  {
    name: '20261125_40_catalog_procedures',
    async up(db) {
      const t = columnTypes(db);
      await db.schema
        .createTable('catalog_procedures')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('code', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull().check(checkIn('status', ['draft', 'published', 'retired'])))
        .addColumn('name_vi', 'text', (c) => c.notNull())
        .addColumn('name_en', 'text', (c) => c.notNull())
        .addColumn('name_search', 'text', (c) => c.notNull())
        .addColumn('search_text', 'text', (c) => c.notNull())
        .addColumn('field_code', 'text', (c) => c.notNull())
        .addColumn('level', 'text', (c) => c.notNull().check(checkIn('level', ['province', 'commune'])))
        .addColumn('online_level', 'text', (c) => c.notNull().check(checkIn('online_level', ['full', 'partial'])))
        .addColumn('workflow_key', 'text', (c) => c.notNull())
        .addColumn('body', t.json, (c) => c.notNull())
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addColumn('created_by', 'text')
        .addColumn('updated_at', t.timestamp, (c) => c.notNull())
        .addColumn('published_at', t.timestamp)
        .addColumn('published_by', 'text')
        .addColumn('retired_at', t.timestamp)
        .addUniqueConstraint('catalog_procedures_code_version', ['code', 'version'])
        .execute();
      await db.schema.createIndex('catalog_procedures_public').on('catalog_procedures').columns(['status', 'name_search', 'id']).execute();

      await db.schema
        .createTable('catalog_receiving_agencies')
        .addColumn('procedure_id', 'text', (c) => c.notNull().references('catalog_procedures.id').onDelete('cascade'))
        .addColumn('agency_ref', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('catalog_receiving_agencies_pk', ['procedure_id', 'agency_ref'])
        .execute();
      await db.schema.createIndex('catalog_receiving_agencies_ref').on('catalog_receiving_agencies').column('agency_ref').execute();
    },
  },
];
