import { createHash } from 'node:crypto';
import { appModules } from '../../src/composition.js';
import { createTestApp, type TestApp } from './app.js';
import { login, type Session } from './accounts.js';

export const DEMO_PASSWORD = 'DaNang@2026';
export const HAI_CHAU_WARD = '000.05.50.H17';
export const HAI_CHAU_DESK = 'MC-20242';
export const SXD = '000.00.06.H17';

/** Vietnam local time → ISO instant: `vn('2026-03-02 09:00')`. */
export function vn(local: string): string {
  return new Date(`${local.replace(' ', 'T')}:00+07:00`).toISOString();
}

/** An injected response; tests read JSON bodies loosely. */
export interface Reply {
  statusCode: number;
  headers: Record<string, string | string[] | number | undefined>;
  body: string;
  json: () => any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export interface World {
  t: TestApp;
  s: Record<string, Session>;
  /** Registers a fake uploaded file of the given type and returns its sha256. */
  file(mime: string, content: string): Promise<string>;
  act(who: string, id: string, body: Record<string, unknown>): Promise<Reply>;
  get(who: string | null, url: string): Promise<Reply>;
  post(who: string | null, url: string, body: unknown, headers?: Record<string, string>): Promise<Reply>;
  at(local: string): void;
}

/**
 * The whole system with the Da Nang demo data, a manual clock at the given Vietnam time, and
 * sessions for the demo people (plus a clerk at the Hải Châu ward, which the demo lacks).
 */
export async function dossierWorld(startLocal = '2026-03-02 08:00', options: { demoDossiers?: boolean } = {}): Promise<World> {
  // Without the demo dossiers, tests that count (statistics) see only the dossiers they create.
  const modules = options.demoDossiers === false ? appModules.map((m) => (m.name === 'dossiers' ? { ...m, seedDemo: undefined } : m)) : appModules;
  const t = await createTestApp(modules, vn(startLocal), { PUBLIC_RATE_LIMIT: '0' }, { seedDemo: true });
  const s: Record<string, Session> = {};
  s.admin = await login(t, 'quantri', DEMO_PASSWORD);
  const clerk = await t.app.inject({
    method: 'POST',
    url: '/api/v1/registry/officials',
    headers: s.admin.headers,
    payload: { username: 'haichau.vanthu', fullName: 'Lý Thị Văn', agencyCode: HAI_CHAU_WARD, position: { vi: 'Văn thư', en: 'Clerk' }, initialPassword: DEMO_PASSWORD, grants: [{ role: 'clerk', scopeKind: 'agency', scopeCode: HAI_CHAU_WARD }] },
  });
  if (clerk.statusCode !== 201) throw new Error(`clerk: ${clerk.body}`);
  // Bearer tokens, not cookies: the stories move the clock by days, past session timeouts.
  for (const u of ['quantri', 'haichau.tiepnhan', 'haichau.chuyenvien', 'haichau.lanhdao', 'haichau.vanthu', 'haichau.quantri', 'sxd.chuyenvien', 'sxd.lanhdao', 'tthcc.tiepnhan', 'stp.chuyenvien', 'thongke', '048090000001', '048185000002']) {
    const session = await login(t, u, DEMO_PASSWORD);
    const token = await t.app.inject({ method: 'POST', url: '/api/v1/auth/tokens', headers: session.headers, payload: { name: 'test' } });
    s[u] = { cookie: '', csrf: '', headers: { authorization: `Bearer ${token.json().token as string}` } };
  }
  s.admin = s.quantri as Session;
  const headers = (who: string | null) => (who ? (s[who]?.headers ?? {}) : {});
  return {
    t,
    s,
    async file(mime, content) {
      const sha256 = createHash('sha256').update(content).digest('hex');
      await t.database.db
        .withTables<{ files: { sha256: string; size: number; mime: string; created_at: string } }>()
        .insertInto('files')
        .values({ sha256, size: content.length, mime, created_at: t.clock.now().toISOString() })
        .onConflict((oc) => oc.doNothing())
        .execute();
      return sha256;
    },
    act: (who, id, body) => t.app.inject({ method: 'POST', url: `/api/v1/dossiers/${id}/actions`, headers: headers(who), payload: body }),
    get: (who, url) => t.app.inject({ method: 'GET', url, headers: headers(who) }),
    post: (who, url, body, extra = {}) => t.app.inject({ method: 'POST', url, headers: { ...headers(who), ...extra }, payload: body as object }),
    at: (local) => t.clock.set(vn(local)),
  };
}
