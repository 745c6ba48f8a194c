/**
 * Personal identification number (số định danh cá nhân, printed on the CCCD / căn cước card).
 *
 * Structure (Decree 137/2015/NĐ-CP art. 13 as amended; Circular 59/2021/TT-BCA art. 7,
 * which keeps the coding of Circular 07/2016/TT-BCA):
 *   digits 1–3  province code of birth registration (see `province-codes.ts`)
 *   digit  4    sex and century of birth: even = male, odd = female;
 *               0/1 = 1900–1999, 2/3 = 2000–2099, 4/5 = 2100–2199, 6/7 = 2200–2299,
 *               8/9 = 2300–2399
 *   digits 5–6  last two digits of the year of birth
 *   digits 7–12 random number
 * There is no check digit, so a well-formed number can still be one that was never issued.
 */
import type { Bilingual } from '../../../platform/errors.js';
import { isIsoDate } from './dates.js';
import { findBirthProvince } from './province-codes.js';

export type Sex = 'male' | 'female';

export type CitizenIdErrorReason =
  | 'length'
  | 'nonDigit'
  | 'unknownProvince'
  | 'invalidDateOfBirth'
  | 'centuryMismatch'
  | 'birthYearMismatch'
  | 'sexMismatch';

export interface CitizenIdError {
  reason: CitizenIdErrorReason;
  message: Bilingual;
}

export type CitizenIdResult =
  | {
      ok: true;
      /** The number as validated (surrounding whitespace removed). */
      id: string;
      provinceCode: string;
      provinceName: string;
      sex: Sex;
      /** Full year of birth decoded from digits 4–6. */
      birthYear: number;
    }
  | { ok: false; errors: CitizenIdError[] };

export interface CitizenIdCheckOptions {
  /** Date of birth as `YYYY-MM-DD`; when given, century and year digits must agree with it. */
  dateOfBirth?: string;
  /** Sex on record; when given, the parity of digit 4 must agree with it. */
  sex?: Sex;
}

/** First year of the century coded by each value of digit 4 (index = digit). */
const CENTURY_START = [1900, 1900, 2000, 2000, 2100, 2100, 2200, 2200, 2300, 2300] as const;

/**
 * Validates a 12-digit personal identification number, optionally against the holder's
 * date of birth and sex (Circular 59/2021/TT-BCA art. 7).
 *
 * @example validateCitizenId('048090000001', { sex: 'male' }) // ok, born 1990 in Đà Nẵng
 */
export function validateCitizenId(input: string, options: CitizenIdCheckOptions = {}): CitizenIdResult {
  const id = input.trim();
  const errors: CitizenIdError[] = [];

  if (id.length !== 12) {
    errors.push({
      reason: 'length',
      message: {
        vi: `Số định danh cá nhân phải có đúng 12 chữ số (đang có ${id.length} ký tự).`,
        en: `A personal identification number has exactly 12 digits (got ${id.length} characters).`,
      },
    });
  }
  if (!/^\d*$/.test(id)) {
    errors.push({
      reason: 'nonDigit',
      message: {
        vi: 'Số định danh cá nhân chỉ gồm chữ số 0–9.',
        en: 'A personal identification number contains only the digits 0–9.',
      },
    });
  }
  // Without 12 clean digits the positions below mean nothing.
  if (errors.length > 0) return { ok: false, errors };

  const provinceCode = id.slice(0, 3);
  const centuryDigit = Number(id[3]);
  const yearDigits = id.slice(4, 6);
  const province = findBirthProvince(provinceCode);
  if (!province) {
    errors.push({
      reason: 'unknownProvince',
      message: {
        vi: `Ba chữ số đầu "${provinceCode}" không phải mã tỉnh, thành phố nơi đăng ký khai sinh.`,
        en: `The first three digits "${provinceCode}" are not a province code of birth registration.`,
      },
    });
  }

  // Index is a single digit 0–9, so the lookup always hits.
  const centuryStart = CENTURY_START[centuryDigit] ?? 1900;
  const sex: Sex = centuryDigit % 2 === 0 ? 'male' : 'female';
  const birthYear = centuryStart + Number(yearDigits);

  if (options.dateOfBirth !== undefined) {
    const year = parseBirthYear(options.dateOfBirth);
    if (year === undefined) {
      errors.push({
        reason: 'invalidDateOfBirth',
        message: {
          vi: `Ngày sinh "${options.dateOfBirth}" không hợp lệ (định dạng YYYY-MM-DD).`,
          en: `Date of birth "${options.dateOfBirth}" is not a valid YYYY-MM-DD date.`,
        },
      });
    } else {
      const expectedStart = Math.floor(year / 100) * 100;
      if (expectedStart !== centuryStart) {
        errors.push({
          reason: 'centuryMismatch',
          message: {
            vi: `Chữ số thứ 4 là "${centuryDigit}" (sinh ${centuryStart}–${centuryStart + 99}) nhưng năm sinh là ${year}.`,
            en: `Digit 4 is "${centuryDigit}" (born ${centuryStart}–${centuryStart + 99}) but the year of birth is ${year}.`,
          },
        });
      }
      const expectedDigits = String(year % 100).padStart(2, '0');
      if (expectedDigits !== yearDigits) {
        errors.push({
          reason: 'birthYearMismatch',
          message: {
            vi: `Chữ số thứ 5–6 là "${yearDigits}" nhưng năm sinh ${year} phải cho "${expectedDigits}".`,
            en: `Digits 5–6 are "${yearDigits}" but the year of birth ${year} requires "${expectedDigits}".`,
          },
        });
      }
    }
  }

  if (options.sex !== undefined && options.sex !== sex) {
    errors.push({
      reason: 'sexMismatch',
      message: {
        vi: `Chữ số thứ 4 là "${centuryDigit}" (${sex === 'male' ? 'nam' : 'nữ'}) không khớp giới tính ${options.sex === 'male' ? 'nam' : 'nữ'}.`,
        en: `Digit 4 is "${centuryDigit}" (${sex}) which does not match the recorded sex (${options.sex}).`,
      },
    });
  }

  if (errors.length > 0 || !province) return { ok: false, errors };
  return { ok: true, id, provinceCode, provinceName: province.name, sex, birthYear };
}

/**
 * The digit 4 value for a sex and year of birth (Circular 59/2021/TT-BCA art. 7), or
 * undefined for years 1900–2399 outside the coded range.
 *
 * @example centuryDigitFor('female', 2003) // 3
 */
export function centuryDigitFor(sex: Sex, birthYear: number): number | undefined {
  if (!Number.isInteger(birthYear) || birthYear < 1900 || birthYear > 2399) return undefined;
  const base = (Math.floor(birthYear / 100) - 19) * 2;
  return base + (sex === 'female' ? 1 : 0);
}

/** Year of a valid `YYYY-MM-DD` calendar date, or undefined. */
function parseBirthYear(date: string): number | undefined {
  return isIsoDate(date) ? Number(date.slice(0, 4)) : undefined;
}
