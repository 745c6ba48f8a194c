import type { Bilingual } from '../../../platform/errors.js';
import { parseGrant, type RoleGrant } from '../../../platform/auth/roles.js';
import type { AdminUnit } from '../domain/admin-units.js';
import type { Agency } from '../domain/agencies.js';
import { validateAgencyCode } from '../domain/agencies.js';
import { validateCitizenId } from '../domain/citizen-id.js';
import { validateEmail, validatePhone } from '../domain/contact.js';
import { isIsoDate } from '../domain/dates.js';
import type { CitizenRecord, OrganizationRecord } from '../domain/people.js';
import { validateTaxCode } from '../domain/tax-code.js';
import { headerKey, type TableRow } from './read-table.js';

/** What can be imported. */
export const IMPORT_KINDS = ['citizens', 'organizations', 'units', 'agencies', 'officials'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** A problem with one cell of one row, for the error report. */
export interface RowError {
  row: number;
  column: string;
  value: string;
  reason: Bilingual;
}

export interface OfficialImport {
  username: string;
  fullName: string;
  agencyCode: string;
  position: Bilingual;
  email: string | null;
  phone: string | null;
  grants: RoleGrant[];
}

export type ImportRecord = CitizenRecord | OrganizationRecord | AdminUnit | Agency | OfficialImport;

/** What the validators may look up (loaded once per import). */
export interface ImportContext {
  /** Commune-level and other unit codes valid today. */
  unitCodes: ReadonlySet<string>;
}

interface Column {
  key: string;
  /** Header as written in the template (Vietnamese). */
  header: string;
  aliases: string[];
  required: boolean;
}

const col = (key: string, header: string, required: boolean, ...aliases: string[]): Column => ({ key, header, required, aliases: [key, header, ...aliases].map(headerKey) });

/** The columns of each kind, in template order (Vietnamese headers; English keys accepted). */
export const COLUMNS: Record<ImportKind, Column[]> = {
  citizens: [
    col('idNumber', 'Số định danh cá nhân', true, 'so dinh danh', 'cccd'),
    col('fullName', 'Họ và tên', true, 'ho ten'),
    col('dateOfBirth', 'Ngày sinh', true),
    col('sex', 'Giới tính', true),
    col('unitCode', 'Mã đơn vị hành chính', true, 'ma dvhc', 'ma xa'),
    col('street', 'Địa chỉ', true, 'so nha duong pho'),
    col('phone', 'Số điện thoại', false, 'dien thoai'),
    col('email', 'Thư điện tử', false, 'email'),
  ],
  organizations: [
    col('taxCode', 'Mã số thuế', true, 'ma so doanh nghiep'),
    col('name', 'Tên tổ chức', true, 'ten doanh nghiep', 'ten'),
    col('englishName', 'Tên tiếng Anh', false),
    col('legalForm', 'Loại hình', false),
    col('unitCode', 'Mã đơn vị hành chính', true, 'ma dvhc'),
    col('street', 'Địa chỉ', true),
    col('legalRepName', 'Người đại diện theo pháp luật', true, 'nguoi dai dien'),
    col('legalRepIdNumber', 'Số định danh người đại diện', false),
    col('phone', 'Số điện thoại', false),
    col('email', 'Thư điện tử', false, 'email'),
  ],
  units: [
    col('code', 'Mã đơn vị', true, 'ma'),
    col('name', 'Tên đơn vị', true, 'ten'),
    col('nameEn', 'Tên tiếng Anh', true),
    col('shortName', 'Tên rút gọn', true),
    col('level', 'Cấp', true),
    col('kind', 'Loại', true),
    col('parentCode', 'Mã đơn vị cấp trên', false),
    col('validFrom', 'Hiệu lực từ ngày', true),
    col('validTo', 'Hiệu lực đến ngày', false),
    col('successorCode', 'Mã đơn vị kế thừa', false),
  ],
  agencies: [
    col('code', 'Mã định danh', true, 'ma co quan', 'ma'),
    col('name', 'Tên cơ quan', true, 'ten'),
    col('nameEn', 'Tên tiếng Anh', true),
    col('type', 'Loại cơ quan', true),
    col('unitCode', 'Mã đơn vị hành chính', true),
    col('parentCode', 'Mã cơ quan cấp trên', false),
    col('validFrom', 'Hiệu lực từ ngày', true),
    col('validTo', 'Hiệu lực đến ngày', false),
  ],
  officials: [
    col('username', 'Tên đăng nhập', true),
    col('fullName', 'Họ và tên', true),
    col('agencyCode', 'Mã cơ quan', true),
    col('position', 'Chức vụ', true),
    col('positionEn', 'Chức vụ (tiếng Anh)', false),
    col('email', 'Thư điện tử', false, 'email'),
    col('phone', 'Số điện thoại', false),
    col('roles', 'Vai trò', true, 'vai tro pham vi'),
  ],
};

const UNIT_KINDS = ['city', 'province', 'urbanDistrict', 'ruralDistrict', 'ward', 'commune', 'specialZone'];
const AGENCY_TYPES = ['peoplesCommittee', 'department', 'office', 'serviceCentre', 'police'];

/** `15/05/1990`, `1990-05-15` → `1990-05-15`; undefined for anything else. */
export function parseDate(text: string): string | undefined {
  const t = text.trim();
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  const iso = dmy ? `${dmy[3]}-${(dmy[2] ?? '').padStart(2, '0')}-${(dmy[1] ?? '').padStart(2, '0')}` : t;
  return isIsoDate(iso) ? iso : undefined;
}

function parseSex(text: string): 'male' | 'female' | undefined {
  const k = headerKey(text);
  if (['nam', 'male', 'm'].includes(k)) return 'male';
  if (['nu', 'female', 'f'].includes(k)) return 'female';
  return undefined;
}

const msg = (vi: string, en: string): Bilingual => ({ vi, en });

/**
 * Validates one row of `kind` and maps it to a record, or lists every problem in it
 * (row number, column header, value, reason in Vietnamese and English).
 */
export function parseRow(kind: ImportKind, row: TableRow, ctx: ImportContext): { record: ImportRecord } | { errors: RowError[] } {
  const errors: RowError[] = [];
  const get = (key: string): string => {
    const c = COLUMNS[kind].find((x) => x.key === key);
    if (!c) return '';
    for (const a of c.aliases) if (row.cells[a] !== undefined) return row.cells[a]?.trim() ?? '';
    return '';
  };
  const err = (key: string, reason: Bilingual) => {
    const c = COLUMNS[kind].find((x) => x.key === key);
    errors.push({ row: row.row, column: c?.header ?? key, value: get(key), reason });
  };
  for (const c of COLUMNS[kind]) if (c.required && get(c.key) === '') err(c.key, msg('Thiếu dữ liệu bắt buộc', 'Required value missing'));
  if (errors.length) return { errors };

  const phone = get('phone');
  const email = get('email');
  const checkContact = () => {
    if (phone) {
      const p = validatePhone(phone);
      if (!p.ok) for (const e of p.errors) err('phone', e.message);
    }
    if (email) {
      const e2 = validateEmail(email);
      if (!e2.ok) for (const e of e2.errors) err('email', e.message);
    }
  };
  const checkUnit = (key: string) => {
    if (!ctx.unitCodes.has(get(key))) err(key, msg('Mã đơn vị hành chính không tồn tại', 'Unknown administrative unit code'));
  };

  switch (kind) {
    case 'citizens': {
      const dob = parseDate(get('dateOfBirth'));
      if (!dob) err('dateOfBirth', msg('Ngày sinh không hợp lệ (dd/mm/yyyy)', 'Invalid date of birth (dd/mm/yyyy)'));
      const sex = parseSex(get('sex'));
      if (!sex) err('sex', msg('Giới tính phải là Nam hoặc Nữ', 'Sex must be Nam (male) or Nữ (female)'));
      const id = validateCitizenId(get('idNumber'), { ...(dob ? { dateOfBirth: dob } : {}), ...(sex ? { sex } : {}) });
      if (!id.ok) for (const e of id.errors) err('idNumber', e.message);
      checkUnit('unitCode');
      checkContact();
      if (errors.length || !dob || !sex) return { errors };
      const names = get('fullName').split(/\s+/);
      return {
        record: {
          id: get('idNumber'),
          fullName: names.join(' '),
          surname: names[0] ?? '',
          middleName: names.slice(1, -1).join(' '),
          givenName: names[names.length - 1] ?? '',
          sex,
          dateOfBirth: dob,
          address: { unitCode: get('unitCode'), street: get('street') },
          phone,
          email,
        } satisfies CitizenRecord,
      };
    }
    case 'organizations': {
      const tax = validateTaxCode(get('taxCode'));
      if (!tax.ok) for (const e of tax.errors) err('taxCode', e.message);
      const rep = get('legalRepIdNumber');
      if (rep) {
        const r = validateCitizenId(rep);
        if (!r.ok) for (const e of r.errors) err('legalRepIdNumber', e.message);
      }
      checkUnit('unitCode');
      checkContact();
      if (errors.length || !tax.ok) return { errors };
      return {
        record: {
          taxCode: tax.code,
          name: get('name'),
          englishName: get('englishName'),
          legalForm: (get('legalForm') || 'multiMemberLlc') as OrganizationRecord['legalForm'],
          legalRepresentative: { fullName: get('legalRepName'), citizenId: rep },
          address: { unitCode: get('unitCode'), street: get('street') },
          phone,
          email,
          registeredOn: '',
        } satisfies OrganizationRecord,
      };
    }
    case 'units': {
      const level = get('level');
      if (!['province', 'district', 'commune'].includes(level)) err('level', msg('Cấp phải là province, district hoặc commune', 'Level must be province, district or commune'));
      if (!UNIT_KINDS.includes(get('kind'))) err('kind', msg(`Loại phải là một trong: ${UNIT_KINDS.join(', ')}`, `Kind must be one of: ${UNIT_KINDS.join(', ')}`));
      if (!/^\d{2}(\d|\d{3})?$/.test(get('code'))) err('code', msg('Mã đơn vị gồm 2, 3 hoặc 5 chữ số', 'A unit code has 2, 3 or 5 digits'));
      const from = parseDate(get('validFrom'));
      if (!from) err('validFrom', msg('Ngày không hợp lệ', 'Invalid date'));
      const to = get('validTo') ? parseDate(get('validTo')) : undefined;
      if (get('validTo') && !to) err('validTo', msg('Ngày không hợp lệ', 'Invalid date'));
      if (errors.length || !from) return { errors };
      return {
        record: {
          code: get('code'),
          name: { vi: get('name'), en: get('nameEn') },
          shortName: get('shortName'),
          level: level as AdminUnit['level'],
          kind: get('kind') as AdminUnit['kind'],
          ...(get('parentCode') ? { parentCode: get('parentCode') } : {}),
          validFrom: from,
          ...(to ? { validTo: to } : {}),
          ...(get('successorCode') ? { successorCode: get('successorCode') } : {}),
        } satisfies AdminUnit,
      };
    }
    case 'agencies': {
      const code = validateAgencyCode(get('code'));
      if (!code.ok) err('code', code.message);
      if (!AGENCY_TYPES.includes(get('type'))) err('type', msg(`Loại phải là một trong: ${AGENCY_TYPES.join(', ')}`, `Type must be one of: ${AGENCY_TYPES.join(', ')}`));
      const from = parseDate(get('validFrom'));
      if (!from) err('validFrom', msg('Ngày không hợp lệ', 'Invalid date'));
      const to = get('validTo') ? parseDate(get('validTo')) : undefined;
      if (errors.length || !from) return { errors };
      return {
        record: {
          code: get('code'),
          name: { vi: get('name'), en: get('nameEn') },
          type: get('type') as Agency['type'],
          adminUnitCode: get('unitCode'),
          ...(get('parentCode') ? { parentCode: get('parentCode') } : {}),
          validFrom: from,
          ...(to ? { validTo: to } : {}),
        } satisfies Agency,
      };
    }
    case 'officials': {
      if (!/^[a-z0-9][a-z0-9._-]{2,63}$/.test(get('username'))) err('username', msg('Tên đăng nhập gồm 3–64 ký tự thường không dấu, số, . _ -', 'Username: 3–64 lower-case letters, digits, . _ -'));
      const grants: RoleGrant[] = [];
      for (const part of get('roles').split(/[;\n]/).map((p) => p.trim()).filter(Boolean)) {
        const g = parseGrant(part);
        if (!g || g.role === 'citizen') err('roles', msg(`Vai trò "${part}" không hợp lệ (ví dụ specialist@agency:000.00.06.H17)`, `Role "${part}" is not valid (e.g. specialist@agency:000.00.06.H17)`));
        else grants.push(g);
      }
      checkContact();
      if (errors.length) return { errors };
      return {
        record: { username: get('username'), fullName: get('fullName'), agencyCode: get('agencyCode'), position: { vi: get('position'), en: get('positionEn') || get('position') }, email: email || null, phone: phone || null, grants },
      };
    }
  }
}

/** The natural key of a record, for duplicate detection within one file. */
export function naturalKey(kind: ImportKind, record: ImportRecord): string {
  switch (kind) {
    case 'citizens':
      return (record as CitizenRecord).id;
    case 'organizations':
      return (record as OrganizationRecord).taxCode;
    case 'units':
      return `${(record as AdminUnit).code}@${(record as AdminUnit).validFrom}`;
    case 'agencies':
      return (record as Agency).code;
    case 'officials':
      return (record as OfficialImport).username;
  }
}
