import type { Actor } from '../../platform/auth/authorize.js';
import type { AnyDb } from '../../platform/db/database.js';
import { asPlatformDb } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import { agencyTree, officialAgency } from '../registry/index.js';
import { directoryFromTree, getDefinition, type EngineContext, type ProcessDefinition, type WorkflowActor } from '../workflow/index.js';

/**
 * Bridges the platform's actor and the registry's agency tree to the workflow engine, which
 * identifies agencies by their electronic identification codes.
 */
export interface AgencyInfo {
  code: string;
  parentCode: string | null;
  path: string;
  name: { vi: string; en: string };
}

export interface EngineWorld {
  agencies: Map<string, AgencyInfo>;
  context: (formData: Record<string, unknown>) => EngineContext;
}

/**
 * The world as of the registry's current agency tree. The registry hands out the same tree
 * object until the tree changes (in any process), so what is built from it is kept with it.
 */
const worlds = new WeakMap<object, EngineWorld>();

/** Loads the agency tree once for a request (cached until the registry changes). */
export async function loadWorld(db: AnyDb): Promise<EngineWorld> {
  const tree = await agencyTree(asPlatformDb(db));
  const known = worlds.get(tree);
  if (known) return known;
  const agencies = new Map(tree.map((a) => [a.code, { code: a.code, parentCode: a.parentCode, path: a.path, name: a.name }]));
  const directory = directoryFromTree(tree.map((a) => ({ id: a.code, code: a.code, parentId: a.parentCode })));
  const world: EngineWorld = { agencies, context: (formData) => ({ agencies: directory, formData }) };
  worlds.set(tree, world);
  return world;
}

/** The engine's view of an actor: the official's agency and the roles they hold there. */
export async function engineActor(db: AnyDb, actor: Actor): Promise<WorkflowActor & { name: string; agencyPath: string | null }> {
  const official = actor.kind === 'official' ? await officialAgency(asPlatformDb(db), actor.accountId) : undefined;
  if (!official) return { userId: actor.accountId, roles: [], agencyId: null, name: actor.displayName, agencyPath: null };
  // Roles count where their scope covers the official's own agency (or the whole system).
  const roles = actor.grants
    .filter((g) => g.scopeKind === 'system' || (g.scopeKind === 'agency' && g.path !== undefined && official.agencyPath.startsWith(g.path)))
    .map((g) => g.role);
  return { userId: actor.accountId, roles: [...new Set(roles)], agencyId: official.agencyCode, name: official.fullName, agencyPath: official.agencyPath };
}

/** The pinned definition of a dossier; a missing one is a broken installation, not a user error. */
export async function pinnedDefinition(db: AnyDb, key: string, version: number): Promise<ProcessDefinition> {
  const def = await getDefinition(asPlatformDb(db), key, version);
  if (!def) throw new AppError('INTERNAL', { detail: { vi: `Thiếu quy trình ${key}@${version}.`, en: `Process ${key}@${version} is missing.` } });
  return def;
}
