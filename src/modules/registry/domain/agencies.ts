/**
 * Agencies (cơ quan), their reception desks (bộ phận một cửa) and officials with their
 * roles. Types and pure helpers only; the Da Nang data is in `../demo/`.
 */
import type { Bilingual } from '../../../platform/errors.js';
import type { IsoDate } from './dates.js';

export type AgencyType = 'peoplesCommittee' | 'department' | 'office' | 'serviceCentre' | 'police';

export interface Agency {
  /**
   * Electronic identification code (mã định danh điện tử), format `NNN.NN.NN.XNN`, the
   * prefix of the dossier codes the agency issues (e.g. `000.00.22.H56-250531-0001`).
   */
  readonly code: string;
  readonly name: Bilingual;
  readonly type: AgencyType;
  /** The administrative unit the agency governs or serves. */
  readonly adminUnitCode: string;
  /** The agency it reports to in this registry, if any. */
  readonly parentCode?: string;
  readonly validFrom: IsoDate;
  readonly validTo?: IsoDate;
  /** The agency that took over its duties when it was merged or dissolved. */
  readonly successorCode?: string;
}

export interface ReceptionDesk {
  readonly code: string;
  readonly name: Bilingual;
  /** The agency the desk belongs to; dossiers received here carry its code. */
  readonly agencyCode: string;
  readonly adminUnitCode: string;
}

/** Official roles (DOMAIN.md, "People and places") plus administration roles. */
export const OFFICIAL_ROLES = [
  'receptionOfficer',
  'specialist',
  'leader',
  'clerk',
  'agencyAdmin',
  'statsViewer',
  'systemAdmin',
] as const;
export type OfficialRole = (typeof OFFICIAL_ROLES)[number];

/** Where a role applies: that agency or unit and everything below it, or the whole system. */
export type RoleScope =
  | { readonly type: 'agency'; readonly code: string }
  | { readonly type: 'adminUnit'; readonly code: string }
  | { readonly type: 'system' };

export interface RoleAssignment {
  readonly role: OfficialRole;
  readonly scope: RoleScope;
}

export interface Official {
  readonly username: string;
  readonly fullName: string;
  readonly agencyCode: string;
  readonly position: Bilingual;
  readonly email: string;
  readonly roles: readonly RoleAssignment[];
}

export type AgencyCodeResult =
  | { ok: true; level1: string; level2: string; level3: string; level4: string }
  | { ok: false; message: Bilingual };

const AGENCY_CODE_RE = /^(\d{3})\.(\d{2})\.(\d{2})\.([A-Z]\d{2})$/;

/**
 * Checks the shape of an electronic identification code of an agency: four dot-separated
 * parts, level 4 (3 digits), level 3 (2 digits), level 2 (2 digits), level 1 (a letter and
 * 2 digits, e.g. H-codes for provinces), as used in the national document-exchange and
 * dossier systems (QCVN 102:2016/BTTTT).
 *
 * @example validateAgencyCode('000.00.22.H56') // { ok: true, level1: 'H56', … }
 */
export function validateAgencyCode(code: string): AgencyCodeResult {
  const m = AGENCY_CODE_RE.exec(code);
  if (!m) {
    return {
      ok: false,
      message: {
        vi: `Mã định danh "${code}" không đúng định dạng NNN.NN.NN.XNN (ví dụ 000.00.22.H56).`,
        en: `Identification code "${code}" is not of the form NNN.NN.NN.XNN (e.g. 000.00.22.H56).`,
      },
    };
  }
  return { ok: true, level4: m[1] ?? '', level3: m[2] ?? '', level2: m[3] ?? '', level1: m[4] ?? '' };
}

/**
 * True when `code` is `ancestorCode` or reports to it, directly or through other agencies;
 * what a role scoped to an agency covers.
 */
export function isAgencyWithin(agencies: readonly Agency[], ancestorCode: string, code: string): boolean {
  const byCode = new Map(agencies.map((a) => [a.code, a]));
  let current = byCode.get(code);
  // Bounded so that a cycle in bad data cannot loop forever.
  for (let hops = 0; current && hops <= agencies.length; hops++) {
    if (current.code === ancestorCode) return true;
    current = current.parentCode === undefined ? undefined : byCode.get(current.parentCode);
  }
  return false;
}
