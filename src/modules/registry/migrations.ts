import { checkIn, columnTypes, type NamedMigration } from '../../platform/db/migrator.js';

/**
 * The base registries' schema. Scope paths (`path`, `unit_path`) are materialized so that
 * "this unit/agency and everything below it" is a prefix match, the same on both databases.
 * `*_search` columns hold text normalized by the application (no diacritics, lower case).
 */
export const registryMigrations: NamedMigration[] = [
  {
    name: '20261125_10_registry_core',
    async up(db) {
      const t = columnTypes(db);
      await db.schema
        .createTable('admin_units')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('code', 'text', (c) => c.notNull())
        .addColumn('name_vi', 'text', (c) => c.notNull())
        .addColumn('name_en', 'text', (c) => c.notNull())
        .addColumn('short_name', 'text', (c) => c.notNull())
        .addColumn('name_search', 'text', (c) => c.notNull())
        .addColumn('level', 'text', (c) => c.notNull().check(checkIn('level', ['province', 'district', 'commune'])))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('parent_id', 'text', (c) => c.references('admin_units.id'))
        .addColumn('path', 'text', (c) => c.notNull())
        .addColumn('valid_from', t.date, (c) => c.notNull())
        .addColumn('valid_to', t.date)
        .addColumn('successor_code', 'text')
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addColumn('updated_at', t.timestamp, (c) => c.notNull())
        .addUniqueConstraint('admin_units_code_from', ['code', 'valid_from'])
        .execute();
      await db.schema.createIndex('admin_units_path').on('admin_units').column('path').execute();
      await db.schema.createIndex('admin_units_parent').on('admin_units').column('parent_id').execute();

      await db.schema
        .createTable('agencies')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('code', 'text', (c) => c.notNull().unique())
        .addColumn('name_vi', 'text', (c) => c.notNull())
        .addColumn('name_en', 'text', (c) => c.notNull())
        .addColumn('name_search', 'text', (c) => c.notNull())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('admin_unit_id', 'text', (c) => c.notNull().references('admin_units.id'))
        .addColumn('parent_id', 'text', (c) => c.references('agencies.id'))
        .addColumn('path', 'text', (c) => c.notNull())
        .addColumn('unit_path', 'text', (c) => c.notNull())
        .addColumn('valid_from', t.date, (c) => c.notNull())
        .addColumn('valid_to', t.date)
        .addColumn('successor_code', 'text')
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addColumn('updated_at', t.timestamp, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('agencies_path').on('agencies').column('path').execute();
      await db.schema.createIndex('agencies_unit').on('agencies').column('admin_unit_id').execute();

      await db.schema
        .createTable('reception_desks')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('code', 'text', (c) => c.notNull().unique())
        .addColumn('name_vi', 'text', (c) => c.notNull())
        .addColumn('name_en', 'text', (c) => c.notNull())
        .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
        .addColumn('office_hours', t.json)
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addColumn('updated_at', t.timestamp, (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('officials')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('account_id', 'text', (c) => c.notNull().unique().references('accounts.id'))
        .addColumn('full_name', 'text', (c) => c.notNull())
        .addColumn('name_search', 'text', (c) => c.notNull())
        .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
        .addColumn('position_vi', 'text', (c) => c.notNull())
        .addColumn('position_en', 'text', (c) => c.notNull())
        .addColumn('email', 'text')
        .addColumn('phone', 'text')
        .addColumn('row_hash', 'text', (c) => c.notNull())
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addColumn('updated_at', t.timestamp, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('officials_agency').on('officials').column('agency_id').execute();

      await db.schema
        .createTable('citizens')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('id_number', 'text', (c) => c.notNull().unique())
        .addColumn('full_name', 'text', (c) => c.notNull())
        .addColumn('name_search', 'text', (c) => c.notNull())
        .addColumn('date_of_birth', t.date, (c) => c.notNull())
        .addColumn('sex', 'text', (c) => c.notNull().check(checkIn('sex', ['male', 'female'])))
        .addColumn('address_unit_code', 'text', (c) => c.notNull())
        .addColumn('address_street', 'text', (c) => c.notNull())
        .addColumn('address_search', 'text', (c) => c.notNull())
        .addColumn('phone', 'text')
        .addColumn('email', 'text')
        .addColumn('account_id', 'text', (c) => c.unique().references('accounts.id'))
        .addColumn('row_hash', 'text', (c) => c.notNull())
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addColumn('updated_at', t.timestamp, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('citizens_name').on('citizens').columns(['name_search', 'id']).execute();

      await db.schema
        .createTable('organizations')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('tax_code', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('name_search', 'text', (c) => c.notNull())
        .addColumn('english_name', 'text')
        .addColumn('legal_form', 'text')
        .addColumn('address_unit_code', 'text', (c) => c.notNull())
        .addColumn('address_street', 'text', (c) => c.notNull())
        .addColumn('address_search', 'text', (c) => c.notNull())
        .addColumn('legal_rep_name', 'text', (c) => c.notNull())
        .addColumn('legal_rep_id_number', 'text')
        .addColumn('phone', 'text')
        .addColumn('email', 'text')
        .addColumn('row_hash', 'text', (c) => c.notNull())
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addColumn('updated_at', t.timestamp, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('organizations_name').on('organizations').columns(['name_search', 'id']).execute();

      // Who may act for whom: an authorized representative, or an organization's accounts.
      await db.schema
        .createTable('representations')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('agent_account_id', 'text', (c) => c.notNull().references('accounts.id'))
        .addColumn('subject_kind', 'text', (c) => c.notNull().check(checkIn('subject_kind', ['citizen', 'organization'])))
        .addColumn('subject_id', 'text', (c) => c.notNull())
        .addColumn('valid_to', t.date)
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('representations_subject').on('representations').columns(['subject_kind', 'subject_id']).execute();
      await db.schema.createIndex('representations_agent').on('representations').column('agent_account_id').execute();

      await db.schema
        .createTable('import_runs')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('file_name', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('total_rows', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('inserted', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('updated', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('unchanged', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('failed', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('actor_id', 'text')
        .addColumn('started_at', t.timestamp, (c) => c.notNull())
        .addColumn('finished_at', t.timestamp)
        .execute();
    },
  },
];
