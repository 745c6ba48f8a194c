import { describe, expect, it } from 'vitest';
import { centuryDigitFor, validateCitizenId } from './citizen-id.js';
import { BIRTH_PROVINCES, findBirthProvince } from './province-codes.js';

const reasons = (r: ReturnType<typeof validateCitizenId>): string[] => (r.ok ? [] : r.errors.map((e) => e.reason));

describe('validateCitizenId: well-formed numbers', () => {
  it('a man born 1990 and registered in Đà Nẵng has 048 0 90 …', () => {
    // 048 = Đà Nẵng; 0 = male, 1900–1999; 90 → 1990.
    expect(validateCitizenId('048090000001', { dateOfBirth: '1990-05-15', sex: 'male' })).toEqual({
      ok: true,
      id: '048090000001',
      provinceCode: '048',
      provinceName: 'Đà Nẵng',
      sex: 'male',
      birthYear: 1990,
    });
  });

  it('a woman born 1985 in Hà Nội has 001 1 85 …', () => {
    // 001 = Hà Nội; 1 = female, 1900–1999; 85 → 1985.
    const r = validateCitizenId('001185123456', { dateOfBirth: '1985-11-20', sex: 'female' });
    expect(r).toMatchObject({ ok: true, provinceCode: '001', sex: 'female', birthYear: 1985 });
  });

  it('a boy born 2001 has sex+century digit 2 and year digits 01', () => {
    // 2 = male, 2000–2099; 01 → 2001.
    expect(validateCitizenId('048201000003', { dateOfBirth: '2001-02-03', sex: 'male' })).toMatchObject({
      ok: true,
      birthYear: 2001,
      sex: 'male',
    });
  });

  it('someone registered in Quảng Nam keeps 049 after the 2025 merger into Đà Nẵng', () => {
    expect(validateCitizenId('049162000004')).toMatchObject({ ok: true, provinceName: 'Quảng Nam', birthYear: 1962, sex: 'female' });
  });

  it('digits 8/9 stand for 2300–2399 as the circular says, not for the 1800s', () => {
    // Circular 59/2021/TT-BCA art. 7: "Thế kỷ 24 (2300–2399): nam 8, nữ 9".
    expect(validateCitizenId('048800000001')).toMatchObject({ ok: true, birthYear: 2300, sex: 'male' });
    expect(reasons(validateCitizenId('048888000001', { dateOfBirth: '1888-01-01' }))).toEqual(['centuryMismatch']);
  });

  it('spaces around a pasted number are ignored', () => {
    expect(validateCitizenId('  048090000001 \n')).toMatchObject({ ok: true, id: '048090000001' });
  });
});

describe('validateCitizenId: what a citizen typing a wrong number is told', () => {
  it('11 digits: wrong length, and nothing else is checked', () => {
    const r = validateCitizenId('04809000001');
    expect(reasons(r)).toEqual(['length']);
    expect(r.ok ? '' : r.errors[0]?.message.vi).toBe('Số định danh cá nhân phải có đúng 12 chữ số (đang có 11 ký tự).');
  });

  it('a letter O typed for a zero is reported as a non-digit', () => {
    expect(reasons(validateCitizenId('04809O000001'))).toEqual(['nonDigit']);
  });

  it('a short number with letters gets both reasons at once', () => {
    expect(reasons(validateCitizenId('abc'))).toEqual(['length', 'nonDigit']);
  });

  it('003 is a gap in the province list, 097 and 000 are beyond it', () => {
    for (const id of ['003090000001', '097090000001', '000090000001']) {
      expect(reasons(validateCitizenId(id))).toEqual(['unknownProvince']);
    }
  });

  it('a person born 2001 whose number has digit 0 (1900s) is told the century is wrong', () => {
    // Digits 5–6 are 01 and agree with 2001; only digit 4 is wrong (should be 2).
    const r = validateCitizenId('048001000009', { dateOfBirth: '2001-03-04' });
    expect(reasons(r)).toEqual(['centuryMismatch']);
    expect(r.ok ? '' : r.errors[0]?.message.en).toBe(
      'Digit 4 is "0" (born 1900–1999) but the year of birth is 2001.',
    );
  });

  it('a person born 1991 with year digits 90 is told the year digits are wrong', () => {
    expect(reasons(validateCitizenId('048090000001', { dateOfBirth: '1991-01-01' }))).toEqual(['birthYearMismatch']);
  });

  it('a woman whose number has an even sex digit is told it does not match', () => {
    expect(reasons(validateCitizenId('048090000001', { sex: 'female' }))).toEqual(['sexMismatch']);
  });

  it('an impossible date of birth (30 February) is reported as such', () => {
    expect(reasons(validateCitizenId('048090000001', { dateOfBirth: '1990-02-30' }))).toEqual(['invalidDateOfBirth']);
  });

  it('several inconsistencies are all listed together', () => {
    // Unknown province 003, digit 1 = female 1900s vs male born 2005, digits 99 vs 05.
    expect(reasons(validateCitizenId('003199000001', { dateOfBirth: '2005-01-01', sex: 'male' }))).toEqual([
      'unknownProvince',
      'centuryMismatch',
      'birthYearMismatch',
      'sexMismatch',
    ]);
  });
});

describe('centuryDigitFor', () => {
  it('gives 0/1 for the 1900s, 2/3 for the 2000s, 8/9 for the 2300s', () => {
    expect(centuryDigitFor('male', 1999)).toBe(0);
    expect(centuryDigitFor('female', 1900)).toBe(1);
    expect(centuryDigitFor('male', 2000)).toBe(2);
    expect(centuryDigitFor('female', 2003)).toBe(3);
    expect(centuryDigitFor('female', 2150)).toBe(5);
    expect(centuryDigitFor('female', 2399)).toBe(9);
  });

  it('has no digit for years outside 1900–2399', () => {
    expect(centuryDigitFor('male', 1899)).toBeUndefined();
    expect(centuryDigitFor('male', 2400)).toBeUndefined();
  });
});

describe('birth-registration province list', () => {
  it('has the 63 provinces of before 2025, each code once', () => {
    expect(BIRTH_PROVINCES).toHaveLength(63);
    expect(new Set(BIRTH_PROVINCES.map((p) => p.code)).size).toBe(63);
  });

  it('maps them onto the 34 provinces of 2025, each of which keeps one old code', () => {
    const current = new Set(BIRTH_PROVINCES.map((p) => p.since2025));
    expect(current.size).toBe(34);
    for (const code of current) expect(findBirthProvince(code)?.since2025).toBe(code);
  });

  it('Quảng Nam now belongs to Đà Nẵng and Bình Dương to Hồ Chí Minh City', () => {
    expect(findBirthProvince('049')?.since2025).toBe('048');
    expect(findBirthProvince('074')?.since2025).toBe('079');
    expect(findBirthProvince('079')?.name).toBe('Hồ Chí Minh');
    expect(findBirthProvince('096')?.name).toBe('Cà Mau');
  });
});
