/**
 * Da Nang's former three-tier structure (until 30/06/2025): the city, its 8 districts and
 * a realistic subset of its wards and communes, each linked to the current unit that took
 * it over under Resolution 1659/NQ-UBTVQH15.
 *
 * Codes are those of the national list (Decision 124/2004/QĐ-TTg and its updates). The
 * ward codes that the new units kept are confirmed by the 2025 list; the others are as
 * recalled from the General Statistics Office list and should be treated as illustrative
 * until checked against an import. Wards merged among themselves in 2024–2025 before the
 * big reform (Hải Châu I + II, An Hải Tây + Đông, Nam Dương, Bình Hiên, Hòa Thuận Đông,
 * Tam Thuận, Tân Chính, Vĩnh Trung, Hòa Khê) are left out: the demo does not model that step.
 */
import type { AdminUnit, AdminUnitKind } from '../domain/admin-units.js';
import {
  DA_NANG_CITY,
  THREE_TIER_FIXTURE_FROM,
  THREE_TIER_LAST_DAY,
  unitName,
} from './admin-unit-names.js';

// [code, kind, proper name, successor code (unit from 01/07/2025)].
const DISTRICTS: ReadonlyArray<readonly [string, AdminUnitKind, string, string | undefined]> = [
  ['490', 'urbanDistrict', 'Liên Chiểu', undefined],
  ['491', 'urbanDistrict', 'Thanh Khê', undefined],
  ['492', 'urbanDistrict', 'Hải Châu', undefined],
  ['493', 'urbanDistrict', 'Sơn Trà', undefined],
  ['494', 'urbanDistrict', 'Ngũ Hành Sơn', undefined],
  ['495', 'urbanDistrict', 'Cẩm Lệ', undefined],
  ['497', 'ruralDistrict', 'Hòa Vang', undefined],
  // Resolution 1659/NQ-UBTVQH15 art. 1(92): the island district becomes the special zone.
  ['498', 'ruralDistrict', 'Hoàng Sa', '20333'],
];

