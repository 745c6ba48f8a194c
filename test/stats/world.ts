/**
 * The dossier test world (test/support/dossiers.ts) without the demonstration dossiers, so that
 * the statistics tests count only the dossiers they create themselves.
 */
import { createHash } from 'node:crypto';
import { appModules } from '../../src/composition.js';
import { login, type Session } from '../support/accounts.js';
import { createTestApp } from '../support/app.js';
import { DEMO_PASSWORD, HAI_CHAU_WARD, vn, type World } from '../support/dossiers.js';

/** The whole system with the Da Nang registries and catalogue, no demo dossiers, a manual clock. */
export async function statsWorld(startLocal: string): Promise<World> {
  const modules = appModules.map((m) => (m.name === 'dossiers' ? { ...m, seedDemo: undefined } : m));
  const t = await createTestApp(modules, vn(startLocal), { PUBLIC_RATE_LIMIT: '0' }, { seedDemo: true });
  const s: Record<string, Session> = {};
  const admin = await login(t, 'quantri', DEMO_PASSWORD);
  const clerk = await t.app.inject({
    method: 'POST',
    url: '/api/v1/registry/officials',
    headers: admin.headers,
    payload: { username: 'haichau.vanthu', fullName: 'Lý Thị Văn', agencyCode: HAI_CHAU_WARD, position: { vi: 'Văn thư', en: 'Clerk' }, initialPassword: DEMO_PASSWORD, grants: [{ role: 'clerk', scopeKind: 'agency', scopeCode: HAI_CHAU_WARD }] },
  });
  if (clerk.statusCode !== 201) throw new Error(`clerk: ${clerk.body}`);
  // Bearer tokens, not cookies: the stories move the clock by days, past session timeouts.
  for (const u of ['quantri', 'haichau.tiepnhan', 'haichau.chuyenvien', 'haichau.lanhdao', 'haichau.vanthu', 'sxd.chuyenvien', 'sxd.lanhdao', 'thongke', '048090000001', '048185000002']) {
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
