/**
 * Plausible e-form data for demonstration dossiers, generated from each procedure's e-form
 * schema (the JSON Schema subset the catalogue uses), with values chosen by field name where
 * a name says what the field holds (a full name, an identification number, an address).
 * Pure: no I/O.
 */
import type { JsonSchema } from '../catalog/index.js';
import type { Rng } from './seed-prng.js';

/** A person the form may name. */
export interface FormPerson {
  name: string;
  /** 12-digit personal identification number. */
  number: string;
  dateOfBirth: string;
}

/** What the generator knows about the dossier it fills in the form for. */
export interface FormContext {
  /** The applicant when a citizen (fields such as `fullName`, `ownerFullName` take their details). */
  applicant: FormPerson;
  /** Other people (spouses, parents, parties to a contract). */
  others: readonly FormPerson[];
  /** The organization when the applicant is one. */
  organization?: { name: string; taxCode: string };
  /** When the form is filled in; dates of recent events fall before it. */
  at: Date;
  /** The ward or commune name used in addresses, e.g. `Hải Châu`. */
  place: string;
  /** For construction permits: the floor area that decides the route (> 250 m² goes to the department). */
  totalFloorArea?: number;
}

const STREETS = ['Lê Duẩn', 'Trần Phú', 'Bạch Đằng', 'Nguyễn Văn Linh', 'Hùng Vương', 'Ông Ích Khiêm', 'Điện Biên Phủ', 'Nguyễn Lương Bằng', 'Ngô Quyền', 'Võ Nguyên Giáp', 'Tôn Đức Thắng', 'Núi Thành', 'Hoàng Diệu', 'Lê Văn Hiến'];
const TEXTS: Record<string, readonly string[]> = {
  purpose: ['Bổ sung hồ sơ xin việc', 'Làm thủ tục kết hôn', 'Du học', 'Vay vốn ngân hàng', 'Xuất khẩu lao động'],
  reason: ['Sai sót khi đăng ký trước đây', 'Thay đổi theo quyết định của cơ quan có thẩm quyền', 'Bổ sung thông tin còn thiếu'],
  currentContent: ['Ngày sinh ghi 01/01/1990', 'Quê quán ghi Quảng Nam', 'Tên đệm ghi "Thi"'],
  requestedContent: ['Ngày sinh 10/01/1990', 'Quê quán Đà Nẵng', 'Tên đệm "Thị"'],
  propertyDescription: ['Thửa đất số 112, tờ bản đồ số 7, diện tích 100 m²', 'Xe ô tô biển kiểm soát 43A-123.45', 'Căn hộ 1205 chung cư Monarchy'],
  businessLines: ['Bán lẻ tạp hóa', 'Dịch vụ ăn uống', 'Sửa chữa xe máy', 'Bán lẻ đồ uống'],
  businessName: ['Tạp hóa Minh An', 'Quán cơm Bà Năm', 'Cà phê Sông Hàn', 'Tiệm sửa xe Thanh Bình'],
  companyName: ['Công ty TNHH Dịch vụ Biển Xanh', 'Công ty TNHH Thương mại Hòa Phát Đà Nẵng', 'Công ty TNHH Công nghệ Sơn Trà'],
  facilityName: ['Nhà hàng Hải sản Bé Mặn', 'Bếp ăn Công ty Dệt Hòa Khánh', 'Nhà hàng Ngũ Hành Sơn'],
  traderName: ['Cửa hàng Rượu bia Phú Quý', 'Siêu thị mini An Khang', 'Đại lý Bia Sông Hàn'],
  paperName: ['Giấy khai sinh', 'Bằng tốt nghiệp đại học', 'Sổ hộ khẩu', 'Giấy chứng nhận quyền sử dụng đất', 'Học bạ trung học phổ thông'],
  paperTitle: ['Giấy ủy quyền', 'Đơn xin xác nhận', 'Bản cam kết'],
  causeOfDeath: ['Bệnh già', 'Bệnh hiểm nghèo'],
  ethnicity: ['Kinh'],
  relationshipToHead: ['Con', 'Vợ', 'Chồng', 'Cháu'],
};

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** A date `days` before `at` (YYYY-MM-DD, UTC date is close enough for demonstration). */
function daysBefore(at: Date, days: number): string {
  return new Date(at.getTime() - days * 86_400_000).toISOString().slice(0, 10);
}

function address(rng: Rng, ctx: FormContext): string {
  return `${rng.between(1, 420)} ${rng.pick(STREETS)}, phường ${ctx.place}, thành phố Đà Nẵng`;
}

/** Which person a name or number field speaks of: the applicant's own fields, or someone else. */
function personFor(key: string, ctx: FormContext): FormPerson {
  const own = /^(fullName|idNumber|dateOfBirth|owner|requester|signer|partyA|representative|declarant|subject)/.test(key);
  if (own) return ctx.applicant;
  // Stable per field, so that a name and its number describe the same person.
  const prefix = key.replace(/(FullName|IdNumber|DateOfBirth)$/, '');
  const index = [...prefix].reduce((s, c) => s + c.charCodeAt(0), 0);
  return ctx.others[index % Math.max(1, ctx.others.length)] ?? ctx.applicant;
}

