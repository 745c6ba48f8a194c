import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { auditRequest, authorize } from '../../platform/auth/plugin.js';
import { PageQuery, pageSchema, toPage } from '../../platform/db/paging.js';
import { AppError } from '../../platform/errors.js';
import { problemResponses } from '../../platform/http/problem.js';
import type { AdminUnit } from './domain/admin-units.js';
import { registryChanged } from './directory.js';
import { validateAgencyCode, type Agency } from './domain/agencies.js';
import { AgencySchema, DeskSchema, IsoDate, NewAgencySchema, NewDeskSchema, NewUnitSchema, UnitSchema, type NewAgency, type NewUnit } from './schema.js';
import { findAgency, findUnitByCode, listAgencies, listDesks, listUnits, upsertAgencies, upsertDesks, upsertUnits } from './store-places.js';
import { registryDb, type RegistryTables } from './tables.js';

type UnitRow = RegistryTables['admin_units'] & { parent_code: string | null };
type AgencyRow = RegistryTables['agencies'] & { unit_code: string; parent_code: string | null };

const unitOut = (u: UnitRow) => ({
  id: u.id,
  code: u.code,
  name: { vi: u.name_vi, en: u.name_en },
  shortName: u.short_name,
  level: u.level,
  kind: u.kind,
  parentCode: u.parent_code,
  validFrom: u.valid_from,
  validTo: u.valid_to,
  successorCode: u.successor_code,
});
const agencyOut = (a: AgencyRow) => ({
  id: a.id,
  code: a.code,
  name: { vi: a.name_vi, en: a.name_en },
  type: a.type,
  unitCode: a.unit_code,
  parentCode: a.parent_code,
  validFrom: a.valid_from,
  validTo: a.valid_to,
  successorCode: a.successor_code,
});

function notFound(what: { vi: string; en: string }): AppError {
  return new AppError('NOT_FOUND', { detail: what });
}

