/**
 * Administrative units (đơn vị hành chính) as dated data.
 *
 * The tree's depth is data, not code: three tiers (province → district → commune) until
 * 30/06/2025 and two tiers (province → commune) from 01/07/2025 (Law on Organization of
 * Local Government 72/2025/QH15). Official codes (Decision 124/2004/QĐ-TTg, replaced by
 * Decision 19/2025/QĐ-TTg) are reused: a new ward often keeps the code of one of the wards
 * it was formed from, so a code identifies a unit only together with a date. Within one
 * day no two units share a code.
 */
import type { Bilingual } from '../../../platform/errors.js';
import { addDays, type IsoDate } from './dates.js';

export type AdminLevel = 'province' | 'district' | 'commune';

export type AdminUnitKind =
  | 'city'
  | 'province'
  | 'urbanDistrict'
  | 'ruralDistrict'
  | 'ward'
  | 'commune'
  | 'specialZone';

export interface AdminUnit {
  /** Official code: 2 digits (province), 3 (district), 5 (commune level). */
  readonly code: string;
  /** Full name with its type word, e.g. `{ vi: 'Phường Hải Châu', en: 'Hai Chau Ward' }`. */
  readonly name: Bilingual;
  /** Proper name without the type word, e.g. `Hải Châu`; what people type when searching. */
  readonly shortName: string;
  readonly level: AdminLevel;
  readonly kind: AdminUnitKind;
  /** Code of the parent unit valid at the same time; absent for provinces. */
  readonly parentCode?: string;
  /** First day the unit exists (inclusive). */
  readonly validFrom: IsoDate;
  /** Last day the unit exists (inclusive); absent while it still exists. */
  readonly validTo?: IsoDate;
  /**
   * Code of the unit (valid the day after `validTo`) that took over this one: the unit it
   * was merged into, or that received its main part when it was split.
   */
  readonly successorCode?: string;
  /** Other units that received part of this one's territory when it was split. */
  readonly partlyInto?: readonly string[];
}

const LEVEL_RANK: Record<AdminLevel, number> = { province: 0, district: 1, commune: 2 };

/** True when the unit exists on the given day (Decision 19/2025/QĐ-TTg codes are dated). */
export function isUnitValidOn(unit: AdminUnit, date: IsoDate): boolean {
  return unit.validFrom <= date && (unit.validTo === undefined || date <= unit.validTo);
}

/** The units that exist on the given day. */
export function unitsValidOn(units: readonly AdminUnit[], date: IsoDate): AdminUnit[] {
  return units.filter((u) => isUnitValidOn(u, date));
}

/**
 * The unit bearing `code` on the given day, if any (codes are unique per day, not forever).
 *
 * @example findUnit(units, '20242', '2025-06-30')?.shortName // 'Phước Ninh'
 * @example findUnit(units, '20242', '2025-07-01')?.shortName // 'Hải Châu'
 */
export function findUnit(units: readonly AdminUnit[], code: string, date: IsoDate): AdminUnit | undefined {
  return units.find((u) => u.code === code && isUnitValidOn(u, date));
}

/** The direct children of a unit on the given day, in data order. */
export function childUnits(units: readonly AdminUnit[], parentCode: string, date: IsoDate): AdminUnit[] {
  return units.filter((u) => u.parentCode === parentCode && isUnitValidOn(u, date));
}

/**
 * The chain from a unit up to its province on the given day, starting with the unit
 * itself; empty when the code does not exist that day.
 */
export function unitPath(units: readonly AdminUnit[], code: string, date: IsoDate): AdminUnit[] {
  const path: AdminUnit[] = [];
  let current = findUnit(units, code, date);
  // Bounded by the number of units so that corrupt (cyclic) data cannot loop forever.
  while (current && path.length <= units.length) {
    path.push(current);
    current = current.parentCode === undefined ? undefined : findUnit(units, current.parentCode, date);
  }
  return path;
}

