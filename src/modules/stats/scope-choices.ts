/**
 * The scopes a reader may pick on the dashboard: the city, the administrative units, the
 * agencies and the reception desks in force today, kept only where the reader's grants let
 * them read the figures (the same resources `resolveScope` asks `authorize` about), as a
 * tree flattened parent-first.
 */
import type { Kysely } from 'kysely';
import type { Resource } from '../../platform/auth/authorize.js';
import type { PlatformTables } from '../../platform/db/tables.js';
import type { Bilingual } from '../../platform/errors.js';
import { agencyTree, placesOn } from '../registry/index.js';
import { scopeResources, scopeText, type ScopeKind } from './scope.js';

/** One scope of the picker; `parent` is the scope text of the nearest ancestor the reader may also pick. */
export interface ScopeChoice {
  scope: string;
  kind: ScopeKind;
  code: string | null;
  name: Bilingual;
  parent: string | null;
}

interface Candidate extends ScopeChoice {
  resources: Resource[];
}

/** Children of one parent: desks, then agencies, then units, each by Vietnamese name. */
const KIND_ORDER: Record<ScopeKind, number> = { city: 0, desk: 1, agencyOnly: 2, agency: 3, unit: 4 };

/**
 * Every scope in force on `date` (local day) that `allowed` accepts, parent before children.
 * The hierarchy: the city holds the top units; a unit holds its sub-units and the agencies
 * seated in it (an agency under a parent agency of the same unit sits under that parent); an
 * agency holds its desks. A scope whose parent the reader may not pick hangs from the nearest
 * ancestor they may, or from nothing (a ward leader's list starts at the ward).
 *
 * @param allowed whether the reader may read figures that need all these resources
 */
export async function scopeChoices(db: Kysely<PlatformTables>, date: string, allowed: (resources: readonly Resource[]) => boolean): Promise<ScopeChoice[]> {
  const [tree, places] = await Promise.all([agencyTree(db), placesOn(db, date)]);
  const units = new Set(places.units.map((u) => u.code));
  const agencies = new Map(places.agencies.map((a) => [a.code, a]));
  const candidates: Candidate[] = [{ scope: 'city', kind: 'city', code: null, name: { vi: 'Toàn thành phố', en: 'Whole city' }, parent: null, resources: scopeResources.city(tree) }];
  for (const u of places.units) {
    candidates.push({ scope: scopeText('unit', u.code), kind: 'unit', code: u.code, name: u.name, parent: u.parentCode && units.has(u.parentCode) ? scopeText('unit', u.parentCode) : 'city', resources: scopeResources.unit(u.path) });
  }
  for (const a of places.agencies) {
    const up = a.parentCode ? agencies.get(a.parentCode) : undefined;
    const parent = up && up.unitPath === a.unitPath ? scopeText('agency', up.code) : units.has(a.unitCode) ? scopeText('unit', a.unitCode) : 'city';
    candidates.push({ scope: scopeText('agency', a.code), kind: 'agency', code: a.code, name: a.name, parent, resources: scopeResources.agency(a) });
  }
  for (const d of places.desks) {
    const a = agencies.get(d.agencyCode);
    if (a) candidates.push({ scope: scopeText('desk', d.code), kind: 'desk', code: d.code, name: d.name, parent: scopeText('agency', a.code), resources: scopeResources.agency(a) });
  }

  const byScope = new Map(candidates.map((c) => [c.scope, c]));
  const visible = new Set(candidates.filter((c) => allowed(c.resources)).map((c) => c.scope));
  const visibleParent = (c: Candidate): string | null => {
    // The registry's trees have no cycles; the bound only guards against a corrupt one.
    let p = c.parent;
    for (let hops = 0; p !== null && !visible.has(p) && hops < 100; hops++) p = byScope.get(p)?.parent ?? null;
    return p !== null && visible.has(p) ? p : null;
  };
  const children = new Map<string | null, ScopeChoice[]>();
  for (const c of candidates) {
    if (!visible.has(c.scope)) continue;
    const parent = visibleParent(c);
    const list = children.get(parent) ?? [];
    list.push({ scope: c.scope, kind: c.kind, code: c.code, name: c.name, parent });
    children.set(parent, list);
  }
  const out: ScopeChoice[] = [];
  const walk = (parent: string | null) => {
    const list = (children.get(parent) ?? []).sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.name.vi.localeCompare(b.name.vi, 'vi') || a.scope.localeCompare(b.scope));
    for (const c of list) {
      out.push(c);
      walk(c.scope);
    }
  };
  walk(null);
  return out;
}
