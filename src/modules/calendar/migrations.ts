import { checkIn, columnTypes, type MigrationDb, type NamedMigration } from '../../platform/db/migrator.js';
import { OVERRIDES_2025, OVERRIDES_2026 } from './published-schedules.js';
import type { CalendarOverride } from './types.js';

/** Author and time recorded on rows a migration ships (migrations have no clock or user). */
const SHIPPED_BY = 'system';
const SHIPPED_AT = '2026-11-25T00:00:00.000Z';

const HOLIDAY_GROUPS = ['newYear', 'tet', 'hungKings', 'victoryDay', 'labourDay', 'nationalDay'];

/**
 * Inserts published override rows; an existing row for a date is left as an admin made it.
 * A later migration that ships rows must also bump the `calendar` row of `cache_revisions`
 * (`bumpRevision` of src/platform/db/revision-cache.ts), so that running processes rebuild
 * their calendars; 20261125_21 bumped the calendar's own counter, which 20261125_74 replaced.
 */
async function insertPublished(db: MigrationDb, rows: readonly CalendarOverride[]): Promise<void> {
  for (const r of rows) {
    await db
      .insertInto('calendar_overrides')
      .values({
        date: r.date,
        kind: r.kind,
        name_vi: r.name.vi,
        name_en: r.name.en,
        replaces: r.replaces ?? null,
        created_at: SHIPPED_AT,
        created_by: SHIPPED_BY,
        updated_at: SHIPPED_AT,
        updated_by: SHIPPED_BY,
      })
      .onConflict((oc) => oc.column('date').doNothing())
      .execute();
  }
}

/**
 * The working calendar's schema, and the government's published holiday schedules, which
 * are law rather than demo data, so every database gets them. Each later year's schedule
 * ships as its own migration (`…_calendar_published_<year>`) importing that year's constant:
 * a migration that read the growing `PUBLISHED_OVERRIDES` list would give old and new
 * databases different data.
 */
export const calendarMigrations: NamedMigration[] = [
  {
    name: '20261125_20_calendar_core',
    async up(db) {
      const t = columnTypes(db);
      await db.schema
        .createTable('calendar_overrides')
        .addColumn('date', t.date, (c) => c.primaryKey())
        .addColumn('kind', 'text', (c) => c.notNull().check(checkIn('kind', ['off', 'work', 'holiday'])))
        .addColumn('name_vi', 'text', (c) => c.notNull())
        .addColumn('name_en', 'text', (c) => c.notNull())
        .addColumn('replaces', 'text', (c) => c.check(checkIn('replaces', HOLIDAY_GROUPS)))
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('updated_at', t.timestamp, (c) => c.notNull())
        .addColumn('updated_by', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('calendar_office_hours')
        .addColumn('owner_kind', 'text', (c) => c.notNull().check(checkIn('owner_kind', ['desk', 'agency'])))
        .addColumn('owner_code', 'text', (c) => c.notNull())
        .addColumn('hours', t.json, (c) => c.notNull())
        .addColumn('updated_at', t.timestamp, (c) => c.notNull())
        .addColumn('updated_by', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('calendar_office_hours_pk', ['owner_kind', 'owner_code'])
        .execute();
      await db.schema
        .createTable('calendar_desk_exceptions')
        .addColumn('desk_code', 'text', (c) => c.notNull())
        .addColumn('date', t.date, (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull().check(checkIn('kind', ['open', 'closed'])))
        .addColumn('intervals', t.json)
        .addColumn('name_vi', 'text')
        .addColumn('name_en', 'text')
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('calendar_desk_exceptions_pk', ['desk_code', 'date'])
        .execute();
      await db.schema
        .createTable('calendar_revision')
        .addColumn('id', 'integer', (c) => c.primaryKey())
        .addColumn('revision', t.bigint, (c) => c.notNull())
        .addColumn('updated_at', t.timestamp, (c) => c.notNull())
        .execute();
      await db.insertInto('calendar_revision').values({ id: 1, revision: 0, updated_at: SHIPPED_AT }).execute();
    },
  },
  {
    // The government's published schedules for civil servants: Tết, Hùng Kings, the 30/4–1/5
    // swap and National Day of 2025, Tết 2026 (published-schedules.ts explains each row).
    name: '20261125_21_calendar_published_2025_2026',
    async up(db) {
      await insertPublished(db, [...OVERRIDES_2025, ...OVERRIDES_2026]);
      await db.updateTable('calendar_revision').set((eb) => ({ revision: eb('revision', '+', 1), updated_at: SHIPPED_AT })).where('id', '=', 1).execute();
    },
  },
  {
    // The calendar's own counter becomes its row of the platform's shared `cache_revisions`
    // (20261125_73), read in one query with the registry's by the calendar cache. Dropped
    // rather than left behind, so that a process still reading it fails instead of serving
    // calendars that no edit invalidates any more.
    name: '20261125_74_calendar_shared_revision',
    async up(db) {
      const row = await db.selectFrom('calendar_revision').select('revision').where('id', '=', 1).executeTakeFirst();
      await db.insertInto('cache_revisions').values({ name: 'calendar', revision: Number(row?.revision ?? 0), updated_at: SHIPPED_AT }).execute();
      await db.schema.dropTable('calendar_revision').execute();
    },
  },
];
