import type { Role, RoleGrant } from './roles.js';

/**
 * Authorization is decided here and nowhere else: role × scope (HOUSE-RULES.md §5,
 * ARCHITECTURE.md "Security model").
 *
 * Scopes are materialized paths: an agency's path lists the codes from the top agency down
 * (`/000.00.00.H17/000.00.20.H17/`), an administrative unit's likewise (`/48/492/20227/`).
 * A grant covers a record when the record's path starts with the grant's path: "that
 * agency or unit and everything below it".
 */

/** A grant with its scope resolved to a path (absent for system and self scopes). */
export interface ResolvedGrant extends RoleGrant {
  path?: string;
}

/** Who is acting. */
export interface Actor {
  accountId: string;
  username: string;
  displayName: string;
  kind: 'official' | 'citizen' | 'service';
  grants: ResolvedGrant[];
  /** How the request was authenticated. */
  via: 'session' | 'token' | 'system';
  sessionId?: string;
}

/** What an action is taken on: where it sits, and whose it is. */
export interface Resource {
  agencyPath?: string | null;
  unitPath?: string | null;
  /** Accounts that own the record (a citizen's own data; their representatives). */
  ownerAccountIds?: readonly string[];
  /** Shared city-wide records (base registries) that any holder of the role may use. */
  global?: boolean;
}

/**
 * What each permission needs, as data. A holder of any listed role whose scope covers the
 * record may act. `citizen` grants (scope `self`) cover only records the actor owns.
 */
export const PERMISSIONS = {
  'registry.unit.write': ['systemAdmin'],
  'registry.agency.read': ['receptionOfficer', 'specialist', 'leader', 'clerk', 'agencyAdmin', 'systemAdmin', 'statsViewer'],
  'registry.agency.write': ['agencyAdmin', 'systemAdmin'],
  'registry.official.read': ['agencyAdmin', 'systemAdmin', 'leader'],
  'registry.official.write': ['agencyAdmin', 'systemAdmin'],
  'registry.citizen.read': ['receptionOfficer', 'specialist', 'leader', 'clerk', 'agencyAdmin', 'systemAdmin', 'citizen'],
  'registry.citizen.write': ['receptionOfficer', 'systemAdmin', 'citizen'],
  'registry.organization.read': ['receptionOfficer', 'specialist', 'leader', 'clerk', 'agencyAdmin', 'systemAdmin', 'citizen'],
  'registry.organization.write': ['receptionOfficer', 'systemAdmin', 'citizen'],
  'registry.import': ['systemAdmin', 'agencyAdmin'],
  'audit.read': ['systemAdmin'],
  'pdlog.read': ['systemAdmin'],
  'account.resetPassword': ['agencyAdmin', 'systemAdmin'],
  // calendar: national overrides by system admins; a desk's hours by its agency's admins
  'calendar.override.write': ['systemAdmin'],
  'calendar.desk.write': ['agencyAdmin', 'systemAdmin'],
  // catalogue and workflows: city-wide data kept by system admins
  'catalog.write': ['systemAdmin'],
  'workflow.read': ['systemAdmin', 'agencyAdmin', 'leader', 'specialist', 'receptionOfficer', 'clerk'],
  'workflow.write': ['systemAdmin'],
  // dossiers: officials see the dossiers of the agencies in their scope; applicants their own
  'dossier.read': ['receptionOfficer', 'specialist', 'leader', 'clerk', 'agencyAdmin', 'systemAdmin', 'statsViewer', 'citizen'],
  'dossier.work': ['receptionOfficer', 'specialist', 'leader', 'clerk'],
  // notifications: agency admins subscribe their agencies' partner systems to webhooks; dead letters are the system admins'
  'notify.webhook.manage': ['agencyAdmin', 'systemAdmin'],
  'notify.deadLetter.manage': ['systemAdmin'],
  // statistics: leaders and statistics officers read figures of their scope; index weights are the system admins'
  'stats.read': ['statsViewer', 'leader', 'systemAdmin'],
  'stats.configure': ['systemAdmin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

/** The outcome of an authorization check, in HTTP terms the caller maps to 2xx/401/403/404. */
export type Decision = 'allow' | 'unauthenticated' | 'forbidden' | 'notFound';

function grantCovers(actor: Actor, grant: ResolvedGrant, resource: Resource): boolean {
  switch (grant.scopeKind) {
    case 'system':
      return true;
    case 'self':
      return resource.ownerAccountIds?.includes(actor.accountId) ?? false;
    case 'agency':
      if (resource.global) return true;
      return !!grant.path && !!resource.agencyPath && resource.agencyPath.startsWith(grant.path);
    case 'adminUnit':
      if (resource.global) return true;
      return !!grant.path && !!resource.unitPath && resource.unitPath.startsWith(grant.path);
  }
}

/** The grants of the actor whose role the permission accepts. */
export function grantsFor(actor: Actor, permission: Permission): ResolvedGrant[] {
  const roles: readonly Role[] = PERMISSIONS[permission];
  return actor.grants.filter((g) => roles.includes(g.role));
}

/**
 * Decides whether `actor` may exercise `permission` on `resource`:
 * no actor → unauthenticated (401); no grant with an accepted role anywhere → forbidden
 * (403, which says nothing about the record); an accepted grant whose scope covers the
 * record → allow; otherwise → notFound (404), so that records outside one's scope do not
 * reveal that they exist.
 */
export function can(actor: Actor | undefined, permission: Permission, resource: Resource): Decision {
  if (!actor) return 'unauthenticated';
  const usable = grantsFor(actor, permission);
  if (usable.length === 0) return 'forbidden';
  return usable.some((g) => grantCovers(actor, g, resource)) ? 'allow' : 'notFound';
}

/**
 * What a list query may return, for stores to turn into SQL: everything, only rows under
 * these agency/unit paths, only rows the actor owns, or (with none of these) nothing.
 */
export interface ScopeFilter {
  all: boolean;
  agencyPaths: string[];
  unitPaths: string[];
  ownerAccountId?: string;
}

/** The scope filter of `actor` for `permission` (use `can` first to get 401/403). */
export function scopeFilter(actor: Actor, permission: Permission): ScopeFilter {
  const usable = grantsFor(actor, permission);
  const filter: ScopeFilter = { all: false, agencyPaths: [], unitPaths: [] };
  for (const g of usable) {
    if (g.scopeKind === 'system') filter.all = true;
    else if (g.scopeKind === 'self') filter.ownerAccountId = actor.accountId;
    else if (g.path) (g.scopeKind === 'agency' ? filter.agencyPaths : filter.unitPaths).push(g.path);
  }
  return filter;
}
