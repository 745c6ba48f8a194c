import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { listPersonalDataAccess, logPersonalDataAccess, PD_PURPOSES, type PdPurpose } from '../../platform/audit/pd-access.js';
import { auditContext, auditRequest, authorize, authorizeList, requireActor } from '../../platform/auth/plugin.js';
import { PageQuery, pageSchema, toPage } from '../../platform/db/paging.js';
import { AppError, type FieldError } from '../../platform/errors.js';
import { problemResponses } from '../../platform/http/problem.js';
import { validateCitizenId } from './domain/citizen-id.js';
import { validateEmail, validatePhone } from './domain/contact.js';
import { validateTaxCode } from './domain/tax-code.js';
import { CitizenSchema, CitizenSummarySchema, NewCitizenSchema, NewOrganizationSchema, OrganizationSchema, OrganizationSummarySchema, type NewCitizen, type NewOrganization } from './schema.js';
import { findCitizen, findOrganization, ownersOf, searchCitizens, searchOrganizations, upsertCitizens, upsertOrganizations } from './store-people.js';
import { findUnitByCode } from './store-places.js';
import { registryDb, type RegistryTables } from './tables.js';

const PurposeQuery = Type.Object({
  purpose: Type.Union(PD_PURPOSES.map((p) => Type.Literal(p)), { description: 'Why the personal data is read (logged: Personal Data Protection Law)' }),
});

/** `048090000001` → `048*******01`: enough to tell people apart in a list, not to identify them. */
export function maskIdNumber(id: string): string {
  return id.length <= 5 ? '*'.repeat(id.length) : `${id.slice(0, 3)}${'*'.repeat(id.length - 5)}${id.slice(-2)}`;
}

const citizenOut = (c: RegistryTables['citizens']) => ({
  id: c.id,
  idNumber: c.id_number,
  fullName: c.full_name,
  dateOfBirth: c.date_of_birth,
  sex: c.sex,
  address: { unitCode: c.address_unit_code, street: c.address_street },
  phone: c.phone,
  email: c.email,
});
const organizationOut = (o: RegistryTables['organizations']) => ({
  id: o.id,
  taxCode: o.tax_code,
  name: o.name,
  englishName: o.english_name,
  legalForm: o.legal_form,
  address: { unitCode: o.address_unit_code, street: o.address_street },
  legalRepresentative: { fullName: o.legal_rep_name, idNumber: o.legal_rep_id_number },
  phone: o.phone,
  email: o.email,
});

function fail(errors: FieldError[]): never {
  throw new AppError('VALIDATION_FAILED', {
    detail: { vi: `Có ${errors.length} trường không hợp lệ.`, en: `${errors.length} field(s) are invalid.` },
    errors,
  });
}

