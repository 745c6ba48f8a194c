/**
 * Demonstration dossiers: a few hundred dossiers in every status across the demo wards, the
 * city centre and the Department of Construction, driven through the real use cases over
 * the ~60 days before the seed's "today", so that queues, overdue flags, control sheets,
 * transfers, apologies and ratings are all genuine.
 */
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/auth/authorize.js';
import { ManualClock } from '../../platform/clock.js';
import type { PlatformServices, SeedReport } from '../../platform/context.js';
import type { PlatformTables } from '../../platform/db/tables.js';
import { LocalFileStore } from '../../platform/files/local-store.js';
import { recordFile } from '../../platform/files/records.js';
import { createIdGenerator } from '../../platform/ids.js';
import { loadDeskCalendar, type WorkingCalendar } from '../calendar/index.js';
import { getPublishedProcedure, type Procedure } from '../catalog/index.js';
import { DEMO_CITIZENS, DEMO_OFFICIALS, DEMO_ORGANIZATIONS, DEMO_PASSWORD, deskScope, officialAgency } from '../registry/index.js';
import { getPublishedDefinition, type ProcessDefinition } from '../workflow/index.js';
import { deadlineRuleOf } from './create-dossier.js';
import { OPEN_STATUSES } from './domain.js';
import { formFor } from './seed-forms.js';
import { actorOf, createDemoAccounts, DEMO_WARDS, demoTeams, generatedCitizens, generatedOrganizations } from './seed-people.js';
import { planDossiers, type PlanDesk, type PlanProcedure } from './seed-plan.js';
import { createRng } from './seed-prng.js';
import { runPlans, type SeedOwner } from './seed-run.js';
import { dossierDb } from './tables.js';

/** How much demonstration data to make. */
export interface DossierDemoOptions {
  count?: number;
  days?: number;
  seed?: number;
  /** Generated citizens given an account (they file online and rate). */
  citizenAccounts?: number;
}

const HAI_CHAU_DESK = 'MC-20242';
const CENTRE_DESK = 'MC-TTPVHCC';
/** Relative frequencies of the demo procedures (police procedures are left out: no police desk in the demo). */
const PROCEDURE_WEIGHTS: Record<string, number> = {
  '2.000908': 22, '1.001193': 8, '1.000894': 5, '1.000656': 3, '2.000635': 8, '1.004859': 3, '1.004873': 8, '2.000884': 6,
  '2.001035': 6, '1.009994': 9, '1.012756': 4, '2.000720': 6, '2.000620': 2,
  '2.000505': 5, '2.001610': 3, '2.000591': 2,
};
const BY_ORGANIZATION = new Set(['2.000591', '2.000620']);

/** A minimal one-page PDF standing in for every scanned paper of the online dossiers. */
const DEMO_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R/Resources<</Font<</F1 5 0 R>>>>>>endobj\n' +
    '4 0 obj<</Length 58>>stream\nBT /F1 16 Tf 72 760 Td (Tai lieu minh hoa - du lieu demo) Tj ET\nendstream endobj\n' +
    '5 0 obj<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

/**
 * Inside the seed's transaction the use cases' own `transaction()` calls run in that
 * transaction (Kysely cannot nest them); outside one, the database is used as it is.
 */
