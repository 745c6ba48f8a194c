import { describe, expect, it } from 'vitest';
import { findUnit } from '../domain/admin-units.js';
import { isAgencyWithin, OFFICIAL_ROLES, validateAgencyCode } from '../domain/agencies.js';
import { validateCitizenId } from '../domain/citizen-id.js';
import { validateEmail, validatePhone } from '../domain/contact.js';
import { validateTaxCode } from '../domain/tax-code.js';
import { DA_NANG_ADMIN_UNITS, DA_NANG_TWO_TIER_UNITS } from './admin-units.js';
import {
  CITY_COMMITTEE_CODE,
  CITY_SERVICE_CENTRE_CODE,
  currentCommitteeCode,
  DA_NANG_AGENCIES,
  DA_NANG_RECEPTION_DESKS,
  DEPARTMENT_OF_CONSTRUCTION_CODE,
  DEPARTMENT_OF_JUSTICE_CODE,
} from './agencies.js';
import { DEMO_CITIZENS, DEMO_OFFICIALS, DEMO_ORGANIZATIONS, HAI_CHAU_WARD_COMMITTEE_CODE } from './demo-accounts.js';

const byCode = new Map(DA_NANG_AGENCIES.map((a) => [a.code, a]));

describe('validateAgencyCode', () => {
  it('reads the code of the DOMAIN.md example dossier 000.00.22.H56-250531-0001', () => {
    expect(validateAgencyCode('000.00.22.H56')).toEqual({ ok: true, level4: '000', level3: '00', level2: '22', level1: 'H56' });
  });

  it('refuses codes with missing parts or lower-case letters', () => {
    expect(validateAgencyCode('000.00.H56').ok).toBe(false);
    expect(validateAgencyCode('000.00.22.h56').ok).toBe(false);
  });
});

describe('demo agencies', () => {
  it('every code is well formed and used once', () => {
    expect(byCode.size).toBe(DA_NANG_AGENCIES.length);
    for (const a of DA_NANG_AGENCIES) expect(validateAgencyCode(a.code).ok, a.code).toBe(true);
  });

  it('every parent and successor agency exists, and every agency serves a known unit', () => {
    for (const a of DA_NANG_AGENCIES) {
      if (a.parentCode !== undefined) expect(byCode.has(a.parentCode), a.code).toBe(true);
      if (a.successorCode !== undefined) expect(byCode.get(a.successorCode)?.validTo, a.code).toBeUndefined();
      expect(findUnit(DA_NANG_ADMIN_UNITS, a.adminUnitCode, a.validTo ?? a.validFrom), a.code).toBeDefined();
    }
  });

  it('each current ward and commune has its People’s Committee (except Hoàng Sa)', () => {
    for (const unit of DA_NANG_TWO_TIER_UNITS.filter((x) => x.kind !== 'specialZone')) {
      const committee = byCode.get(currentCommitteeCode(unit.code) ?? '');
      expect(committee?.adminUnitCode).toBe(unit.code);
      expect(committee?.parentCode).toBe(CITY_COMMITTEE_CODE);
    }
  });

  it('the three-tier fixture has the 8 district People’s Committees, ending 30/06/2025', () => {
    const districts = DA_NANG_AGENCIES.filter((a) => /^49\d$/.test(a.adminUnitCode));
    expect(districts).toHaveLength(8);
    for (const d of districts) expect(d.validTo).toBe('2025-06-30');
  });

  it('UBND phường Hải Châu is 000.05.50.H17 and belongs to the city', () => {
    expect(currentCommitteeCode('20242')).toBe(HAI_CHAU_WARD_COMMITTEE_CODE);
    expect(byCode.get(HAI_CHAU_WARD_COMMITTEE_CODE)?.name.vi).toBe('Ủy ban nhân dân phường Hải Châu');
    expect(isAgencyWithin(DA_NANG_AGENCIES, CITY_COMMITTEE_CODE, HAI_CHAU_WARD_COMMITTEE_CODE)).toBe(true);
    expect(isAgencyWithin(DA_NANG_AGENCIES, DEPARTMENT_OF_JUSTICE_CODE, HAI_CHAU_WARD_COMMITTEE_CODE)).toBe(false);
  });

  it('the Department of Planning and Investment hands over to the Department of Finance', () => {
    const dpi = DA_NANG_AGENCIES.find((a) => a.name.vi === 'Sở Kế hoạch và Đầu tư');
    expect(byCode.get(dpi?.successorCode ?? '')?.name.vi).toBe('Sở Tài chính');
  });
});

