/**
 * Reporting scopes (phạm vi): the whole city, an administrative unit, an agency (with the
 * agencies below it) or a reception desk; resolved to the receiving agencies whose dossiers
 * count, and to the resources `authorize` checks.
 */
import type { Kysely } from 'kysely';
import type { Resource } from '../../platform/auth/authorize.js';
import type { PlatformTables } from '../../platform/db/tables.js';
import type { Bilingual } from '../../platform/errors.js';
import { agencyTree, deskScope, resolveScopePaths } from '../registry/index.js';

export type ScopeKind = 'city' | 'unit' | 'agency' | 'desk';

/** A resolved scope: which dossiers count, and what the caller must be allowed to see. */
export interface ResolvedScope {
  kind: ScopeKind;
  code: string | null;
  name: Bilingual;
  /** Receiving agencies whose dossiers count; null for the whole city (no filter). */
  agencyCodes: string[] | null;
  deskCode: string | null;
  /** Every one must be covered by the caller's `stats.read` grants. */
  resources: Resource[];
}

/** The text form `city`, `unit:<code>`, `agency:<code>`, `desk:<code>`, split; undefined when malformed. */
export function parseScope(text: string): { kind: ScopeKind; code: string | null } | undefined {
  if (text === 'city') return { kind: 'city', code: null };
  const m = /^(unit|agency|desk):(.{1,60})$/.exec(text);
  return m ? { kind: m[1] as ScopeKind, code: m[2] ?? '' } : undefined;
}

type Tree = Awaited<ReturnType<typeof agencyTree>>;

/**
 * Resolves a scope against the registry; undefined for an unknown unit, agency or desk (the
 * caller answers 404, as for one outside the caller's scope).
 */
export async function resolveScope(db: Kysely<PlatformTables>, scope: { kind: ScopeKind; code: string | null }, tree?: Tree): Promise<ResolvedScope | undefined> {
  const agencies = tree ?? (await agencyTree(db));
  const code = scope.code ?? '';
  switch (scope.kind) {
    case 'city': {
      const roots = agencies.filter((a) => a.parentCode === null);
      return {
        kind: 'city',
        code: null,
        name: { vi: 'Toàn thành phố', en: 'Whole city' },
        agencyCodes: null,
        deskCode: null,
        resources: roots.length ? roots.map((r) => ({ agencyPath: r.path, unitPath: r.unitPath })) : [{ agencyPath: '/', unitPath: '/' }],
      };
    }
    case 'agency': {
      const a = agencies.find((x) => x.code === code);
      if (!a) return undefined;
      return { kind: 'agency', code, name: a.name, agencyCodes: agencies.filter((x) => x.path.startsWith(a.path)).map((x) => x.code), deskCode: null, resources: [{ agencyPath: a.path, unitPath: a.unitPath }] };
    }
    case 'unit': {
      const [grant] = await resolveScopePaths(db, [{ role: 'statsViewer', scopeKind: 'adminUnit', scopeCode: code }]);
      const path = grant?.path;
      if (!path) return undefined;
      // The unit is named after its own people's committee when the registry has one there.
      const own = agencies.find((x) => x.unitPath === path && (x.parentCode === null || agencies.find((p) => p.code === x.parentCode)?.unitPath !== path));
      return {
        kind: 'unit',
        code,
        name: own ? { vi: `Địa bàn ${code} (${own.name.vi})`, en: `Area ${code} (${own.name.en})` } : { vi: `Địa bàn ${code}`, en: `Area ${code}` },
        agencyCodes: agencies.filter((x) => x.unitPath.startsWith(path)).map((x) => x.code),
        deskCode: null,
        resources: [{ unitPath: path }],
      };
    }
    case 'desk': {
      const d = await deskScope(db, code);
      if (!d) return undefined;
      const a = agencies.find((x) => x.code === d.agencyCode);
      return {
        kind: 'desk',
        code,
        name: { vi: `Bộ phận một cửa ${code}${a ? ` – ${a.name.vi}` : ''}`, en: `Reception desk ${code}${a ? ` – ${a.name.en}` : ''}` },
        agencyCodes: [d.agencyCode],
        deskCode: code,
        resources: [{ agencyPath: d.agencyPath, unitPath: d.unitPath }],
      };
    }
  }
}
