/**
 * Da Nang demonstration agencies and reception desks.
 *
 * Electronic identification codes follow the national shape `NNN.NN.NN.XNN` (level 4 .
 * level 3 . level 2 . level 1). `H17` as Da Nang's level-1 code and every lower part here
 * are ILLUSTRATIVE, not the codes actually assigned: load the real ones by import.
 * Numbering used: city committee 000.00.00.H17; city bodies 000.00.NN.H17; former district
 * committees 000.00.41–48.H17 with their wards at 000.WW.<district>.H17; current
 * commune-level committees 000.NN.50.H17, NN following the unit codes in order.
 *
 * Department mergers of 2025 (Planning and Investment into Finance; Natural Resources and
 * Environment into Agriculture and Environment; Transport into Construction) follow the
 * government's reorganisation plan (Decree 45/2025/NĐ-CP); the date 01/03/2025 is the
 * demo's assumption.
 */
import type { Bilingual } from '../../../platform/errors.js';
import type { AdminUnit } from '../domain/admin-units.js';
import type { Agency, AgencyType, ReceptionDesk } from '../domain/agencies.js';
import { DA_NANG_CITY, THREE_TIER_FIXTURE_FROM, THREE_TIER_LAST_DAY, TWO_TIER_FROM } from './admin-unit-names.js';
import { DA_NANG_THREE_TIER_UNITS } from './admin-units-three-tier.js';
import { DA_NANG_TWO_TIER_UNITS } from './admin-units-two-tier.js';

export const CITY_COMMITTEE_CODE = '000.00.00.H17';
export const CITY_SERVICE_CENTRE_CODE = '000.00.20.H17';
export const DEPARTMENT_OF_CONSTRUCTION_CODE = '000.00.06.H17';
export const DEPARTMENT_OF_JUSTICE_CODE = '000.00.03.H17';
export const CITY_POLICE_CODE = '000.00.30.H17';
const DEPARTMENT_MERGER_DAY = '2025-03-01';
const BEFORE_MERGER = '2025-02-28';
const CITY_SINCE = DA_NANG_CITY.validFrom;

// [level-2 number, type, vi, en, validFrom, validTo?, successor level-2?]
type CityBodyRow = readonly [string, AgencyType, string, string, string, string?, string?];
const CITY_BODIES: readonly CityBodyRow[] = [
  ['01', 'office', 'Văn phòng Ủy ban nhân dân thành phố Đà Nẵng', 'Office of the Da Nang City People\'s Committee', CITY_SINCE],
  ['02', 'department', 'Sở Nội vụ', 'Department of Home Affairs', CITY_SINCE],
  ['03', 'department', 'Sở Tư pháp', 'Department of Justice', CITY_SINCE],
  ['04', 'department', 'Sở Tài chính', 'Department of Finance', CITY_SINCE],
  ['05', 'department', 'Sở Kế hoạch và Đầu tư', 'Department of Planning and Investment', CITY_SINCE, BEFORE_MERGER, '04'],
  ['06', 'department', 'Sở Xây dựng', 'Department of Construction', CITY_SINCE],
  ['07', 'department', 'Sở Nông nghiệp và Môi trường', 'Department of Agriculture and Environment', DEPARTMENT_MERGER_DAY],
  ['08', 'department', 'Sở Tài nguyên và Môi trường', 'Department of Natural Resources and Environment', CITY_SINCE, BEFORE_MERGER, '07'],
  ['09', 'department', 'Sở Y tế', 'Department of Health', CITY_SINCE],
  ['10', 'department', 'Sở Giáo dục và Đào tạo', 'Department of Education and Training', CITY_SINCE],
  ['11', 'department', 'Sở Công Thương', 'Department of Industry and Trade', CITY_SINCE],
  ['12', 'department', 'Sở Khoa học và Công nghệ', 'Department of Science and Technology', CITY_SINCE],
  ['13', 'department', 'Sở Văn hóa và Thể thao', 'Department of Culture and Sports', CITY_SINCE],
  ['14', 'department', 'Sở Du lịch', 'Department of Tourism', CITY_SINCE],
  ['15', 'department', 'Sở Giao thông vận tải', 'Department of Transport', CITY_SINCE, BEFORE_MERGER, '06'],
  ['20', 'serviceCentre', 'Trung tâm Phục vụ hành chính công thành phố Đà Nẵng', 'Da Nang City Public Administration Service Centre', CITY_SINCE],
];

const cityCommittee: Agency = {
  code: CITY_COMMITTEE_CODE,
  name: { vi: 'Ủy ban nhân dân thành phố Đà Nẵng', en: 'Da Nang City People\'s Committee' },
  type: 'peoplesCommittee',
  adminUnitCode: DA_NANG_CITY.code,
  validFrom: CITY_SINCE,
};

const cityBodies: Agency[] = CITY_BODIES.map(([n, type, vi, en, validFrom, validTo, successor]) => ({
  code: `000.00.${n}.H17`,
  name: { vi, en },
  type,
  adminUnitCode: DA_NANG_CITY.code,
  parentCode: CITY_COMMITTEE_CODE,
  validFrom,
  ...(validTo === undefined ? {} : { validTo }),
  ...(successor === undefined ? {} : { successorCode: `000.00.${successor}.H17` }),
}));

