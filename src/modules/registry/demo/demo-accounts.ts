/**
 * Fixed demonstration accounts that are easy to remember and type at a demo: a few
 * citizens and organizations whose identification numbers follow the legal structure, and
 * the officials of the demo city with their roles. Generated data never reuses these
 * numbers.
 */
import type { Official } from '../domain/agencies.js';
import type { CitizenRecord, OrganizationRecord } from '../domain/people.js';
import {
  CITY_SERVICE_CENTRE_CODE,
  DEPARTMENT_OF_CONSTRUCTION_CODE,
  DEPARTMENT_OF_JUSTICE_CODE,
} from './agencies.js';

/**
 * Demo citizens. Each ID reads: province of birth registration, sex+century digit, two
 * year digits, then a sequence: 048 0 90 000001 = born 1990 in Đà Nẵng, male.
 */
export const DEMO_CITIZENS: readonly CitizenRecord[] = [
  {
    id: '048090000001', fullName: 'Nguyễn Văn An', surname: 'Nguyễn', middleName: 'Văn', givenName: 'An',
    sex: 'male', dateOfBirth: '1990-05-15', address: { unitCode: '20242', street: '15 Lê Duẩn' },
    phone: '0905000001', email: 'an.nguyen@example.com',
  },
  {
    id: '048185000002', fullName: 'Trần Thị Bích', surname: 'Trần', middleName: 'Thị', givenName: 'Bích',
    sex: 'female', dateOfBirth: '1985-11-20', address: { unitCode: '20257', street: '388 Núi Thành' },
    phone: '0935000002', email: 'bich.tran@example.com',
  },
  {
    id: '048201000003', fullName: 'Lê Minh Châu', surname: 'Lê', middleName: 'Minh', givenName: 'Châu',
    sex: 'male', dateOfBirth: '2001-02-03', address: { unitCode: '20197', street: '54 Nguyễn Lương Bằng' },
    phone: '0987000003', email: 'chau.le@example.com',
  },
  {
    // Born in Quảng Nam (049), which is part of Da Nang since 2025; the number is unchanged.
    id: '049162000004', fullName: 'Phạm Thị Dung', surname: 'Phạm', middleName: 'Thị', givenName: 'Dung',
    sex: 'female', dateOfBirth: '1962-08-30', address: { unitCode: '20410', street: '12 Trần Phú' },
    phone: '0914000004', email: 'dung.pham@example.com',
  },
  {
    id: '048215000005', fullName: 'Huỳnh Gia Bảo', surname: 'Huỳnh', middleName: 'Gia', givenName: 'Bảo',
    sex: 'male', dateOfBirth: '2015-09-02', address: { unitCode: '20200', street: 'K20/3 Tôn Đức Thắng' },
    phone: '0796000005', email: 'bao.huynh@example.com',
  },
];

/** Demo organizations, including a branch with a 13-digit code. */
export const DEMO_ORGANIZATIONS: readonly OrganizationRecord[] = [
  {
    taxCode: '0401234566',
    name: 'Công ty TNHH Thương mại và Dịch vụ Sông Hàn',
    englishName: 'Song Han Trading and Services Company Limited',
    legalForm: 'multiMemberLlc',
    legalRepresentative: { fullName: 'Nguyễn Văn An', citizenId: '048090000001' },
    address: { unitCode: '20242', street: '120 Bạch Đằng' },
    phone: '0905123400', email: 'lienhe@songhan.example.com', registeredOn: '2012-03-15',
  },
  {
    taxCode: '0407654327',
    name: 'Công ty Cổ phần Xây dựng Hải Vân',
    englishName: 'Hai Van Construction Joint Stock Company',
    legalForm: 'jointStock',
    legalRepresentative: { fullName: 'Trần Thị Bích', citizenId: '048185000002' },
    address: { unitCode: '20194', street: '799 Nguyễn Lương Bằng' },
    phone: '0935123400', email: 'info@haivan.example.com', registeredOn: '2008-07-01',
  },
  {
    taxCode: '0401234566-001',
    name: 'Chi nhánh Hội An - Công ty TNHH Thương mại và Dịch vụ Sông Hàn',
    englishName: 'Song Han Trading and Services Company Limited - Hoi An Branch',
    legalForm: 'branch',
    parentTaxCode: '0401234566',
    legalRepresentative: { fullName: 'Phạm Thị Dung', citizenId: '049162000004' },
    address: { unitCode: '20410', street: '45 Nguyễn Thái Học' },
    phone: '0914123400', email: 'hoian@songhan.example.com', registeredOn: '2019-10-10',
  },
];

/** UBND phường Hải Châu in the illustrative numbering of `agencies.ts` (5th unit by code). */
export const HAI_CHAU_WARD_COMMITTEE_CODE = '000.05.50.H17';
const HAI_CHAU_WARD = '20242';
const MAIL = 'danang.example';

const agency = (code: string) => ({ type: 'agency', code }) as const;

