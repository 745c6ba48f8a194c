import rateLimit from '@fastify/rate-limit';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { recordAudit } from '../audit/audit.js';
import { AppError } from '../errors.js';
import { problemResponses } from '../http/problem.js';
import { checkCredentials, setPassword } from './login.js';
import { auditRequest, CSRF_COOKIE, loadActor, requireActor, SESSION_COOKIE } from './plugin.js';
import { listSessions, openSession, revokeSession, SESSION_ABSOLUTE_MS } from './sessions.js';
import { hashSecret, newSecret } from './tokens.js';
import { verifyPassword } from './passwords.js';

const GrantSchema = Type.Object({ role: Type.String(), scopeKind: Type.String(), scopeCode: Type.String() });
const MeSchema = Type.Object({
  accountId: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  kind: Type.String(),
  grants: Type.Array(GrantSchema),
});
const SessionSchema = Type.Object({
  id: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  lastSeenAt: Type.String({ format: 'date-time' }),
  expiresAt: Type.String({ format: 'date-time' }),
  userAgent: Type.Union([Type.String(), Type.Null()]),
  ip: Type.Union([Type.String(), Type.Null()]),
  current: Type.Boolean(),
});
const TokenSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  prefix: Type.String(),
  createdAt: Type.String(),
  expiresAt: Type.Union([Type.String(), Type.Null()]),
  lastUsedAt: Type.Union([Type.String(), Type.Null()]),
});


function me(request: FastifyRequest) {
  const a = requireActor(request);
  return {
    accountId: a.accountId,
    username: a.username,
    displayName: a.displayName,
    kind: a.kind,
    grants: a.grants.map((g) => ({ role: g.role, scopeKind: g.scopeKind, scopeCode: g.scopeCode })),
  };
}

function setSessionCookies(request: FastifyRequest, reply: FastifyReply, token: string, csrf: string) {
  const secure = request.protocol === 'https';
  const maxAge = Math.floor(SESSION_ABSOLUTE_MS / 1000);
  reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure, maxAge });
  // Readable by the web app, which echoes it in X-CSRF-Token on mutations.
  reply.setCookie(CSRF_COOKIE, csrf, { path: '/', httpOnly: false, sameSite: 'lax', secure, maxAge });
}

