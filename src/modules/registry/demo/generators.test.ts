import { describe, expect, it } from 'vitest';
import { findUnit } from '../domain/admin-units.js';
import { validateCitizenId } from '../domain/citizen-id.js';
import { validateEmail, validatePhone } from '../domain/contact.js';
import { validateTaxCode } from '../domain/tax-code.js';
import { DA_NANG_TWO_TIER_UNITS } from './admin-units.js';
import { DEMO_CITIZENS, DEMO_ORGANIZATIONS } from './demo-accounts.js';
import { generateCitizens } from './generate-citizens.js';
import { generateOrganizations } from './generate-organizations.js';
import { createPrng } from './prng.js';

describe('createPrng', () => {
  it('gives the same sequence for the same seed and another for another seed', () => {
    const a = createPrng(42);
    const b = createPrng(42);
    const c = createPrng(43);
    const seqA = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(seqA);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(seqA);
  });

  it('stays within its ranges', () => {
    const p = createPrng(1);
    let outOfRange = 0;
    const seen = new Set<number>();
    for (let i = 0; i < 10_000; i++) {
      const x = p.next();
      const n = p.between(3, 5);
      if (x < 0 || x >= 1 || n < 3 || n > 5) outOfRange++;
      seen.add(n);
    }
    expect(outOfRange).toBe(0);
    expect([...seen].sort()).toEqual([3, 4, 5]);
    expect(p.digits(6)).toMatch(/^\d{6}$/);
  });
});

describe('generateCitizens', () => {
  const citizens = generateCitizens(2_000, 42);

  it('every generated citizen passes the ID check against their own birth date and sex', () => {
    for (const c of citizens) {
      const r = validateCitizenId(c.id, { dateOfBirth: c.dateOfBirth, sex: c.sex });
      expect(r.ok, `${c.id} ${c.dateOfBirth} ${c.sex}`).toBe(true);
    }
  });

  it('phones and e-mails are valid, e-mails without diacritics on reserved example domains', () => {
    for (const c of citizens) {
      expect(validatePhone(c.phone).ok, c.phone).toBe(true);
      expect(validateEmail(c.email).ok, c.email).toBe(true);
      expect(c.email).toMatch(/@example\.(com|net|org)$/);
    }
  });

  it('ID numbers, phones and e-mails are unique and never reuse a demo account', () => {
    const ids = new Set(citizens.map((c) => c.id));
    expect(ids.size).toBe(citizens.length);
    expect(new Set(citizens.map((c) => c.phone)).size).toBe(citizens.length);
    expect(new Set(citizens.map((c) => c.email)).size).toBe(citizens.length);
    for (const d of DEMO_CITIZENS) expect(ids.has(d.id)).toBe(false);
  });

  it('everyone lives in a current ward or commune, most were registered at birth in Đà Nẵng', () => {
    for (const c of citizens) {
      const unit = findUnit(DA_NANG_TWO_TIER_UNITS, c.address.unitCode, '2025-07-01');
      expect(unit?.kind === 'ward' || unit?.kind === 'commune').toBe(true);
    }
    const fromDaNang = citizens.filter((c) => c.id.startsWith('048')).length;
    expect(fromDaNang / citizens.length).toBeGreaterThan(0.6);
  });

  it('names are Vietnamese with diacritics, surname first', () => {
    expect(citizens.some((c) => c.surname === 'Nguyễn')).toBe(true);
    for (const c of citizens.slice(0, 100)) expect(c.fullName).toBe(`${c.surname} ${c.middleName} ${c.givenName}`);
  });

  it('is deterministic, and a shorter run is a prefix of a longer one', () => {
    expect(generateCitizens(50, 42)).toEqual(citizens.slice(0, 50));
    expect(generateCitizens(5, 7)).not.toEqual(citizens.slice(0, 5));
  });

  // Its speed is measured by the import benchmark (bench/), not here.
  it('makes 100,000 citizens with distinct, valid ID numbers', () => {
    const many = generateCitizens(100_000, 2025);
    expect(many).toHaveLength(100_000);
    expect(new Set(many.map((c) => c.id)).size).toBe(100_000);
    expect(many.every((c) => validateCitizenId(c.id, { dateOfBirth: c.dateOfBirth, sex: c.sex }).ok)).toBe(true);
  });
});

describe('generateOrganizations', () => {
  const orgs = generateOrganizations(2_000, 7);

  it('every tax code passes the check-digit validation, and contacts are valid', () => {
    for (const o of orgs) {
      expect(validateTaxCode(o.taxCode).ok, o.taxCode).toBe(true);
      expect(validatePhone(o.phone).ok, o.phone).toBe(true);
      expect(validateEmail(o.email).ok, o.email).toBe(true);
    }
  });

  it('tax codes and names are unique and avoid the demo organizations', () => {
    const codes = new Set(orgs.map((o) => o.taxCode));
    expect(codes.size).toBe(orgs.length);
    expect(new Set(orgs.map((o) => o.name)).size).toBe(orgs.length);
    for (const d of DEMO_ORGANIZATIONS) expect(codes.has(d.taxCode)).toBe(false);
  });

  it('about one in ten is a branch with a 13-digit code under an enterprise in the list', () => {
    const branches = orgs.filter((o) => o.legalForm === 'branch');
    expect(branches.length).toBeGreaterThan(100);
    expect(branches.length).toBeLessThan(350);
    const codes = new Set(orgs.map((o) => o.taxCode));
    for (const b of branches) {
      expect(b.taxCode).toMatch(/^\d{10}-\d{3}$/);
      expect(b.taxCode.startsWith(`${b.parentTaxCode}-`)).toBe(true);
      expect(codes.has(b.parentTaxCode ?? '')).toBe(true);
      expect(b.name.startsWith('Chi nhánh ')).toBe(true);
    }
  });

  it('enterprise names start with their legal form', () => {
    for (const o of orgs.filter((x) => x.legalForm !== 'branch')) {
      expect(o.name).toMatch(/^(Công ty TNHH|Công ty Cổ phần|Công ty Hợp danh|Doanh nghiệp tư nhân) /);
    }
  });

  it('legal representatives have valid ID numbers, and can be drawn from generated citizens', () => {
    for (const o of orgs) expect(validateCitizenId(o.legalRepresentative.citizenId).ok).toBe(true);
    const people = generateCitizens(500, 1);
    const ids = new Set(people.map((p) => p.id));
    const linked = generateOrganizations(200, 3, { representatives: people });
    for (const o of linked) expect(ids.has(o.legalRepresentative.citizenId)).toBe(true);
  });

  it('is deterministic for a seed', () => {
    expect(generateOrganizations(30, 7)).toEqual(orgs.slice(0, 30));
  });
});