describe('reception desks', () => {
  it('one for the city centre and one per current ward and commune except Hoàng Sa: 94 in all', () => {
    expect(DA_NANG_RECEPTION_DESKS).toHaveLength(1 + 93);
    expect(new Set(DA_NANG_RECEPTION_DESKS.map((d) => d.code)).size).toBe(94);
    expect(DA_NANG_RECEPTION_DESKS[0]?.agencyCode).toBe(CITY_SERVICE_CENTRE_CODE);
  });

  it('every desk belongs to an agency that is in force today', () => {
    for (const d of DA_NANG_RECEPTION_DESKS) {
      const agency = byCode.get(d.agencyCode);
      expect(agency?.validTo, d.code).toBeUndefined();
      expect(agency?.adminUnitCode).toBe(d.adminUnitCode);
    }
  });
});

describe('demo accounts', () => {
  it('cover every role, with unique usernames and valid e-mail addresses', () => {
    const roles = new Set(DEMO_OFFICIALS.flatMap((o) => o.roles.map((r) => r.role)));
    expect([...roles].sort()).toEqual([...OFFICIAL_ROLES].sort());
    expect(new Set(DEMO_OFFICIALS.map((o) => o.username)).size).toBe(DEMO_OFFICIALS.length);
    for (const o of DEMO_OFFICIALS) expect(validateEmail(o.email).ok, o.email).toBe(true);
  });

  it('Hải Châu ward has a reception officer, a specialist and a leader; both departments a specialist, leader and clerk', () => {
    const at = (agencyCode: string) =>
      DEMO_OFFICIALS.filter((o) => o.agencyCode === agencyCode).flatMap((o) => o.roles.map((r) => r.role));
    expect(at(HAI_CHAU_WARD_COMMITTEE_CODE)).toEqual(expect.arrayContaining(['receptionOfficer', 'specialist', 'leader']));
    for (const dept of [DEPARTMENT_OF_CONSTRUCTION_CODE, DEPARTMENT_OF_JUSTICE_CODE]) {
      expect(at(dept)).toEqual(expect.arrayContaining(['specialist', 'leader', 'clerk']));
    }
    expect(at(CITY_SERVICE_CENTRE_CODE)).toContain('receptionOfficer');
  });

  it('every official works at a known agency and every scope names a known agency or unit', () => {
    for (const o of DEMO_OFFICIALS) {
      expect(byCode.has(o.agencyCode), o.username).toBe(true);
      for (const { scope } of o.roles) {
        if (scope.type === 'agency') expect(byCode.has(scope.code)).toBe(true);
        if (scope.type === 'adminUnit') expect(findUnit(DA_NANG_ADMIN_UNITS, scope.code, '2025-07-01')).toBeDefined();
      }
    }
  });

  it('demo citizens have valid, consistent ID numbers, phones and e-mails and live in current units', () => {
    for (const c of DEMO_CITIZENS) {
      expect(validateCitizenId(c.id, { dateOfBirth: c.dateOfBirth, sex: c.sex }).ok, c.id).toBe(true);
      expect(validatePhone(c.phone).ok).toBe(true);
      expect(validateEmail(c.email).ok).toBe(true);
      expect(findUnit(DA_NANG_ADMIN_UNITS, c.address.unitCode, '2025-07-01')).toBeDefined();
    }
  });

  it('demo organizations have valid tax codes and the branch points at its enterprise', () => {
    for (const o of DEMO_ORGANIZATIONS) expect(validateTaxCode(o.taxCode).ok, o.taxCode).toBe(true);
    const branch = DEMO_ORGANIZATIONS.find((o) => o.legalForm === 'branch');
    expect(branch?.taxCode.startsWith(`${branch.parentTaxCode}-`)).toBe(true);
    expect(DEMO_ORGANIZATIONS.some((o) => o.taxCode === branch?.parentTaxCode)).toBe(true);
  });
});
