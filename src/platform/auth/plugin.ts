import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Kysely } from 'kysely';
import { recordAudit, type AuditActor, type AuditEntry, type RequestOrigin } from '../audit/audit.js';
import type { AnyDb } from '../db/database.js';
import type { PlatformTables } from '../db/tables.js';
import { AppError } from '../errors.js';
import { can, scopeFilter, type Actor, type Permission, type ResolvedGrant, type Resource, type ScopeFilter } from './authorize.js';
import type { RoleGrant } from './roles.js';
import { findSession } from './sessions.js';
import { hashSecret, safeEqual } from './tokens.js';

export const SESSION_COOKIE = 'egov_session';
export const CSRF_COOKIE = 'egov_csrf';
export const CSRF_HEADER = 'x-csrf-token';

/**
 * Resolves agency and unit codes of grants to scope paths. The registry module provides
 * it (the platform does not read registry tables); without one, scoped grants cover nothing.
 */
export type ScopePathResolver = (db: Kysely<PlatformTables>, grants: readonly RoleGrant[]) => Promise<ResolvedGrant[]>;

declare module 'fastify' {
  interface FastifyRequest {
    /** The authenticated actor, if any. */
    actor: Actor | undefined;
  }
  interface FastifyInstance {
    /** Resolves grant scopes to paths (provided by the registry module). */
    resolveScopes: ScopePathResolver | undefined;
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const TOKEN_TOUCH_MS = 60_000;

/** Loads an account and its grants as an actor. */
export async function loadActor(
  db: Kysely<PlatformTables>,
  resolve: ScopePathResolver | undefined,
  accountId: string,
  via: Actor['via'],
  sessionId?: string,
): Promise<Actor | undefined> {
  const account = await db
    .selectFrom('accounts')
    .select(['id', 'username', 'display_name', 'kind', 'status'])
    .where('id', '=', accountId)
    .executeTakeFirst();
  if (!account || account.status !== 'active') return undefined;
  const rows = await db.selectFrom('account_roles').select(['role', 'scope_kind', 'scope_code']).where('account_id', '=', accountId).execute();
  const grants = rows.map((r) => ({ role: r.role, scopeKind: r.scope_kind, scopeCode: r.scope_code }) as RoleGrant);
  const resolved = resolve ? await resolve(db, grants) : grants.map((g) => ({ ...g }));
  return {
    accountId: account.id,
    username: account.username,
    displayName: account.display_name,
    kind: account.kind,
    grants: resolved,
    via,
    ...(sessionId ? { sessionId } : {}),
  };
}

/**
 * Authentication for every request: a session cookie (browser) or a bearer API token
 * (integrations). Cookie-authenticated mutations must echo the session's CSRF token in the
 * `X-CSRF-Token` header.
 */
export const authPlugin = fp(
  async (app: FastifyInstance, opts: { resolveScopes?: ScopePathResolver }) => {
    await app.register(cookie);
    app.decorateRequest('actor', undefined);
    app.decorate('resolveScopes', opts.resolveScopes);
    app.addHook('onRequest', async (request) => {
      const { db, clock } = app.services;
      const now = clock.now();
      const header = request.headers.authorization;
      if (typeof header === 'string' && header.toLowerCase().startsWith('bearer ')) {
        const token = header.slice(7).trim();
        const row = await db
          .selectFrom('api_tokens')
          .select(['id', 'account_id', 'expires_at', 'revoked_at', 'last_used_at'])
          .where('token_hash', '=', hashSecret(token))
          .executeTakeFirst();
        if (!row || row.revoked_at || (row.expires_at && Date.parse(row.expires_at) <= now.getTime())) {
          throw new AppError('UNAUTHENTICATED', {
            detail: { vi: 'Mã truy cập (API token) không hợp lệ hoặc đã bị thu hồi.', en: 'The API token is invalid, expired or revoked.' },
          });
        }
        if (!row.last_used_at || now.getTime() - Date.parse(row.last_used_at) > TOKEN_TOUCH_MS) {
          await db.updateTable('api_tokens').set({ last_used_at: now.toISOString() }).where('id', '=', row.id).execute();
        }
        request.actor = await loadActor(db, opts.resolveScopes, row.account_id, 'token');
        return;
      }
      const cookieToken = request.cookies[SESSION_COOKIE];
      if (!cookieToken) return;
      const session = await findSession(db, cookieToken, now);
      if (!session) return;
      if (UNSAFE.has(request.method)) {
        const sent = request.headers[CSRF_HEADER];
        if (typeof sent !== 'string' || !safeEqual(sent, session.csrfToken)) throw new AppError('CSRF_FAILED');
      }
      request.actor = await loadActor(db, opts.resolveScopes, session.accountId, 'session', session.id);
    });
  },
  { name: 'egov-auth', dependencies: [] },
);

/** The actor of a request, or a 401 problem. */
export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('UNAUTHENTICATED');
  return request.actor;
}

/**
 * Throws the right problem unless the request's actor may exercise `permission` on
 * `resource`: 401 without login, 403 without any accepted role, 404 outside scope.
 */
export function authorize(request: FastifyRequest, permission: Permission, resource: Resource = { global: true }): Actor {
  const decision = can(request.actor, permission, resource);
  switch (decision) {
    case 'allow':
      return request.actor as Actor; // can() allows only with an actor
    case 'unauthenticated':
      throw new AppError('UNAUTHENTICATED');
    case 'forbidden':
      throw new AppError('FORBIDDEN');
    case 'notFound':
      throw new AppError('NOT_FOUND');
  }
}

/** For list routes: 401/403 as `authorize`, then the SQL scope of the actor. */
export function authorizeList(request: FastifyRequest, permission: Permission): { actor: Actor; scope: ScopeFilter } {
  const actor = requireActor(request);
  if (can(actor, permission, { global: true }) === 'forbidden') throw new AppError('FORBIDDEN');
  return { actor, scope: scopeFilter(actor, permission) };
}

/** The audit actor and origin of a request. */
export function auditContext(request: FastifyRequest): { actor: AuditActor; origin: RequestOrigin } {
  const actor = request.actor;
  return {
    actor: actor ? { id: actor.accountId, label: actor.username } : { id: null, label: 'anonymous' },
    origin: { requestId: String(request.id), ip: request.ip },
  };
}

/**
 * Appends the audit row of a state change made for a request, inside the change's
 * transaction (`trx`).
 */
export function auditRequest(
  trx: AnyDb,
  request: FastifyRequest,
  entry: Omit<AuditEntry, 'actor' | 'origin'>,
): Promise<{ id: string; chainIndex: number; hash: string }> {
  const { actor, origin } = auditContext(request);
  const { clock, newId } = request.server.services;
  // A module's database type extends the platform's tables; the audit touches only those.
  return recordAudit(trx as unknown as Kysely<PlatformTables>, { ...entry, actor, origin }, clock.now(), newId);
}
