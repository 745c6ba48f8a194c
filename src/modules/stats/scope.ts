/**
 * Reporting scopes (phạm vi): the whole city, an administrative unit, an agency with the
 * agencies below it, exactly one agency, or a reception desk; resolved to the receiving
 * agencies whose dossiers count, and to the resources `authorize` checks.
 */
import type { Kysely } from 'kysely';
import type { Resource } from '../../platform/auth/authorize.js';
import type { PlatformTables } from '../../platform/db/tables.js';
import type { Bilingual } from '../../platform/errors.js';
import { agencyTree, deskScope, resolveScopePaths } from '../registry/index.js';

export type ScopeKind = 'city' | 'unit' | 'agency' | 'agencyOnly' | 'desk';

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

/**
 * The text form `city`, `unit:<code>`, `agency:<code>`, `agencyOnly:<code>`, `desk:<code>`,
 * split; undefined when malformed.
 *
 * @example parseScope('agencyOnly:000.00.00.H17') // { kind: 'agencyOnly', code: '000.00.00.H17' }
 */
export function parseScope(text: string): { kind: ScopeKind; code: string | null } | undefined {
  if (text === 'city') return { kind: 'city', code: null };
  const m = /^(unit|agency|agencyOnly|desk):(.{1,60})$/.exec(text);
  return m ? { kind: m[1] as ScopeKind, code: m[2] ?? '' } : undefined;
}

/** The scope text of a kind and code (the inverse of `parseScope`). */
export function scopeText(kind: ScopeKind, code: string | null): string {
  return kind === 'city' ? 'city' : `${kind}:${code ?? ''}`;
}

type Tree = Awaited<ReturnType<typeof agencyTree>>;
type TreeAgency = Pick<Tree[number], 'path' | 'unitPath'>;

/**
 * What a reader must be allowed to see for each kind of scope: the city needs every top
 * agency (so a reader of one district cannot read the city), a unit its unit path, an agency
 * or a desk the agency's place. Shared by `resolveScope` and the scope picker's list.
 */
export const scopeResources = {
  city: (tree: readonly Pick<Tree[number], 'parentCode' | 'path' | 'unitPath'>[]): Resource[] => {
    const roots = tree.filter((a) => a.parentCode === null);
    return roots.length ? roots.map((r) => ({ agencyPath: r.path, unitPath: r.unitPath })) : [{ agencyPath: '/', unitPath: '/' }];
  },
  unit: (unitPath: string): Resource[] => [{ unitPath }],
  agency: (a: TreeAgency): Resource[] => [{ agencyPath: a.path, unitPath: a.unitPath }],
};

/**
 * Resolves a scope against the registry; undefined for an unknown unit, agency or desk (the
 * caller answers 404, as for one outside the caller's scope).
 */
export async function resolveScope(db: Kysely<PlatformTables>, scope: { kind: ScopeKind; code: string | null }, tree?: Tree): Promise<ResolvedScope | undefined> {
  const agencies = tree ?? (await agencyTree(db));
  const code = scope.code ?? '';
  switch (scope.kind) {
    case 'city':
      return { kind: 'city', code: null, name: { vi: 'Toàn thành phố', en: 'Whole city' }, agencyCodes: null, deskCode: null, resources: scopeResources.city(agencies) };
    case 'agency': {
      const a = agencies.find((x) => x.code === code);
      if (!a) return undefined;
      return { kind: 'agency', code, name: a.name, agencyCodes: agencies.filter((x) => x.path.startsWith(a.path)).map((x) => x.code), deskCode: null, resources: scopeResources.agency(a) };
    }
    case 'agencyOnly': {
      // Exactly the dossiers the agency received, as its line in the agency ranking counts them.
      const a = agencies.find((x) => x.code === code);
      if (!a) return undefined;
      const hasBelow = agencies.some((x) => x.parentCode === code);
      const name = hasBelow ? { vi: `${a.name.vi} (không gồm đơn vị trực thuộc)`, en: `${a.name.en} (without the agencies below it)` } : a.name;
      return { kind: 'agencyOnly', code, name, agencyCodes: [code], deskCode: null, resources: scopeResources.agency(a) };
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
        resources: scopeResources.unit(path),
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
        resources: scopeResources.agency({ path: d.agencyPath, unitPath: d.unitPath }),
      };
    }
  }
}