function inlineTransactions(db: Kysely<PlatformTables>): Kysely<PlatformTables> {
  if (!db.isTransaction) return db;
  return new Proxy(db, {
    get(target, prop) {
      if (prop === 'transaction') return () => ({ execute: <R>(work: (trx: Kysely<PlatformTables>) => Promise<R>) => work(target) });
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** Local (UTC+7) midnight at the start of the day of `at`. */
function localMidnight(at: Date): Date {
  const offset = 7 * 3_600_000;
  return new Date(Math.floor((at.getTime() + offset) / 86_400_000) * 86_400_000 - offset);
}

async function officialsByAgencyRole(db: Kysely<PlatformTables>, usernames: readonly string[]): Promise<Map<string, Actor>> {
  const out = new Map<string, Actor>();
  for (const username of usernames) {
    const actor = await actorOf(db, username);
    const agency = await officialAgency(db, actor.accountId);
    if (!agency) continue;
    for (const g of actor.grants) if (g.scopeKind === 'agency' && !out.has(`${agency.agencyCode}|${g.role}`)) out.set(`${agency.agencyCode}|${g.role}`, actor);
  }
  return out;
}

/**
 * Loads the demonstration dossiers (runs inside the demo seed's transaction, after the
 * registry, workflow, catalogue and calendar seeds). Everything happens strictly before the
 * local day of `services.clock.now()`, so today's dossier numbers start at 0001.
 */
export async function seedDossierDemo(services: PlatformServices, options: DossierDemoOptions = {}): Promise<SeedReport> {
  const count = options.count ?? 300;
  const days = options.days ?? 60;
  const realNow = services.clock.now();
  const end = localMidnight(realNow);
  const clock = new ManualClock(end.getTime() - (days + 1) * 86_400_000);
  const db = inlineTransactions(services.db);
  const sim: PlatformServices = { ...services, db, clock, newId: createIdGenerator(clock) };
  const rng = createRng(options.seed ?? 2026);

  const teams = await demoTeams(db);
  const citizenRows = await generatedCitizens(db, 420, DEMO_CITIZENS.map((c) => c.id));
  const withAccount = citizenRows.slice(0, options.citizenAccounts ?? 60);
  await createDemoAccounts(sim, teams, withAccount);
  const orgRows = await generatedOrganizations(db, 60, DEMO_ORGANIZATIONS.map((o) => o.taxCode));
  const citizens: SeedOwner[] = [];
  for (const [i, c] of citizenRows.entries()) citizens.push(i < withAccount.length ? { number: c.id_number, name: c.full_name, actor: await actorOf(db, c.id_number) } : { number: c.id_number, name: c.full_name });
  const organizations: SeedOwner[] = orgRows.map((o) => ({ number: o.tax_code, name: o.name }));

  const wardDesks = [{ deskCode: HAI_CHAU_DESK, place: 'Hải Châu' }, ...DEMO_WARDS];
  const desks: PlanDesk[] = [{ deskCode: HAI_CHAU_DESK, kind: 'ward', weight: 20 }, ...DEMO_WARDS.map((w) => ({ deskCode: w.deskCode, kind: 'ward' as const, weight: 17 })), { deskCode: CENTRE_DESK, kind: 'centre', weight: 12 }];
  const deskAgency = new Map<string, string>();
  const calendars = new Map<string, WorkingCalendar>();
  for (const d of desks) {
    const scope = await deskScope(db, d.deskCode);
    if (!scope) throw new Error(`dossier demo: unknown desk ${d.deskCode}`);
    deskAgency.set(d.deskCode, scope.agencyCode);
    calendars.set(d.deskCode, await loadDeskCalendar(db, d.deskCode));
  }
  const calendarOf = (deskCode: string): WorkingCalendar => {
    const cal = calendars.get(deskCode);
    if (!cal) throw new Error(`dossier demo: no calendar for ${deskCode}`);
    return cal;
  };

  const procedures = new Map<string, Procedure>();
  const definitions = new Map<string, ProcessDefinition>();
  const planProcedures: PlanProcedure[] = [];
  for (const [code, weight] of Object.entries(PROCEDURE_WEIGHTS)) {
    const p = await getPublishedProcedure(db, code);
    if (!p) continue;
    procedures.set(code, p);
    if (!definitions.has(p.workflowKey)) {
      const def = await getPublishedDefinition(db, p.workflowKey);
      if (def) definitions.set(p.workflowKey, def);
    }
    planProcedures.push({ code, workflowKey: p.workflowKey, level: p.level, rule: deadlineRuleOf(p), charged: p.fees.length > 0, byOrganization: BY_ORGANIZATION.has(code), weight });
  }

  const plans = planDossiers({ count, end, days, desks, procedures: planProcedures, calendarOf, pools: { citizensWithAccount: withAccount.length, citizens: citizens.length, organizations: organizations.length } }, rng);
  const people = citizenRows.map((c) => ({ name: c.full_name, number: c.id_number, dateOfBirth: c.date_of_birth }));
  const forms = plans.map((plan) => {
    const applicant = plan.owner.kind === 'citizen' ? people[plan.owner.index] : rng.pick(people);
    const org = plan.owner.kind === 'organization' ? orgRows[plan.owner.index] : undefined;
    const procedure = procedures.get(plan.procedureCode);
    const place = wardDesks.find((w) => w.deskCode === plan.deskCode)?.place ?? 'Hải Châu';
    if (!applicant || !procedure) return {};
    return formFor(procedure.eForm, { applicant, others: [rng.pick(people), rng.pick(people), rng.pick(people)], ...(org ? { organization: { name: org.name, taxCode: org.tax_code } } : {}), at: plan.submitAt, place, ...(plan.totalFloorArea ? { totalFloorArea: plan.totalFloorArea } : {}) }, rng);
  });

  let demoFile: { sha256: string } | undefined;
  if (plans.some((p) => p.channel === 'online')) {
    const stored = await new LocalFileStore(join(services.config.dataDir, 'files')).put(Readable.from([DEMO_PDF]), { maxBytes: DEMO_PDF.length, accepted: ['application/pdf'] });
    await recordFile(db, stored, clock.now());
    demoFile = { sha256: stored.sha256 };
  }

  const usernames = [...DEMO_OFFICIALS.map((o) => o.username), ...teams.map((t) => t.username)];
  const officials = await officialsByAgencyRole(db, usernames);
  await runPlans({ services: sim, clock, end, rng, calendarOf, officials, deskAgency, citizens, organizations, procedures, definitions, forms, ...(demoFile ? { demoFile } : {}) }, plans);

  await markHistoryDelivered(db, end);
  return { summary: await summarize(db, realNow, teams.length, withAccount.length), logins: teams.map((t) => ({ username: t.username, password: DEMO_PASSWORD, role: `${t.role} (${t.agencyCode})` })) };
}

/**
 * The notifications of the simulated past were "delivered" at the time: without this the
 * first start would send hundreds of messages about weeks-old events.
 */
async function markHistoryDelivered(db: Kysely<PlatformTables>, end: Date): Promise<void> {
  await dossierDb(db).updateTable('outbox').set((eb) => ({ status: 'sent', sent_at: eb.ref('created_at') })).where('aggregate_type', '=', 'dossier').where('status', '=', 'pending').where('created_at', '<', end.toISOString()).execute();
}

async function summarize(db: Kysely<PlatformTables>, now: Date, officials: number, accounts: number): Promise<string[]> {
  const d = dossierDb(db);
  const byStatus = await d.selectFrom('dossiers').select(['status']).select((eb) => eb.fn.countAll<number>().as('n')).groupBy('status').orderBy('status').execute();
  const total = byStatus.reduce((s, r) => s + Number(r.n), 0);
  const overdue = await d
    .selectFrom('dossiers')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', 'in', [...OPEN_STATUSES])
    .where('due_at', '<', now.toISOString())
    .where('paused_at', 'is', null)
    .executeTakeFirstOrThrow();
  const extra = await d
    .selectFrom('dossiers')
    .select((eb) => [eb.fn.sum<number>('transferred').as('transferred'), eb.fn.sum<number>(eb.case().when('apologies', '>', 0).then(1).else(0).end()).as('apologized')])
    .executeTakeFirstOrThrow();
  const ratings = await d.selectFrom('dossier_ratings').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return [
    `${total} dossiers (${byStatus.map((r) => `${r.status} ${Number(r.n)}`).join(', ')})`,
    `${Number(overdue.n)} overdue, ${Number(extra.transferred ?? 0)} transferred, ${Number(extra.apologized ?? 0)} with an apology, ${Number(ratings.n)} ratings`,
    `${officials} more officials for the dossier demo, ${accounts} citizen accounts`,
  ];
}
