/** The roles an account can hold; each is granted with a scope. */
export const ROLES = [
  'receptionOfficer',
  'specialist',
  'leader',
  'clerk',
  'agencyAdmin',
  'systemAdmin',
  'statsViewer',
  'citizen',
] as const satisfies readonly string[];
export type Role = (typeof ROLES)[number];

/** A role's scope: an agency or administrative unit, and everything below it; or the whole system. */
export const SCOPE_KINDS = ['system', 'agency', 'adminUnit', 'self'] as const;
export type ScopeKind = (typeof SCOPE_KINDS)[number];

export interface RoleGrant {
  role: Role;
  scopeKind: ScopeKind;
  /** Agency or unit code; `*` for the system scope; the account id for `self`. */
  scopeCode: string;
}

/** Vietnamese and English names of the roles, for screens and printed lists. */
export const ROLE_NAMES: Record<Role, { vi: string; en: string }> = {
  receptionOfficer: { vi: 'Cán bộ tiếp nhận', en: 'Reception officer' },
  specialist: { vi: 'Chuyên viên xử lý', en: 'Specialist' },
  leader: { vi: 'Lãnh đạo', en: 'Leader' },
  clerk: { vi: 'Văn thư', en: 'Clerk' },
  agencyAdmin: { vi: 'Quản trị cơ quan', en: 'Agency administrator' },
  systemAdmin: { vi: 'Quản trị hệ thống', en: 'System administrator' },
  statsViewer: { vi: 'Xem thống kê', en: 'Statistics viewer' },
  citizen: { vi: 'Công dân, tổ chức', en: 'Citizen or organization' },
};

/** True when `value` names a role. */
export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/**
 * Parses a grant written as `role`, `role@agency:CODE`, `role@unit:CODE` (or `role@system`).
 * Returns undefined for text that is not a grant.
 */
export function parseGrant(text: string): RoleGrant | undefined {
  const match = /^([A-Za-z]+)(?:@(system|agency|unit):?([^\s]*))?$/.exec(text.trim());
  if (!match) return undefined;
  const [, role, kind, code] = match;
  if (!role || !isRole(role)) return undefined;
  if (!kind || kind === 'system') return { role, scopeKind: 'system', scopeCode: '*' };
  if (!code) return undefined;
  return { role, scopeKind: kind === 'unit' ? 'adminUnit' : 'agency', scopeCode: code };
}