// [code, w(ard) | c(ommune), proper name, district, successor, other units that got part of it].
type WardRow = readonly [string, 'w' | 'c', string, string, string, (readonly string[])?];
const WARDS: readonly WardRow[] = [
  // Liên Chiểu → phường Hải Vân (20194), Liên Chiểu (20197), Hòa Khánh (20200)
  ['20194', 'w', 'Hòa Hiệp Bắc', '490', '20194'],
  ['20195', 'w', 'Hòa Hiệp Nam', '490', '20194'],
  ['20197', 'w', 'Hòa Khánh Bắc', '490', '20197'],
  ['20198', 'w', 'Hòa Khánh Nam', '490', '20200'],
  ['20200', 'w', 'Hòa Minh', '490', '20200'],
  // Thanh Khê → phường Thanh Khê (20209); An Khê → phường An Khê (20305)
  ['20206', 'w', 'Thanh Khê Tây', '491', '20209'],
  ['20207', 'w', 'Thanh Khê Đông', '491', '20209'],
  ['20209', 'w', 'Xuân Hà', '491', '20209'],
  ['20215', 'w', 'Chính Gián', '491', '20209'],
  ['20221', 'w', 'Thạc Gián', '491', '20209'],
  ['20224', 'w', 'An Khê', '491', '20305'],
  // Hải Châu → phường Hải Châu (20242), Hòa Cường (20257)
  ['20227', 'w', 'Thanh Bình', '492', '20242'],
  ['20230', 'w', 'Thuận Phước', '492', '20242'],
  ['20233', 'w', 'Thạch Thang', '492', '20242'],
  ['20242', 'w', 'Phước Ninh', '492', '20242'],
  ['20245', 'w', 'Hòa Thuận Tây', '492', '20257'],
  ['20254', 'w', 'Bình Thuận', '492', '20257'],
  ['20257', 'w', 'Hòa Cường Bắc', '492', '20257'],
  ['20258', 'w', 'Hòa Cường Nam', '492', '20257'],
  // Sơn Trà → phường Sơn Trà (20263), An Hải (20275)
  ['20263', 'w', 'Thọ Quang', '493', '20263'],
  ['20266', 'w', 'Nại Hiên Đông', '493', '20263'],
  ['20269', 'w', 'Mân Thái', '493', '20263'],
  ['20272', 'w', 'An Hải Bắc', '493', '20275'],
  ['20275', 'w', 'Phước Mỹ', '493', '20275'],
  // Ngũ Hành Sơn → phường Ngũ Hành Sơn (20285)
  ['20284', 'w', 'Mỹ An', '494', '20285'],
  ['20285', 'w', 'Khuê Mỹ', '494', '20285'],
  ['20287', 'w', 'Hòa Quý', '494', '20285'],
  ['20290', 'w', 'Hòa Hải', '494', '20285'],
  // Cẩm Lệ → phường Cẩm Lệ (20260), An Khê (20305), Hòa Xuân (20314)
  ['20260', 'w', 'Khuê Trung', '495', '20260'],
  ['20305', 'w', 'Hòa Phát', '495', '20305'],
  ['20306', 'w', 'Hòa An', '495', '20305'],
  ['20311', 'w', 'Hòa Thọ Tây', '495', '20260'],
  ['20312', 'w', 'Hòa Thọ Đông', '495', '20260'],
  ['20314', 'w', 'Hòa Xuân', '495', '20314'],
  // Hòa Vang → several wards and the communes Hòa Vang (20320), Hòa Tiến (20332), Bà Nà (20308)
  ['20293', 'c', 'Hòa Bắc', '497', '20194'],
  // Art. 1(9)–(10): part of Hòa Liên went to Hải Vân, the rest to Liên Chiểu.
  ['20296', 'c', 'Hòa Liên', '497', '20197', ['20194']],
  ['20299', 'c', 'Hòa Ninh', '497', '20308'],
  ['20302', 'c', 'Hòa Sơn', '497', '20200'],
  ['20308', 'c', 'Hòa Nhơn', '497', '20308'],
  ['20317', 'c', 'Hòa Phú', '497', '20320'],
  ['20320', 'c', 'Hòa Phong', '497', '20320'],
  ['20323', 'c', 'Hòa Châu', '497', '20314'],
  ['20326', 'c', 'Hòa Tiến', '497', '20332'],
  ['20329', 'c', 'Hòa Phước', '497', '20314'],
  ['20332', 'c', 'Hòa Khương', '497', '20332'],
];

const districts: AdminUnit[] = DISTRICTS.map(([code, kind, shortName, successorCode]) => ({
  code,
  name: unitName(kind, shortName),
  shortName,
  level: 'district',
  kind,
  parentCode: DA_NANG_CITY.code,
  validFrom: THREE_TIER_FIXTURE_FROM,
  validTo: THREE_TIER_LAST_DAY,
  ...(successorCode === undefined ? {} : { successorCode }),
}));

const wards: AdminUnit[] = WARDS.map(([code, k, shortName, districtCode, successorCode, partlyInto]) => {
  const kind: AdminUnitKind = k === 'w' ? 'ward' : 'commune';
  return {
    code,
    name: unitName(kind, shortName),
    shortName,
    level: 'commune',
    kind,
    parentCode: districtCode,
    validFrom: THREE_TIER_FIXTURE_FROM,
    validTo: THREE_TIER_LAST_DAY,
    successorCode,
    ...(partlyInto === undefined ? {} : { partlyInto }),
  };
});

/** Districts and wards of Da Nang until 30/06/2025 (the city itself is shared, see `admin-units.ts`). */
export const DA_NANG_THREE_TIER_UNITS: readonly AdminUnit[] = [...districts, ...wards];
