import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { createAccount } from '../../platform/auth/accounts.js';
import type { Role } from '../../platform/auth/roles.js';
import { asPlatformDb } from '../../platform/db/database.js';
import { setPassword } from '../../platform/auth/login.js';
import { auditRequest, authorize, authorizeList } from '../../platform/auth/plugin.js';
import { PageQuery, pageSchema, toPage } from '../../platform/db/paging.js';
import { AppError } from '../../platform/errors.js';
import { problemResponses } from '../../platform/http/problem.js';
import { GrantSchema, NewOfficialSchema, OfficialSchema, type NewOfficial } from './schema.js';
import { findOfficial, listOfficials, upsertOfficial } from './store-people.js';
import { findAgency } from './store-places.js';
import { registryDb } from './tables.js';
import { resolveScopePaths } from './scopes.js';

type Grant = { role: string; scopeKind: 'agency' | 'adminUnit' | 'system'; scopeCode: string };

/** Officials (cán bộ) and their roles: scoped to the agencies an administrator manages. */
export async function officialRoutes(app: FastifyInstance): Promise<void> {
  const tags = ['registry'];

  /**
   * An administrator may only hand out roles inside their own scope: every granted scope
   * must itself be covered by one of their `registry.official.write` grants.
   */
  async function checkGrantable(request: Parameters<typeof authorize>[0], grants: Grant[]) {
    const resolved = await resolveScopePaths(app.services.db, grants.map((g) => ({ ...g, role: g.role as Role })));
    for (const [i, g] of resolved.entries()) {
      if (g.scopeKind !== 'system' && !g.path) {
        throw new AppError('VALIDATION_FAILED', {
          detail: { vi: `Phạm vi ${g.scopeCode} không tồn tại.`, en: `Scope ${g.scopeCode} does not exist.` },
          errors: [{ field: `/body/grants/${i}/scopeCode`, reason: 'unknown', message: { vi: 'Không có cơ quan/đơn vị này', en: 'Unknown agency or unit' } }],
        });
      }
      const resource = g.scopeKind === 'system' ? { agencyPath: '/', unitPath: '/' } : g.scopeKind === 'agency' ? { agencyPath: g.path ?? '' } : { unitPath: g.path ?? '' };
      authorize(request, 'registry.official.write', resource);
      if (g.role === 'systemAdmin' && !request.actor?.grants.some((x) => x.role === 'systemAdmin')) throw new AppError('FORBIDDEN');
    }
  }

  app.get(
    '/registry/officials',
    {
      schema: {
        tags,
        summary: 'Officials of the agencies in the caller\'s scope',
        querystring: Type.Object({ q: Type.Optional(Type.String({ maxLength: 100 })), agencyCode: Type.Optional(Type.String()), ...PageQuery }),
        response: { 200: pageSchema(OfficialSchema), ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const { scope } = authorizeList(request, 'registry.official.read');
      const q = request.query as { q?: string; agencyCode?: string; cursor?: string; limit?: number };
      const limit = q.limit ?? 50;
      const rows = await listOfficials(registryDb(app.services.db), { ...q, limit }, scope);
      return toPage(rows, limit, (r) => [r.name_search, r.id], (r) => ({ id: r.id, username: r.username, fullName: r.full_name, position: { vi: r.position_vi, en: r.position_en }, agencyCode: r.agency_code, email: r.email, status: r.status }));
    },
  );

  app.get(
    '/registry/officials/:id',
    {
      schema: {
        tags,
        summary: 'One official with their role grants',
        params: Type.Object({ id: Type.String() }),
        response: { 200: Type.Object({ official: OfficialSchema, grants: Type.Array(GrantSchema) }), ...problemResponses(401, 403, 404) },
      },
    },
    async (request) => {
      const { id } = request.params as { id: string };
      const db = registryDb(app.services.db);
      const o = await findOfficial(db, id);
      authorize(request, 'registry.official.read', o ? { agencyPath: o.agency_path, unitPath: o.unit_path } : { agencyPath: '/nowhere/' });
      if (!o) throw new AppError('NOT_FOUND');
      const grants = await db.selectFrom('account_roles').select(['role', 'scope_kind', 'scope_code']).where('account_id', '=', o.account_id).orderBy('role').execute();
      return {
        official: { id: o.id, username: o.username, fullName: o.full_name, position: { vi: o.position_vi, en: o.position_en }, agencyCode: o.agency_code, email: o.email, status: o.status },
        grants: grants.map((g) => ({ role: g.role as 'specialist', scopeKind: g.scope_kind as Grant['scopeKind'], scopeCode: g.scope_code })),
      };
    },
  );

  app.post(
    '/registry/officials',
    { schema: { tags, summary: 'Create an official with a login and role grants (within the administrator\'s scope)', body: NewOfficialSchema, response: { 201: OfficialSchema, ...problemResponses(400, 401, 403, 404, 409) } } },
    async (request, reply) => {
      const body = request.body as NewOfficial;
      const db = registryDb(app.services.db);
      const agency = await findAgency(db, body.agencyCode);
      authorize(request, 'registry.official.write', agency ? { agencyPath: agency.path, unitPath: agency.unit_path } : { agencyPath: '/nowhere/' });
      if (!agency) throw new AppError('NOT_FOUND', { detail: { vi: `Không có cơ quan ${body.agencyCode}.`, en: `No agency ${body.agencyCode}.` } });
      await checkGrantable(request, body.grants);
      const services = app.services;
      const now = services.clock.now().toISOString();
      const officialId = await db.transaction().execute(async (trx) => {
        const { id: accountId } = await createAccount({ ...services, db: asPlatformDb(trx) }, { username: body.username, password: body.initialPassword, displayName: body.fullName, kind: 'official', email: body.email ?? null, grants: body.grants.map((g) => ({ role: g.role as Role, scopeKind: g.scopeKind, scopeCode: g.scopeCode })) });
        await upsertOfficial(trx, { accountId, fullName: body.fullName, agencyId: agency.id, position: body.position, email: body.email ?? null, phone: body.phone ?? null }, now, services.newId);
        const row = await trx.selectFrom('officials').select('id').where('account_id', '=', accountId).executeTakeFirstOrThrow();
        await auditRequest(trx, request, { action: 'registry.official.create', target: { type: 'official', id: row.id }, summary: { after: { username: body.username, agencyCode: body.agencyCode, grants: body.grants } } });
        return row.id;
      });
      const o = await findOfficial(db, officialId);
      if (!o) throw new AppError('INTERNAL');
      return reply.code(201).send({ id: o.id, username: o.username, fullName: o.full_name, position: { vi: o.position_vi, en: o.position_en }, agencyCode: o.agency_code, email: o.email, status: o.status });
    },
  );

  app.put(
    '/registry/officials/:id/grants',
    {
      schema: {
        tags,
        summary: 'Replace an official\'s role grants',
        params: Type.Object({ id: Type.String() }),
        body: Type.Object({ grants: Type.Array(GrantSchema, { maxItems: 20 }) }),
        response: { 204: Type.Null(), ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const { id } = request.params as { id: string };
      const { grants } = request.body as { grants: Grant[] };
      const db = registryDb(app.services.db);
      const o = await findOfficial(db, id);
      authorize(request, 'registry.official.write', o ? { agencyPath: o.agency_path, unitPath: o.unit_path } : { agencyPath: '/nowhere/' });
      if (!o) throw new AppError('NOT_FOUND');
      await checkGrantable(request, grants);
      await db.transaction().execute(async (trx) => {
        const before = await trx.selectFrom('account_roles').select(['role', 'scope_kind', 'scope_code']).where('account_id', '=', o.account_id).execute();
        await trx.deleteFrom('account_roles').where('account_id', '=', o.account_id).execute();
        if (grants.length) await trx.insertInto('account_roles').values(grants.map((g) => ({ account_id: o.account_id, role: g.role, scope_kind: g.scopeKind, scope_code: g.scopeCode }))).execute();
        await auditRequest(trx, request, { action: 'registry.official.grants', target: { type: 'official', id }, summary: { before, after: grants } });
      });
      return reply.code(204).send();
    },
  );

  app.post(
    '/registry/officials/:id/reset-password',
    {
      schema: {
        tags,
        summary: 'Reset an official\'s password (signs them out everywhere)',
        params: Type.Object({ id: Type.String() }),
        body: Type.Object({ newPassword: Type.String({ minLength: 10, maxLength: 256 }) }),
        response: { 204: Type.Null(), ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const { id } = request.params as { id: string };
      const { newPassword } = request.body as { newPassword: string };
      const db = registryDb(app.services.db);
      const o = await findOfficial(db, id);
      authorize(request, 'account.resetPassword', o ? { agencyPath: o.agency_path, unitPath: o.unit_path } : { agencyPath: '/nowhere/' });
      if (!o) throw new AppError('NOT_FOUND');
      await db.transaction().execute(async (trx) => {
        await setPassword(asPlatformDb(trx), o.account_id, newPassword, app.services.clock.now());
        await auditRequest(trx, request, { action: 'account.password.reset', target: { type: 'official', id }, summary: {} });
      });
      return reply.code(204).send();
    },
  );
}
