import type { TestApp } from './app.js';
import { createAccount } from '../../src/platform/auth/accounts.js';
import type { RoleGrant } from '../../src/platform/auth/roles.js';
import { createIdGenerator } from '../../src/platform/ids.js';
import { createLogger } from '../../src/platform/logger.js';

export const TEST_PASSWORD = 'mat-khau-thu-nghiem-123';

/** Creates an account directly in the test database. */
export async function addAccount(t: TestApp, username: string, grants: RoleGrant[] = [], kind: 'official' | 'citizen' = 'official'): Promise<string> {
  const { id } = await createAccount(
    { config: t.config, db: t.database.db, dialect: t.database.dialect, clock: t.clock, newId: createIdGenerator(t.clock), log: createLogger({ logLevel: 'silent', logFormat: 'json' }) },
    { username, password: TEST_PASSWORD, displayName: username, kind, grants },
  );
  return id;
}

export interface Session {
  cookie: string;
  csrf: string;
  headers: Record<string, string>;
}

/** Logs in through the API and returns the cookie and CSRF headers to send. */
export async function login(t: TestApp, username: string, password = TEST_PASSWORD): Promise<Session> {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'egov_session');
  if (!cookie) throw new Error('no session cookie');
  const csrf = res.json().csrfToken as string;
  return { cookie: `egov_session=${cookie.value}`, csrf, headers: { cookie: `egov_session=${cookie.value}`, 'x-csrf-token': csrf } };
}
