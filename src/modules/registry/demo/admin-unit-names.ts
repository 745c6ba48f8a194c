/**
 * Shared pieces of the Da Nang administrative-unit demonstration data: key dates, the
 * province-level units, and how a unit's full name is built from its kind.
 */
import type { Bilingual } from '../../../platform/errors.js';
import type { AdminUnit, AdminUnitKind } from '../domain/admin-units.js';
import { removeDiacritics } from '../domain/search-text.js';

/** Last day of the three-tier structure (districts abolished from the next day). */
export const THREE_TIER_LAST_DAY = '2025-06-30';
/** First day of two-tier local government (Law 72/2025/QH15; Resolution 1659/NQ-UBTVQH15). */
export const TWO_TIER_FROM = '2025-07-01';
/**
 * Start of the demo's three-tier history. Districts and wards existed long before (some
 * since 1997, Cẩm Lệ since 2005); earlier changes are not modelled, so this is the
 * fixture's horizon, not a founding date.
 */
export const THREE_TIER_FIXTURE_FROM = '2020-01-01';

const PREFIX: Record<AdminUnitKind, readonly [string, string]> = {
  city: ['Thành phố', 'City'],
  province: ['Tỉnh', 'Province'],
  urbanDistrict: ['Quận', 'District'],
  ruralDistrict: ['Huyện', 'District'],
  ward: ['Phường', 'Ward'],
  commune: ['Xã', 'Commune'],
  specialZone: ['Đặc khu', 'Special Zone'],
};

/**
 * The full bilingual name of a unit from its kind and proper name, e.g. ward + `Hải Châu`
 * → `{ vi: 'Phường Hải Châu', en: 'Hai Chau Ward' }`.
 */
export function unitName(kind: AdminUnitKind, shortName: string): Bilingual {
  const [vi, en] = PREFIX[kind];
  return { vi: `${vi} ${shortName}`, en: `${removeDiacritics(shortName)} ${en}` };
}

/**
 * Da Nang, a centrally-run city since 01/01/1997 (split from Quảng Nam – Đà Nẵng province);
 * the same unit (code 48) continues after absorbing Quảng Nam on 01/07/2025.
 */
export const DA_NANG_CITY: AdminUnit = {
  code: '48',
  name: unitName('city', 'Đà Nẵng'),
  shortName: 'Đà Nẵng',
  level: 'province',
  kind: 'city',
  validFrom: '1997-01-01',
};

/** Quảng Nam province (49), merged into Da Nang from 01/07/2025 (Resolution 202/2025/QH15). */
export const QUANG_NAM_PROVINCE: AdminUnit = {
  code: '49',
  name: unitName('province', 'Quảng Nam'),
  shortName: 'Quảng Nam',
  level: 'province',
  kind: 'province',
  validFrom: '1997-01-01',
  validTo: THREE_TIER_LAST_DAY,
  successorCode: '48',
};
