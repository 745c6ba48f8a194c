import { checkIn, columnTypes, type NamedMigration } from './migrator.js';

/** The platform's own schema: seed bookkeeping and local accounts. */
export const platformMigrations: NamedMigration[] = [
  {
    name: '20261125_01_platform_core',
    async up(db) {
      const t = columnTypes(db);
      await db.schema
        .createTable('seed_state')
        .addColumn('name', 'text', (c) => c.primaryKey())
        .addColumn('applied_at', t.timestamp, (c) => c.notNull())
        .addColumn('details', t.json)
        .execute();
      await db.schema
        .createTable('accounts')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('username', 'text', (c) => c.notNull().unique())
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('display_name', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull().check(checkIn('kind', ['official', 'citizen', 'service'])))
        .addColumn('email', 'text')
        .addColumn('status', 'text', (c) => c.notNull().defaultTo('active'))
        .addColumn('failed_logins', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('locked_until', t.timestamp)
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addColumn('updated_at', t.timestamp, (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('account_roles')
        .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('scope_kind', 'text', (c) => c.notNull())
        .addColumn('scope_code', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('account_roles_pk', ['account_id', 'role', 'scope_kind', 'scope_code'])
        .execute();
    },
  },
];