/** Demo officials, one per typical job, with role × scope assignments. */
export const DEMO_OFFICIALS: readonly Official[] = [
  {
    username: 'haichau.tiepnhan', fullName: 'Ngô Thị Thu Hà', agencyCode: HAI_CHAU_WARD_COMMITTEE_CODE,
    position: { vi: 'Công chức tiếp nhận hồ sơ', en: 'Reception officer' }, email: `haichau.tiepnhan@${MAIL}`,
    roles: [{ role: 'receptionOfficer', scope: agency(HAI_CHAU_WARD_COMMITTEE_CODE) }],
  },
  {
    username: 'haichau.chuyenvien', fullName: 'Đoàn Minh Tuấn', agencyCode: HAI_CHAU_WARD_COMMITTEE_CODE,
    position: { vi: 'Chuyên viên Phòng Kinh tế, Hạ tầng và Đô thị', en: 'Specialist, Economy, Infrastructure and Urban Affairs Office' }, email: `haichau.chuyenvien@${MAIL}`,
    roles: [{ role: 'specialist', scope: agency(HAI_CHAU_WARD_COMMITTEE_CODE) }],
  },
  {
    username: 'haichau.lanhdao', fullName: 'Lê Văn Hùng', agencyCode: HAI_CHAU_WARD_COMMITTEE_CODE,
    position: { vi: 'Phó Chủ tịch Ủy ban nhân dân phường', en: 'Vice-Chairman of the Ward People\'s Committee' },
    email: `haichau.lanhdao@${MAIL}`,
    roles: [
      { role: 'leader', scope: agency(HAI_CHAU_WARD_COMMITTEE_CODE) },
      { role: 'statsViewer', scope: { type: 'adminUnit', code: HAI_CHAU_WARD } },
    ],
  },
  {
    username: 'haichau.quantri', fullName: 'Dương Văn Khoa', agencyCode: HAI_CHAU_WARD_COMMITTEE_CODE,
    position: { vi: 'Quản trị hệ thống đơn vị', en: 'Agency administrator' }, email: `haichau.quantri@${MAIL}`,
    roles: [{ role: 'agencyAdmin', scope: agency(HAI_CHAU_WARD_COMMITTEE_CODE) }],
  },
  {
    username: 'sxd.chuyenvien', fullName: 'Phan Thị Hồng Nhung', agencyCode: DEPARTMENT_OF_CONSTRUCTION_CODE,
    position: { vi: 'Chuyên viên', en: 'Specialist' }, email: `sxd.chuyenvien@${MAIL}`,
    roles: [{ role: 'specialist', scope: agency(DEPARTMENT_OF_CONSTRUCTION_CODE) }],
  },
  {
    username: 'sxd.lanhdao', fullName: 'Võ Quốc Bảo', agencyCode: DEPARTMENT_OF_CONSTRUCTION_CODE,
    position: { vi: 'Phó Giám đốc Sở', en: 'Deputy Director of the Department' }, email: `sxd.lanhdao@${MAIL}`,
    roles: [{ role: 'leader', scope: agency(DEPARTMENT_OF_CONSTRUCTION_CODE) }],
  },
  {
    username: 'sxd.vanthu', fullName: 'Trương Thị Mai', agencyCode: DEPARTMENT_OF_CONSTRUCTION_CODE,
    position: { vi: 'Văn thư', en: 'Records clerk' }, email: `sxd.vanthu@${MAIL}`,
    roles: [{ role: 'clerk', scope: agency(DEPARTMENT_OF_CONSTRUCTION_CODE) }],
  },
  {
    username: 'stp.chuyenvien', fullName: 'Huỳnh Ngọc Trâm', agencyCode: DEPARTMENT_OF_JUSTICE_CODE,
    position: { vi: 'Chuyên viên', en: 'Specialist' }, email: `stp.chuyenvien@${MAIL}`,
    roles: [{ role: 'specialist', scope: agency(DEPARTMENT_OF_JUSTICE_CODE) }],
  },
  {
    username: 'stp.lanhdao', fullName: 'Đặng Văn Thành', agencyCode: DEPARTMENT_OF_JUSTICE_CODE,
    position: { vi: 'Phó Giám đốc Sở', en: 'Deputy Director of the Department' }, email: `stp.lanhdao@${MAIL}`,
    roles: [{ role: 'leader', scope: agency(DEPARTMENT_OF_JUSTICE_CODE) }],
  },
  {
    username: 'stp.vanthu', fullName: 'Bùi Thị Lan', agencyCode: DEPARTMENT_OF_JUSTICE_CODE,
    position: { vi: 'Văn thư', en: 'Records clerk' }, email: `stp.vanthu@${MAIL}`,
    roles: [{ role: 'clerk', scope: agency(DEPARTMENT_OF_JUSTICE_CODE) }],
  },
  {
    username: 'tthcc.tiepnhan', fullName: 'Hồ Thị Kim Oanh', agencyCode: CITY_SERVICE_CENTRE_CODE,
    position: { vi: 'Công chức tiếp nhận hồ sơ', en: 'Reception officer' }, email: `tthcc.tiepnhan@${MAIL}`,
    roles: [{ role: 'receptionOfficer', scope: agency(CITY_SERVICE_CENTRE_CODE) }],
  },
  {
    username: 'thongke', fullName: 'Mai Anh Thư', agencyCode: '000.00.01.H17',
    position: { vi: 'Chuyên viên tổng hợp', en: 'Statistics officer' }, email: `thongke@${MAIL}`,
    roles: [{ role: 'statsViewer', scope: { type: 'adminUnit', code: '48' } }],
  },
  {
    // Digital transformation sits with the Department of Science and Technology since 2025.
    username: 'quantri', fullName: 'Nguyễn Hữu Phước', agencyCode: '000.00.12.H17',
    position: { vi: 'Quản trị hệ thống', en: 'System administrator' }, email: `quantri@${MAIL}`,
    roles: [{ role: 'systemAdmin', scope: { type: 'system' } }],
  },
];