/** Login, logout, own account, sessions and API tokens under `/api/v1/auth`. */
export async function authRoutes(app: FastifyInstance): Promise<void> {
  await app.register(rateLimit, { global: false });
  const tags = ['auth'];
  // Per client address (ARCHITECTURE.md: rate limits on login).
  const LOGIN_RATE_LIMIT = { max: app.services.config.loginRateLimit, timeWindow: '1 minute' };

  app.post(
    '/auth/login',
    {
      config: { rateLimit: LOGIN_RATE_LIMIT },
      schema: {
        tags,
        summary: 'Log in with username and password (sets the session cookie)',
        body: Type.Object({ username: Type.String({ minLength: 1, maxLength: 100 }), password: Type.String({ minLength: 1, maxLength: 256 }) }),
        response: { 200: Type.Object({ account: MeSchema, csrfToken: Type.String(), expiresAt: Type.String() }), ...problemResponses(400, 401, 403, 423, 429) },
      },
    },
    async (request, reply) => {
      const { db, clock, newId, log } = app.services;
      const body = request.body as { username: string; password: string };
      const now = clock.now();
      const { accountId } = await checkCredentials(db, body.username, body.password, now);
      const session = await db.transaction().execute(async (trx) => {
        const s = await openSession(trx, { id: newId(), accountId, now, userAgent: request.headers['user-agent'] ?? null, ip: request.ip });
        await recordAudit(trx, { actor: { id: accountId, label: body.username.toLowerCase() }, action: 'auth.login', target: { type: 'account', id: accountId }, summary: { sessionId: s.id }, origin: { requestId: String(request.id), ip: request.ip } }, now, newId);
        return s;
      });
      log.info({ accountId }, 'login');
      setSessionCookies(request, reply, session.token, session.csrfToken);
      request.actor = await loadActor(db, app.resolveScopes, accountId, 'session', session.id);
      return { account: me(request), csrfToken: session.csrfToken, expiresAt: session.expiresAt };
    },
  );

  app.post(
    '/auth/logout',
    { schema: { tags, summary: 'Log out (revokes this session)', response: { 204: Type.Null(), ...problemResponses(401) } } },
    async (request, reply) => {
      const actor = requireActor(request);
      const { db, clock } = app.services;
      if (actor.sessionId) {
        const now = clock.now();
        await db.transaction().execute(async (trx) => {
          await revokeSession(trx, actor.accountId, actor.sessionId as string, now);
          await auditRequest(trx, request, { action: 'auth.logout', target: { type: 'account', id: actor.accountId }, summary: { sessionId: actor.sessionId } });
        });
      }
      reply.clearCookie(SESSION_COOKIE, { path: '/' }).clearCookie(CSRF_COOKIE, { path: '/' });
      return reply.code(204).send();
    },
  );

  app.get('/auth/me', { schema: { tags, summary: 'The logged-in account and its roles', response: { 200: MeSchema, ...problemResponses(401) } } }, async (request) => me(request));

  app.post(
    '/auth/password',
    {
      config: { rateLimit: LOGIN_RATE_LIMIT },
      schema: {
        tags,
        summary: 'Change own password (signs out every other session)',
        body: Type.Object({ currentPassword: Type.String({ minLength: 1 }), newPassword: Type.String({ minLength: 10, maxLength: 256 }) }),
        response: { 204: Type.Null(), ...problemResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const { db, clock } = app.services;
      const body = request.body as { currentPassword: string; newPassword: string };
      const account = await db.selectFrom('accounts').select('password_hash').where('id', '=', actor.accountId).executeTakeFirstOrThrow();
      if (!(await verifyPassword(account.password_hash, body.currentPassword))) throw new AppError('INVALID_CREDENTIALS');
      const now = clock.now();
      await db.transaction().execute(async (trx) => {
        await setPassword(trx, actor.accountId, body.newPassword, now, actor.sessionId);
        await auditRequest(trx, request, { action: 'auth.password.change', target: { type: 'account', id: actor.accountId }, summary: {} });
      });
      return reply.code(204).send();
    },
  );

  app.get(
    '/auth/sessions',
    { schema: { tags, summary: 'Own live sessions', response: { 200: Type.Object({ items: Type.Array(SessionSchema) }), ...problemResponses(401) } } },
    async (request) => {
      const actor = requireActor(request);
      const rows = await listSessions(app.services.db, actor.accountId, app.services.clock.now());
      return {
        items: rows.map((r) => ({ id: r.id, createdAt: r.created_at, lastSeenAt: r.last_seen_at, expiresAt: r.expires_at, userAgent: r.user_agent, ip: r.ip, current: r.id === actor.sessionId })),
      };
    },
  );

  app.delete(
    '/auth/sessions/:id',
    { schema: { tags, summary: 'Revoke one of own sessions', params: Type.Object({ id: Type.String() }), response: { 204: Type.Null(), ...problemResponses(401, 404) } } },
    async (request, reply) => {
      const actor = requireActor(request);
      const { id } = request.params as { id: string };
      const { db, clock } = app.services;
      const now = clock.now();
      const done = await db.transaction().execute(async (trx) => {
        const revoked = await revokeSession(trx, actor.accountId, id, now);
        if (revoked) {
          await auditRequest(trx, request, { action: 'auth.session.revoke', target: { type: 'session', id }, summary: {} });
        }
        return revoked;
      });
      if (!done) throw new AppError('NOT_FOUND');
      return reply.code(204).send();
    },
  );

  app.post(
    '/auth/tokens',
    {
      schema: {
        tags,
        summary: 'Create an API token for integrations (shown once)',
        body: Type.Object({ name: Type.String({ minLength: 1, maxLength: 100 }), expiresInDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 730 })) }),
        response: { 201: Type.Object({ id: Type.String(), token: Type.String(), prefix: Type.String(), expiresAt: Type.Union([Type.String(), Type.Null()]) }), ...problemResponses(400, 401) },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const body = request.body as { name: string; expiresInDays?: number };
      const { db, clock, newId } = app.services;
      const now = clock.now();
      const token = newSecret('egov_');
      const id = newId();
      const expiresAt = body.expiresInDays ? new Date(now.getTime() + body.expiresInDays * 86_400_000).toISOString() : null;
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('api_tokens')
          .values({ id, account_id: actor.accountId, name: body.name, token_hash: hashSecret(token), prefix: token.slice(0, 12), created_at: now.toISOString(), expires_at: expiresAt, last_used_at: null, revoked_at: null })
          .execute();
        await auditRequest(trx, request, { action: 'auth.token.create', target: { type: 'apiToken', id }, summary: { name: body.name } });
      });
      return reply.code(201).send({ id, token, prefix: token.slice(0, 12), expiresAt });
    },
  );

  app.get(
    '/auth/tokens',
    { schema: { tags, summary: 'Own API tokens (without secrets)', response: { 200: Type.Object({ items: Type.Array(TokenSchema) }), ...problemResponses(401) } } },
    async (request) => {
      const actor = requireActor(request);
      const rows = await app.services.db
        .selectFrom('api_tokens')
        .select(['id', 'name', 'prefix', 'created_at', 'expires_at', 'last_used_at'])
        .where('account_id', '=', actor.accountId)
        .where('revoked_at', 'is', null)
        .orderBy('created_at', 'desc')
        .execute();
      return { items: rows.map((r) => ({ id: r.id, name: r.name, prefix: r.prefix, createdAt: r.created_at, expiresAt: r.expires_at, lastUsedAt: r.last_used_at })) };
    },
  );

  app.delete(
    '/auth/tokens/:id',
    { schema: { tags, summary: 'Revoke an own API token', params: Type.Object({ id: Type.String() }), response: { 204: Type.Null(), ...problemResponses(401, 404) } } },
    async (request, reply) => {
      const actor = requireActor(request);
      const { id } = request.params as { id: string };
      const { db, clock } = app.services;
      const now = clock.now();
      const done = await db.transaction().execute(async (trx) => {
        const r = await trx.updateTable('api_tokens').set({ revoked_at: now.toISOString() }).where('id', '=', id).where('account_id', '=', actor.accountId).where('revoked_at', 'is', null).executeTakeFirst();
        if (Number(r.numUpdatedRows) === 0) return false;
        await auditRequest(trx, request, { action: 'auth.token.revoke', target: { type: 'apiToken', id }, summary: {} });
        return true;
      });
      if (!done) throw new AppError('NOT_FOUND');
      return reply.code(204).send();
    },
  );
}