async function checkContactAndUnit(app: FastifyInstance, body: { address: { unitCode: string }; phone?: string; email?: string }, errors: FieldError[]) {
  const today = new Date(app.services.clock.now().getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
  if (!(await findUnitByCode(registryDb(app.services.db), body.address.unitCode, today))) {
    errors.push({ field: '/body/address/unitCode', reason: 'unknown', message: { vi: 'Mã đơn vị hành chính không tồn tại', en: 'Unknown administrative unit code' } });
  }
  if (body.phone) {
    const r = validatePhone(body.phone);
    if (!r.ok) for (const e of r.errors) errors.push({ field: '/body/phone', reason: e.reason, message: e.message });
  }
  if (body.email) {
    const r = validateEmail(body.email);
    if (!r.ok) for (const e of r.errors) errors.push({ field: '/body/email', reason: e.reason, message: e.message });
  }
}

/** Logs that the request's actor read these personal fields. */
async function logRead(request: FastifyRequest, kind: 'citizen' | 'organization', id: string, fields: string[], purpose: PdPurpose) {
  const { db, clock, newId } = request.server.services;
  const { actor, origin } = auditContext(request);
  await logPersonalDataAccess(db, { actor, subjectKind: kind, subjectId: id, fields, purpose, requestId: origin.requestId ?? null }, clock.now(), newId);
}

/** Citizens and organizations: search, read (logged), create; and the personal-data access log. */
export async function peopleRoutes(app: FastifyInstance): Promise<void> {
  const tags = ['registry'];

  app.get(
    '/registry/citizens',
    {
      schema: {
        tags,
        summary: 'Search citizens by name (diacritics optional) or the start of the ID number; numbers are masked',
        querystring: Type.Object({ q: Type.Optional(Type.String({ maxLength: 100 })), ...PageQuery }),
        response: { 200: pageSchema(CitizenSummarySchema), ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const { scope } = authorizeList(request, 'registry.citizen.read');
      const q = request.query as { q?: string; cursor?: string; limit?: number };
      const limit = q.limit ?? 50;
      const rows = await searchCitizens(registryDb(app.services.db), { ...q, limit }, scope);
      return toPage(rows, limit, (r) => [r.name_search, r.id], (r) => ({ id: r.id, fullName: r.full_name, idNumberMasked: maskIdNumber(r.id_number), birthYear: Number(r.date_of_birth.slice(0, 4)), sex: r.sex }));
    },
  );

  app.get(
    '/registry/citizens/:id',
    {
      schema: {
        tags,
        summary: 'A citizen\'s record with personal data; the read is logged with its purpose',
        params: Type.Object({ id: Type.String() }),
        querystring: PurposeQuery,
        response: { 200: CitizenSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { id } = request.params as { id: string };
      const { purpose } = request.query as { purpose: PdPurpose };
      const db = registryDb(app.services.db);
      const citizen = await findCitizen(db, id);
      const owners = citizen ? await ownersOf(db, 'citizen', citizen.id, citizen.account_id) : [];
      authorize(request, 'registry.citizen.read', citizen ? { global: request.actor?.kind === 'official', ownerAccountIds: owners } : { ownerAccountIds: [] });
      if (!citizen) throw new AppError('NOT_FOUND');
      await logRead(request, 'citizen', citizen.id, ['idNumber', 'dateOfBirth', 'address', 'phone', 'email'], purpose);
      return citizenOut(citizen);
    },
  );

  app.post(
    '/registry/citizens',
    {
      schema: {
        tags,
        summary: 'Register a citizen (e.g. a walk-in applicant); the ID number is checked against date of birth and sex',
        body: NewCitizenSchema,
        response: { 201: CitizenSchema, ...problemResponses(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      // Citizens register through their own account (VNeID), not through this registry form.
      if (requireActor(request).kind !== 'official') throw new AppError('FORBIDDEN');
      authorize(request, 'registry.citizen.write', { global: true });
      const body = request.body as NewCitizen;
      const errors: FieldError[] = [];
      const idCheck = validateCitizenId(body.idNumber, { dateOfBirth: body.dateOfBirth, sex: body.sex });
      if (!idCheck.ok) for (const e of idCheck.errors) errors.push({ field: '/body/idNumber', reason: e.reason, message: e.message });
      await checkContactAndUnit(app, body, errors);
      if (errors.length) fail(errors);
      const db = registryDb(app.services.db);
      if (await db.selectFrom('citizens').select('id').where('id_number', '=', body.idNumber).executeTakeFirst()) {
        throw new AppError('CONFLICT', { detail: { vi: 'Số định danh cá nhân này đã có trong cơ sở dữ liệu.', en: 'This identification number is already registered.' } });
      }
      const names = body.fullName.trim().split(/\s+/);
      const { clock, newId } = app.services;
      await db.transaction().execute(async (trx) => {
        await upsertCitizens(trx, [{ id: body.idNumber, fullName: names.join(' '), surname: names[0] ?? '', middleName: names.slice(1, -1).join(' '), givenName: names[names.length - 1] ?? '', sex: body.sex, dateOfBirth: body.dateOfBirth, address: body.address, phone: body.phone ?? '', email: body.email ?? '' }], clock.now().toISOString(), newId);
        const row = await trx.selectFrom('citizens').select('id').where('id_number', '=', body.idNumber).executeTakeFirstOrThrow();
        await auditRequest(trx, request, { action: 'registry.citizen.create', target: { type: 'citizen', id: row.id }, summary: { after: { fields: Object.keys(body) } } });
      });
      const created = await db.selectFrom('citizens').selectAll().where('id_number', '=', body.idNumber).executeTakeFirstOrThrow();
      return reply.code(201).send(citizenOut(created));
    },
  );

  app.get(
    '/registry/organizations',
    {
      schema: {
        tags,
        summary: 'Search organizations by name or the start of the tax code',
        querystring: Type.Object({ q: Type.Optional(Type.String({ maxLength: 100 })), ...PageQuery }),
        response: { 200: pageSchema(OrganizationSummarySchema), ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const { scope } = authorizeList(request, 'registry.organization.read');
      const q = request.query as { q?: string; cursor?: string; limit?: number };
      const limit = q.limit ?? 50;
      const rows = await searchOrganizations(registryDb(app.services.db), { ...q, limit }, scope);
      return toPage(rows, limit, (r) => [r.name_search, r.id], (r) => ({ id: r.id, taxCode: r.tax_code, name: r.name, legalForm: r.legal_form, unitCode: r.address_unit_code }));
    },
  );

  app.get(
    '/registry/organizations/:id',
    {
      schema: {
        tags,
        summary: 'An organization\'s record; reading its contact data and representative is logged',
        params: Type.Object({ id: Type.String() }),
        querystring: PurposeQuery,
        response: { 200: OrganizationSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { id } = request.params as { id: string };
      const { purpose } = request.query as { purpose: PdPurpose };
      const db = registryDb(app.services.db);
      const org = await findOrganization(db, id);
      const owners = org ? await ownersOf(db, 'organization', org.id, null) : [];
      authorize(request, 'registry.organization.read', org ? { global: request.actor?.kind === 'official', ownerAccountIds: owners } : { ownerAccountIds: [] });
      if (!org) throw new AppError('NOT_FOUND');
      await logRead(request, 'organization', org.id, ['legalRepresentative', 'address', 'phone', 'email'], purpose);
      return organizationOut(org);
    },
  );

  app.post(
    '/registry/organizations',
    { schema: { tags, summary: 'Register an organization; the tax code\'s check digit is verified', body: NewOrganizationSchema, response: { 201: OrganizationSchema, ...problemResponses(400, 401, 403, 409) } } },
    async (request, reply) => {
      // Citizens register through their own account (VNeID), not through this registry form.
      if (requireActor(request).kind !== 'official') throw new AppError('FORBIDDEN');
      authorize(request, 'registry.organization.write', { global: true });
      const body = request.body as NewOrganization;
      const errors: FieldError[] = [];
      const tax = validateTaxCode(body.taxCode);
      if (!tax.ok) for (const e of tax.errors) errors.push({ field: '/body/taxCode', reason: e.reason, message: e.message });
      if (body.legalRepresentative.idNumber) {
        const rep = validateCitizenId(body.legalRepresentative.idNumber);
        if (!rep.ok) for (const e of rep.errors) errors.push({ field: '/body/legalRepresentative/idNumber', reason: e.reason, message: e.message });
      }
      await checkContactAndUnit(app, body, errors);
      if (errors.length) fail(errors);
      const taxCode = tax.ok ? tax.code : body.taxCode;
      const db = registryDb(app.services.db);
      if (await db.selectFrom('organizations').select('id').where('tax_code', '=', taxCode).executeTakeFirst()) {
        throw new AppError('CONFLICT', { detail: { vi: 'Mã số thuế này đã có trong cơ sở dữ liệu.', en: 'This tax code is already registered.' } });
      }
      const { clock, newId } = app.services;
      await db.transaction().execute(async (trx) => {
        await upsertOrganizations(trx, [{ taxCode, name: body.name, englishName: body.englishName ?? '', legalForm: (body.legalForm ?? 'multiMemberLlc') as 'multiMemberLlc', legalRepresentative: { fullName: body.legalRepresentative.fullName, citizenId: body.legalRepresentative.idNumber ?? '' }, address: body.address, phone: body.phone ?? '', email: body.email ?? '', registeredOn: '' }], clock.now().toISOString(), newId);
        const row = await trx.selectFrom('organizations').select('id').where('tax_code', '=', taxCode).executeTakeFirstOrThrow();
        await auditRequest(trx, request, { action: 'registry.organization.create', target: { type: 'organization', id: row.id }, summary: { after: { taxCode, name: body.name } } });
      });
      const created = await db.selectFrom('organizations').selectAll().where('tax_code', '=', taxCode).executeTakeFirstOrThrow();
      return reply.code(201).send(organizationOut(created));
    },
  );

  app.get(
    '/registry/:kind/:id/access-log',
    {
      schema: {
        tags,
        summary: 'Who read this person\'s or organization\'s personal data, when and why (system administrators)',
        params: Type.Object({ kind: Type.Union([Type.Literal('citizens'), Type.Literal('organizations')]), id: Type.String() }),
        response: {
          200: Type.Object({ items: Type.Array(Type.Object({ at: Type.String(), actorId: Type.String(), actorLabel: Type.String(), fields: Type.Array(Type.String()), purpose: Type.String(), requestId: Type.Union([Type.String(), Type.Null()]) })) }),
          ...problemResponses(401, 403, 404),
        },
      },
    },
    async (request) => {
      authorize(request, 'pdlog.read', { global: true });
      const { kind, id } = request.params as { kind: 'citizens' | 'organizations'; id: string };
      const subjectKind = kind === 'citizens' ? 'citizen' : 'organization';
      return { items: await listPersonalDataAccess(app.services.db, subjectKind, id) };
    },
  );
}