/**
 * True when `code` is `ancestorCode` or lies below it on the given day; this is what a
 * role scope on an administrative unit means ("that unit and everything below it").
 */
export function isUnitWithin(units: readonly AdminUnit[], ancestorCode: string, code: string, date: IsoDate): boolean {
  return unitPath(units, code, date).some((u) => u.code === ancestorCode);
}

/**
 * Follows successor links from the unit that bore `code` on `knownOn` to the unit that
 * holds its territory on `asOf`; used to place an old address or dossier in today's
 * tree. Returns undefined when the chain breaks.
 *
 * @example resolveSuccessor(units, '20230', '2024-01-01', '2026-01-01')?.name.vi // 'Phường Hải Châu'
 */
export function resolveSuccessor(
  units: readonly AdminUnit[],
  code: string,
  knownOn: IsoDate,
  asOf: IsoDate,
): AdminUnit | undefined {
  let current = findUnit(units, code, knownOn);
  let hops = 0;
  while (current && current.validTo !== undefined && current.validTo < asOf && hops <= units.length) {
    if (current.successorCode === undefined) return undefined;
    current = findUnit(units, current.successorCode, addDays(current.validTo, 1));
    hops++;
  }
  return current && isUnitValidOn(current, asOf) ? current : undefined;
}

/** One integrity problem found in a set of administrative units. */
export interface UnitIntegrityProblem {
  code: string;
  validFrom: IsoDate;
  problem: 'overlappingCode' | 'missingParent' | 'parentLevel' | 'missingSuccessor' | 'badDates';
  detail: string;
}

/**
 * Checks a set of units for the rules the tree relies on: validity ranges are ordered; no
 * code is used twice on the same day; a parent exists on the child's first and last day
 * and sits at a higher level; a successor exists on the day after the unit ends. Returns
 * every problem found (empty when sound); meant for imports and for the demo data.
 */
export function checkUnitIntegrity(units: readonly AdminUnit[]): UnitIntegrityProblem[] {
  const problems: UnitIntegrityProblem[] = [];
  const report = (u: AdminUnit, problem: UnitIntegrityProblem['problem'], detail: string): void => {
    problems.push({ code: u.code, validFrom: u.validFrom, problem, detail });
  };
  const byCode = new Map<string, AdminUnit[]>();
  for (const u of units) byCode.set(u.code, [...(byCode.get(u.code) ?? []), u]);

  for (const u of units) {
    if (u.validTo !== undefined && u.validTo < u.validFrom) report(u, 'badDates', `validTo ${u.validTo} before validFrom`);
    for (const other of byCode.get(u.code) ?? []) {
      if (other !== u && other.validFrom >= u.validFrom && isUnitValidOn(u, other.validFrom)) {
        report(u, 'overlappingCode', `code also used by ${other.name.vi} from ${other.validFrom}`);
      }
    }
    if (u.parentCode !== undefined) {
      const lastDay = u.validTo ?? '9999-12-31';
      for (const day of [u.validFrom, lastDay]) {
        const parent = units.find(
          (p) => p.code === u.parentCode && p.validFrom <= day && (p.validTo === undefined || day <= p.validTo),
        );
        if (!parent) report(u, 'missingParent', `no unit ${u.parentCode} on ${day}`);
        else if (LEVEL_RANK[parent.level] >= LEVEL_RANK[u.level]) {
          report(u, 'parentLevel', `parent ${parent.code} is ${parent.level}, child is ${u.level}`);
        }
      }
    } else if (u.level !== 'province') {
      report(u, 'missingParent', 'only provinces may have no parent');
    }
    if (u.validTo !== undefined) {
      const next = addDays(u.validTo, 1);
      for (const s of [u.successorCode, ...(u.partlyInto ?? [])]) {
        if (s !== undefined && !findUnit(units, s, next)) report(u, 'missingSuccessor', `no unit ${s} on ${next}`);
      }
    }
  }
  return problems;
}
