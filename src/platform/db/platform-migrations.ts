import { sql } from 'kysely';
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
  {
    name: '20261125_02_platform_auth_audit',
    async up(db) {
      const t = columnTypes(db);
      await db.schema
        .createTable('sessions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('csrf_token', 'text', (c) => c.notNull())
        .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addColumn('last_seen_at', t.timestamp, (c) => c.notNull())
        .addColumn('expires_at', t.timestamp, (c) => c.notNull())
        .addColumn('revoked_at', t.timestamp)
        .addColumn('user_agent', 'text')
        .addColumn('ip', 'text')
        .execute();
      await db.schema.createIndex('sessions_account').on('sessions').columns(['account_id', 'created_at']).execute();
      await db.schema
        .createTable('api_tokens')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('prefix', 'text', (c) => c.notNull())
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addColumn('expires_at', t.timestamp)
        .addColumn('last_used_at', t.timestamp)
        .addColumn('revoked_at', t.timestamp)
        .execute();
      await db.schema
        .createTable('audit_log')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('chain_index', t.bigint, (c) => c.notNull().unique())
        .addColumn('at', t.timestamp, (c) => c.notNull())
        .addColumn('actor_id', 'text')
        .addColumn('actor_label', 'text', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('target_type', 'text', (c) => c.notNull())
        .addColumn('target_id', 'text', (c) => c.notNull())
        .addColumn('summary', t.json, (c) => c.notNull())
        .addColumn('request_id', 'text')
        .addColumn('ip', 'text')
        .addColumn('prev_hash', 'text', (c) => c.notNull())
        .addColumn('hash', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('audit_log_target').on('audit_log').columns(['target_type', 'target_id']).execute();
      await db.schema
        .createTable('pd_access_log')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('at', t.timestamp, (c) => c.notNull())
        .addColumn('actor_id', 'text', (c) => c.notNull())
        .addColumn('actor_label', 'text', (c) => c.notNull())
        .addColumn('subject_kind', 'text', (c) => c.notNull())
        .addColumn('subject_id', 'text', (c) => c.notNull())
        .addColumn('fields', t.json, (c) => c.notNull())
        .addColumn('purpose', 'text', (c) => c.notNull())
        .addColumn('request_id', 'text')
        .execute();
      await db.schema.createIndex('pd_access_subject').on('pd_access_log').columns(['subject_kind', 'subject_id', 'at']).execute();
    },
  },
  {
    name: '20261125_03_platform_files',
    async up(db) {
      const t = columnTypes(db);
      // One row per blob of the content-addressed store; owners (dossiers) link to it later.
      await db.schema
        .createTable('files')
        .addColumn('sha256', 'text', (c) => c.primaryKey().check(sql`length(sha256) = 64`))
        .addColumn('size', t.bigint, (c) => c.notNull().check(sql`size >= 0`))
        .addColumn('mime', 'text', (c) => c.notNull())
        .addColumn('ext', 'text')
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .execute();
    },
  },
  {
    name: '20261125_73_platform_cache_revisions',
    async up(db) {
      const t = columnTypes(db);
      // Per-process caches of reference data read one of these rows before trusting what they
      // hold; every change bumps it in its own transaction (revision-cache.ts). Rows appear
      // with the first change of their kind; a missing row reads as revision 0.
      await db.schema
        .createTable('cache_revisions')
        .addColumn('name', 'text', (c) => c.primaryKey())
        .addColumn('revision', t.bigint, (c) => c.notNull())
        .addColumn('updated_at', t.timestamp, (c) => c.notNull())
        .execute();
    },
  },
];