/** The city police answer to the Ministry of Public Security, so no parent here. */
const cityPolice: Agency = {
  code: CITY_POLICE_CODE,
  name: { vi: 'Công an thành phố Đà Nẵng', en: 'Da Nang City Police' },
  type: 'police',
  adminUnitCode: DA_NANG_CITY.code,
  validFrom: CITY_SINCE,
};

function committeeName(unit: AdminUnit): Bilingual {
  const vi = unit.name.vi.charAt(0).toLowerCase() + unit.name.vi.slice(1);
  return { vi: `Ủy ban nhân dân ${vi}`, en: `People's Committee of ${unit.name.en}` };
}

const DISTRICT_NUMBER: Readonly<Record<string, string>> = {
  '492': '41', '491': '42', '493': '43', '494': '44', '490': '45', '495': '46', '497': '47', '498': '48',
};

const districtUnits = DA_NANG_THREE_TIER_UNITS.filter((u) => u.level === 'district');
const oldWardUnits = DA_NANG_THREE_TIER_UNITS.filter((u) => u.level === 'commune');
/** The special zone gets no committee or desk: the Hoàng Sa islands are not administered in practice. */
const currentUnitsWithCommittee = DA_NANG_TWO_TIER_UNITS.filter((u) => u.kind !== 'specialZone');

const CURRENT_NUMBER = new Map(DA_NANG_TWO_TIER_UNITS.map((u, i) => [u.code, String(i + 1).padStart(2, '0')]));

/** Illustrative identification code of the committee of a current (two-tier) unit. */
export function currentCommitteeCode(unitCode: string): string | undefined {
  const n = CURRENT_NUMBER.get(unitCode);
  return n === undefined ? undefined : `000.${n}.50.H17`;
}

const districtCommittees: Agency[] = districtUnits.map((u) => ({
  code: `000.00.${DISTRICT_NUMBER[u.code] ?? '49'}.H17`,
  name: committeeName(u),
  type: 'peoplesCommittee',
  adminUnitCode: u.code,
  parentCode: CITY_COMMITTEE_CODE,
  validFrom: THREE_TIER_FIXTURE_FROM,
  validTo: THREE_TIER_LAST_DAY,
}));

const wardIndexInDistrict = new Map<string, number>();
const oldWardCommittees: Agency[] = oldWardUnits.map((u) => {
  const district = u.parentCode ?? '';
  const index = (wardIndexInDistrict.get(district) ?? 0) + 1;
  wardIndexInDistrict.set(district, index);
  const successor = u.successorCode === undefined ? undefined : currentCommitteeCode(u.successorCode);
  return {
    code: `000.${String(index).padStart(2, '0')}.${DISTRICT_NUMBER[district] ?? '49'}.H17`,
    name: committeeName(u),
    type: 'peoplesCommittee',
    adminUnitCode: u.code,
    parentCode: `000.00.${DISTRICT_NUMBER[district] ?? '49'}.H17`,
    validFrom: THREE_TIER_FIXTURE_FROM,
    validTo: THREE_TIER_LAST_DAY,
    ...(successor === undefined ? {} : { successorCode: successor }),
  };
});

const currentCommittees: Agency[] = currentUnitsWithCommittee.map((u) => ({
  code: currentCommitteeCode(u.code) ?? '',
  name: committeeName(u),
  type: 'peoplesCommittee',
  adminUnitCode: u.code,
  parentCode: CITY_COMMITTEE_CODE,
  validFrom: TWO_TIER_FROM,
}));

/** Every demo agency: city level, former districts and wards, current wards and communes. */
export const DA_NANG_AGENCIES: readonly Agency[] = [
  cityCommittee,
  ...cityBodies,
  cityPolice,
  ...districtCommittees,
  ...oldWardCommittees,
  ...currentCommittees,
];

/**
 * Reception desks: the city centre, and the public administration service centre of each
 * current ward and commune (Decree 118/2025/NĐ-CP sets up one per commune-level unit).
 */
export const DA_NANG_RECEPTION_DESKS: readonly ReceptionDesk[] = [
  {
    code: 'MC-TTPVHCC',
    name: { vi: 'Trung tâm Phục vụ hành chính công thành phố Đà Nẵng', en: 'Da Nang City Public Administration Service Centre' },
    agencyCode: CITY_SERVICE_CENTRE_CODE,
    adminUnitCode: DA_NANG_CITY.code,
  },
  ...currentUnitsWithCommittee.map((u) => {
    const vi = u.name.vi.charAt(0).toLowerCase() + u.name.vi.slice(1);
    return {
      code: `MC-${u.code}`,
      name: { vi: `Trung tâm Phục vụ hành chính công ${vi}`, en: `Public Administration Service Centre of ${u.name.en}` },
      agencyCode: currentCommitteeCode(u.code) ?? '',
      adminUnitCode: u.code,
    };
  }),
];
