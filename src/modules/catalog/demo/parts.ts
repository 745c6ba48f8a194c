/**
 * Building blocks shared by the demonstration procedures: e-form fields every form asks
 * for, document helpers, and the legal documents cited by several procedures.
 */
import { draft2020Uri } from '../domain/eform-schema-check.js';
import type { Bilingual, FeeExemption, JsonSchema, LegalDocument, RequiredDocument } from '../domain/types.js';

/** Scans and photos of papers; Word files only where a form is filled in by the applicant. */
export const scanTypes = ['application/pdf', 'image/jpeg', 'image/png'];
export const formTypes = [...scanTypes, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'];
export const drawingTypes = ['application/pdf', 'image/vnd.dwg', 'image/jpeg'];

const MB = 1024 * 1024;

/** A required document; scans up to 10 MB unless stated. */
export function doc(
  id: string,
  vi: string,
  en: string,
  options: { originals?: number; copies?: number; mandatory?: boolean; types?: string[]; maxMb?: number; template?: string; note?: Bilingual } = {},
): RequiredDocument {
  const d: RequiredDocument = {
    id,
    name: { vi, en },
    originals: options.originals ?? 1,
    copies: options.copies ?? 0,
    mandatory: options.mandatory ?? true,
    acceptedMimeTypes: options.types ?? scanTypes,
    maxSizeBytes: (options.maxMb ?? 10) * MB,
  };
  if (options.template !== undefined) d.templateFile = options.template;
  if (options.note !== undefined) d.note = options.note;
  return d;
}

/** Power of attorney, optional in nearly every procedure (Civil Code 2015, art. 135–143). */
export const authorization = doc('van-ban-uy-quyen', 'Văn bản ủy quyền (nếu nộp thay)', 'Power of attorney (when filed by a representative)', {
  mandatory: false,
  note: { vi: 'Chỉ khi người nộp không phải người yêu cầu.', en: 'Only when the submitter is not the applicant.' },
});

/** An e-form: the root object with its required fields. */
export function form(title: string, properties: Record<string, JsonSchema>, required: string[]): JsonSchema {
  return { $schema: draft2020Uri, title, type: 'object', properties, required, additionalProperties: false };
}

/** A text field. */
export function text(vi: string, en: string, extra: Partial<JsonSchema> = {}): JsonSchema {
  return { type: 'string', title: vi, 'x-title-en': en, minLength: 1, maxLength: 255, ...extra };
}

/** A date field (YYYY-MM-DD). */
export function date(vi: string, en: string): JsonSchema {
  return { type: 'string', format: 'date', title: vi, 'x-title-en': en };
}

/** A whole-number field with bounds. */
export function count(vi: string, en: string, minimum: number, maximum: number): JsonSchema {
  return { type: 'integer', title: vi, 'x-title-en': en, minimum, maximum };
}

/** A choice among labelled values (the 2020-12 `oneOf` + `const` idiom). */
export function choice(vi: string, en: string, options: [value: string, vi: string, en: string][]): JsonSchema {
  return {
    title: vi,
    'x-title-en': en,
    type: 'string',
    oneOf: options.map(([value, optionVi, optionEn]) => ({ const: value, title: optionVi, 'x-title-en': optionEn })),
  };
}

/** Personal identification number: 12 digits (Law on Identification 2023). */
export function idNumber(vi = 'Số định danh cá nhân', en = 'Personal identification number'): JsonSchema {
  return text(vi, en, {
    pattern: '^[0-9]{12}$',
    minLength: 12,
    maxLength: 12,
    'x-pattern-message': { vi: 'phải gồm đúng 12 chữ số.', en: 'must be exactly 12 digits.' },
  });
}

/** Vietnamese phone number: 0 or +84, then 9 digits. */
export const phone: JsonSchema = text('Số điện thoại', 'Phone number', {
  pattern: '^(0|\\+84)[0-9]{9}$',
  maxLength: 12,
  'x-pattern-message': { vi: 'phải bắt đầu bằng 0 hoặc +84 và có 10 chữ số.', en: 'must start with 0 or +84 and have 10 digits.' },
});

export const email: JsonSchema = { type: 'string', format: 'email', title: 'Thư điện tử', 'x-title-en': 'E-mail', maxLength: 254 };

/** Enterprise or household-business code: 10 digits, or 13 with a branch suffix. */
export const taxCode: JsonSchema = text('Mã số doanh nghiệp / mã số thuế', 'Enterprise / tax code', {
  pattern: '^[0-9]{10}(-[0-9]{3})?$',
  maxLength: 14,
  'x-pattern-message': { vi: 'phải gồm 10 chữ số (hoặc 10 chữ số, dấu "-" và 3 chữ số).', en: 'must be 10 digits (or 10 digits, "-" and 3 digits).' },
});

export const sex = choice('Giới tính', 'Sex', [
  ['male', 'Nam', 'Male'],
  ['female', 'Nữ', 'Female'],
]);

/** Free of charge when filed online in Da Nang: Resolution 13/2025/NQ-HĐND (assumed adopted as drafted in 09/2025; verify). */
export const freeOnlineDaNang: FeeExemption = {
  id: 'truc-tuyen-da-nang',
  reason: { vi: 'Nộp hồ sơ trực tuyến: mức thu 0 đồng', en: 'Filed online: 0 đồng' },
  when: { kind: 'channel', channels: ['online'] },
  effect: { kind: 'percent', payPercent: 0 },
  legalBasis: 'Nghị quyết 13/2025/NQ-HĐND thành phố Đà Nẵng',
};

function law(number: string, vi: string, en: string, issuedOn?: string): LegalDocument {
  return issuedOn === undefined ? { number, title: { vi, en } } : { number, title: { vi, en }, issuedOn };
}

/** Legal documents cited by several procedures. */
export const laws = {
  civilStatusLaw: law('60/2014/QH13', 'Luật Hộ tịch', 'Law on Civil Status', '2014-11-20'),
  civilStatusDecree: law('123/2015/NĐ-CP', 'Nghị định quy định chi tiết một số điều và biện pháp thi hành Luật Hộ tịch', 'Decree detailing the Law on Civil Status', '2015-11-15'),
  civilStatusCircular: law('04/2020/TT-BTP', 'Thông tư quy định chi tiết thi hành Luật Hộ tịch và Nghị định 123/2015/NĐ-CP', 'Circular detailing the Law on Civil Status', '2020-05-28'),
  certificationDecree: law('23/2015/NĐ-CP', 'Nghị định về cấp bản sao từ sổ gốc, chứng thực bản sao từ bản chính, chứng thực chữ ký và chứng thực hợp đồng, giao dịch', 'Decree on copies from master registers and certification', '2015-02-16'),
  certificationFees: law('226/2016/TT-BTC', 'Thông tư quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí chứng thực', 'Circular on certification fees', '2016-11-11'),
  oneStopDecree: law('118/2025/NĐ-CP', 'Nghị định về thực hiện thủ tục hành chính theo cơ chế một cửa, một cửa liên thông', 'Decree on the one-stop mechanism'),
  residenceLaw: law('68/2020/QH14', 'Luật Cư trú', 'Law on Residence', '2020-11-13'),
  residenceFees: law('75/2022/TT-BTC', 'Thông tư quy định mức thu, chế độ thu, nộp và quản lý lệ phí đăng ký cư trú', 'Circular on residence registration charges', '2022-12-22'),
  danangOnlineZero: law('13/2025/NQ-HĐND', 'Nghị quyết của HĐND thành phố Đà Nẵng về mức thu phí, lệ phí 0 đồng khi thực hiện thủ tục hành chính trực tuyến', 'Da Nang People’s Council resolution on 0-đồng fees for online procedures'),
};