function today(app: FastifyInstance): string {
  return new Date(app.services.clock.now().getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

/** Administrative units, agencies and reception desks: public reads, scoped admin writes. */
export async function placeRoutes(app: FastifyInstance): Promise<void> {
  const tags = ['registry'];

  app.get(
    '/registry/units',
    {
      schema: {
        tags,
        summary: 'Administrative units valid on a day (default today), searchable without diacritics',
        querystring: Type.Object({ date: Type.Optional(IsoDate), parentCode: Type.Optional(Type.String()), level: Type.Optional(Type.Union([Type.Literal('province'), Type.Literal('district'), Type.Literal('commune')])), q: Type.Optional(Type.String({ maxLength: 100 })), ...PageQuery }),
        response: { 200: pageSchema(UnitSchema), ...problemResponses(400) },
      },
    },
    async (request) => {
      const q = request.query as { date?: string; parentCode?: string; level?: 'province' | 'district' | 'commune'; q?: string; cursor?: string; limit?: number };
      const limit = q.limit ?? 50;
      const rows = await listUnits(registryDb(app.services.db), { ...q, date: q.date ?? today(app), limit });
      return toPage(rows, limit, (r) => [r.name_search, r.id], unitOut);
    },
  );

  app.get(
    '/registry/units/:code',
    {
      schema: {
        tags,
        summary: 'One administrative unit as it was on a day (codes are reused over time), with its ancestors',
        params: Type.Object({ code: Type.String() }),
        querystring: Type.Object({ date: Type.Optional(IsoDate) }),
        response: { 200: Type.Object({ unit: UnitSchema, ancestors: Type.Array(UnitSchema) }), ...problemResponses(404) },
      },
    },
    async (request) => {
      const { code } = request.params as { code: string };
      const { date } = request.query as { date?: string };
      const db = registryDb(app.services.db);
      const unit = await findUnitByCode(db, code, date ?? today(app));
      if (!unit) throw notFound({ vi: `Không có đơn vị hành chính mã ${code} vào ngày đó.`, en: `No administrative unit ${code} on that day.` });
      const ids = unit.path.split('/').filter((s) => s && s !== unit.id);
      const ancestors = ids.length
        ? await db.selectFrom('admin_units as u').leftJoin('admin_units as p', 'p.id', 'u.parent_id').selectAll('u').select('p.code as parent_code').where('u.id', 'in', ids).execute()
        : [];
      ancestors.sort((a, b) => a.path.length - b.path.length);
      const parent = ancestors[ancestors.length - 1];
      return { unit: unitOut({ ...unit, parent_code: parent?.code ?? null }), ancestors: ancestors.map(unitOut) };
    },
  );

  app.post(
    '/registry/units',
    { schema: { tags, summary: 'Create an administrative unit (system administrators)', body: NewUnitSchema, response: { 201: UnitSchema, ...problemResponses(400, 401, 403, 409) } } },
    async (request, reply) => {
      authorize(request, 'registry.unit.write', { global: true });
      const body = request.body as NewUnit;
      const db = registryDb(app.services.db);
      const { clock, newId } = app.services;
      if (body.parentCode && !(await findUnitByCode(db, body.parentCode, body.validFrom))) {
        throw new AppError('VALIDATION_FAILED', {
          detail: { vi: `Đơn vị cấp trên ${body.parentCode} không tồn tại vào ngày ${body.validFrom}.`, en: `Parent unit ${body.parentCode} does not exist on ${body.validFrom}.` },
          errors: [{ field: '/body/parentCode', reason: 'unknown', message: { vi: 'Không có đơn vị cấp trên này', en: 'Unknown parent unit' } }],
        });
      }
      const clash = await findUnitByCode(db, body.code, body.validFrom);
      if (clash) throw new AppError('CONFLICT', { detail: { vi: `Mã ${body.code} đang được đơn vị khác sử dụng vào ngày đó.`, en: `Code ${body.code} is held by another unit on that day.` } });
      await db.transaction().execute(async (trx) => {
        await upsertUnits(trx, [{ ...body, kind: body.kind as AdminUnit['kind'] }], clock.now().toISOString(), newId);
        await auditRequest(trx, request, { action: 'registry.unit.create', target: { type: 'adminUnit', id: `${body.code}@${body.validFrom}` }, summary: { after: body } });
      });
      const unit = await findUnitByCode(db, body.code, body.validFrom);
      return reply.code(201).send(unitOut({ ...(unit as RegistryTables['admin_units']), parent_code: body.parentCode ?? null }));
    },
  );

  app.get(
    '/registry/agencies',
    {
      schema: {
        tags,
        summary: 'Agencies (cơ quan, đơn vị), searchable by name or code without diacritics',
        querystring: Type.Object({ q: Type.Optional(Type.String({ maxLength: 100 })), unitCode: Type.Optional(Type.String()), type: Type.Optional(Type.String()), date: Type.Optional(IsoDate), ...PageQuery }),
        response: { 200: pageSchema(AgencySchema), ...problemResponses(400) },
      },
    },
    async (request) => {
      const q = request.query as { q?: string; unitCode?: string; type?: string; date?: string; cursor?: string; limit?: number };
      const limit = q.limit ?? 50;
      const rows = await listAgencies(registryDb(app.services.db), { ...q, limit });
      return toPage(rows, limit, (r) => [r.name_search, r.id], agencyOut);
    },
  );

  app.get(
    '/registry/agencies/:code',
    { schema: { tags, summary: 'One agency with its reception desks', params: Type.Object({ code: Type.String() }), response: { 200: Type.Object({ agency: AgencySchema, desks: Type.Array(DeskSchema) }), ...problemResponses(404) } } },
    async (request) => {
      const { code } = request.params as { code: string };
      const db = registryDb(app.services.db);
      const agency = await findAgency(db, code);
      if (!agency) throw notFound({ vi: `Không có cơ quan mã ${code}.`, en: `No agency ${code}.` });
      const desks = await listDesks(db, agency.id);
      return { agency: agencyOut(agency), desks: desks.map((d) => ({ id: d.id, code: d.code, name: { vi: d.name_vi, en: d.name_en }, agencyCode: agency.code })) };
    },
  );

  app.post(
    '/registry/agencies',
    {
      schema: {
        tags,
        summary: 'Create an agency: system administrators anywhere, agency administrators below their own agency',
        body: NewAgencySchema,
        response: { 201: AgencySchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const body = request.body as NewAgency;
      const db = registryDb(app.services.db);
      const parent = body.parentCode ? await findAgency(db, body.parentCode) : undefined;
      // A new agency sits under its parent: whoever administers the parent may create it.
      authorize(request, 'registry.agency.write', parent ? { agencyPath: parent.path, unitPath: parent.unit_path } : { agencyPath: '/', unitPath: '/' });
      if (body.parentCode && !parent) throw notFound({ vi: `Không có cơ quan cấp trên ${body.parentCode}.`, en: `No parent agency ${body.parentCode}.` });
      const codeCheck = validateAgencyCode(body.code);
      if (!codeCheck.ok) throw new AppError('VALIDATION_FAILED', { detail: codeCheck.message, errors: [{ field: '/body/code', reason: 'format', message: codeCheck.message }] });
      if (await findAgency(db, body.code)) throw new AppError('CONFLICT', { detail: { vi: `Mã cơ quan ${body.code} đã tồn tại.`, en: `Agency code ${body.code} already exists.` } });
      if (!(await findUnitByCode(db, body.unitCode, body.validFrom))) {
        throw new AppError('VALIDATION_FAILED', {
          detail: { vi: `Đơn vị hành chính ${body.unitCode} không tồn tại vào ngày ${body.validFrom}.`, en: `Administrative unit ${body.unitCode} does not exist on ${body.validFrom}.` },
          errors: [{ field: '/body/unitCode', reason: 'unknown', message: { vi: 'Không có đơn vị hành chính này', en: 'Unknown administrative unit' } }],
        });
      }
      const { clock, newId } = app.services;
      await db.transaction().execute(async (trx) => {
        await upsertAgencies(trx, [{ code: body.code, name: body.name, type: body.type as Agency['type'], adminUnitCode: body.unitCode, ...(body.parentCode ? { parentCode: body.parentCode } : {}), validFrom: body.validFrom, ...(body.validTo ? { validTo: body.validTo } : {}) }], clock.now().toISOString(), newId);
        await auditRequest(trx, request, { action: 'registry.agency.create', target: { type: 'agency', id: body.code }, summary: { after: body } });
      });
      return reply.code(201).send(agencyOut((await findAgency(db, body.code)) as AgencyRow));
    },
  );

  app.patch(
    '/registry/agencies/:code',
    {
      schema: {
        tags,
        summary: 'Rename an agency or end its validity (its administrators or system administrators)',
        params: Type.Object({ code: Type.String() }),
        body: Type.Object({ name: Type.Optional(Type.Object({ vi: Type.String({ minLength: 1 }), en: Type.String({ minLength: 1 }) })), validTo: Type.Optional(Type.Union([IsoDate, Type.Null()])), successorCode: Type.Optional(Type.Union([Type.String(), Type.Null()])) }, { minProperties: 1 }),
        response: { 200: AgencySchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { code } = request.params as { code: string };
      const body = request.body as { name?: { vi: string; en: string }; validTo?: string | null; successorCode?: string | null };
      const db = registryDb(app.services.db);
      const agency = await findAgency(db, code);
      authorize(request, 'registry.agency.write', agency ? { agencyPath: agency.path, unitPath: agency.unit_path } : { agencyPath: '/nowhere/' });
      if (!agency) throw notFound({ vi: `Không có cơ quan mã ${code}.`, en: `No agency ${code}.` });
      const now = app.services.clock.now().toISOString();
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('agencies')
          .set({
            ...(body.name ? { name_vi: body.name.vi, name_en: body.name.en } : {}),
            ...(body.validTo !== undefined ? { valid_to: body.validTo } : {}),
            ...(body.successorCode !== undefined ? { successor_code: body.successorCode } : {}),
            updated_at: now,
          })
          .where('id', '=', agency.id)
          .execute();
        await registryChanged(trx, now);
        await auditRequest(trx, request, { action: 'registry.agency.update', target: { type: 'agency', id: code }, summary: { before: { name: agency.name_vi, validTo: agency.valid_to }, after: body } });
      });
      return agencyOut((await findAgency(db, code)) as AgencyRow);
    },
  );

  app.post(
    '/registry/agencies/:code/desks',
    {
      schema: {
        tags,
        summary: 'Add a reception desk (bộ phận một cửa) to an agency',
        params: Type.Object({ code: Type.String() }),
        body: NewDeskSchema,
        response: { 201: DeskSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const { code } = request.params as { code: string };
      const body = request.body as { code: string; name: { vi: string; en: string } };
      const db = registryDb(app.services.db);
      const agency = await findAgency(db, code);
      authorize(request, 'registry.agency.write', agency ? { agencyPath: agency.path, unitPath: agency.unit_path } : { agencyPath: '/nowhere/' });
      if (!agency) throw notFound({ vi: `Không có cơ quan mã ${code}.`, en: `No agency ${code}.` });
      if (await db.selectFrom('reception_desks').select('id').where('code', '=', body.code).executeTakeFirst()) {
        throw new AppError('CONFLICT', { detail: { vi: `Mã bộ phận một cửa ${body.code} đã tồn tại.`, en: `Desk code ${body.code} already exists.` } });
      }
      const { clock, newId } = app.services;
      await db.transaction().execute(async (trx) => {
        await upsertDesks(trx, [{ code: body.code, name: body.name, agencyCode: code, adminUnitCode: agency.unit_code }], clock.now().toISOString(), newId);
        await auditRequest(trx, request, { action: 'registry.desk.create', target: { type: 'receptionDesk', id: body.code }, summary: { after: body } });
      });
      const desk = await db.selectFrom('reception_desks').selectAll().where('code', '=', body.code).executeTakeFirstOrThrow();
      return reply.code(201).send({ id: desk.id, code: desk.code, name: { vi: desk.name_vi, en: desk.name_en }, agencyCode: code });
    },
  );
}