function dateFor(key: string, ctx: FormContext, rng: Rng): string {
  if (key === 'childDateOfBirth') return daysBefore(ctx.at, rng.between(2, 55));
  if (key === 'dateOfDeath') return daysBefore(ctx.at, rng.between(1, 14));
  if (key === 'usedSince') return `${rng.between(1985, 2012)}-${pad(rng.between(1, 12))}-${pad(rng.between(1, 28))}`;
  if (/DateOfBirth$|^dateOfBirth$/.test(key)) return personFor(key.replace(/DateOfBirth$/, 'FullName'), ctx).dateOfBirth;
  return daysBefore(ctx.at, rng.between(30, 3000));
}

function numberFor(key: string, s: JsonSchema, ctx: FormContext, rng: Rng): number {
  const min = s.minimum ?? 0;
  const max = s.maximum ?? 1_000_000;
  const clamp = (v: number) => Math.min(max, Math.max(min, v));
  switch (key) {
    case 'totalFloorArea':
      return clamp(ctx.totalFloorArea ?? rng.between(80, 240));
    case 'plotArea':
      return clamp(rng.between(60, 300));
    case 'floors':
      return clamp(rng.between(1, 5));
    case 'height':
      return clamp(rng.between(4, 18) + 0.5);
    case 'capital':
    case 'charterCapital':
      return clamp(rng.between(1, 200) * 10_000_000);
    case 'employees':
      return clamp(rng.between(1, 15));
    case 'servingsPerDay':
      return clamp(rng.between(5, 60) * 10);
    default:
      // Counts of copies, pages and the like: small numbers.
      return clamp(rng.between(Math.max(min, 1), Math.min(max, 3)));
  }
}

function stringFor(key: string, s: JsonSchema, ctx: FormContext, rng: Rng): string {
  if (s.format === 'date') return dateFor(key, ctx, rng);
  if (s.format === 'email') return `lienhe${rng.digits(3)}@example.com`;
  if (/FullName$|^fullName$/.test(key)) return personFor(key, ctx).name;
  if (/IdNumber$|^idNumber$/.test(key)) return personFor(key.replace(/IdNumber$/, 'FullName'), ctx).number;
  if (key === 'phone') return `09${rng.digits(8)}`;
  if (key === 'taxCode') return ctx.organization?.taxCode ?? `04${rng.digits(8)}`;
  if (key === 'mainBusinessLine') return rng.pick(['4711', '5610', '6201', '4933', '5510']);
  if (key === 'landCertificateNumber') return `CS ${rng.digits(5)}`;
  if (key === 'plotNumber' || key === 'mapSheetNumber') return String(rng.between(1, 350));
  if (key === 'registrationNumber') return `${rng.between(1, 300)}/${rng.between(1995, 2024)}`;
  if (/[aA]ddress$|^placeOf/.test(key)) return address(rng, ctx);
  if (key === 'companyName' && ctx.organization) return ctx.organization.name;
  const list = TEXTS[key];
  const value = list ? rng.pick(list) : 'Nội dung minh họa';
  return s.maxLength !== undefined ? value.slice(0, s.maxLength) : value;
}

/**
 * A value for one field of an e-form schema: a labelled choice, a number within bounds,
 * a string that matches the field's pattern, an array or object filled in recursively.
 */
export function valueFor(key: string, s: JsonSchema, ctx: FormContext, rng: Rng): unknown {
  if (s.const !== undefined) return s.const;
  if (s.oneOf?.length) return rng.pick(s.oneOf.map((o) => o.const).filter((c) => c !== undefined));
  if (s.enum?.length) return rng.pick(s.enum);
  switch (s.type) {
    case 'object':
      return formFor(s, ctx, rng);
    case 'array': {
      const n = rng.between(Math.max(1, s.minItems ?? 1), Math.min(3, s.maxItems ?? 3));
      return Array.from({ length: n }, () => valueFor(key, s.items ?? { type: 'string' }, ctx, rng));
    }
    case 'integer':
      return Math.round(numberFor(key, s, ctx, rng));
    case 'number':
      return numberFor(key, s, ctx, rng);
    case 'boolean':
      return rng.chance(0.5);
    default:
      return stringFor(key, s, ctx, rng);
  }
}

/**
 * Fills in an e-form: every required field, and most optional ones (a citizen leaves some
 * blank), so that the catalogue's `validateFormData` accepts it.
 */
export function formFor(schema: JsonSchema, ctx: FormContext, rng: Rng): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const required = new Set(schema.required ?? []);
  for (const [key, s] of Object.entries(schema.properties ?? {})) {
    if (!required.has(key) && rng.chance(0.3)) continue;
    out[key] = valueFor(key, s, ctx, rng);
  }
  return out;
}
