import { describe, expect, it } from 'vitest';
import { validateFormData } from '../domain/eform-validate.js';
import { computeFee, type FeeOptions } from '../domain/fees.js';
import { toRows } from '../domain/rows.js';
import { fromRows } from '../domain/rows-parse.js';
import type { Procedure } from '../domain/types.js';
import { validateProcedure } from '../domain/validate-procedure.js';
import {
  birthRegistration,
  certifiedCopy,
  demoCatalog,
  firstLandCertificate,
  foodSafetyCertificate,
  houseConstructionPermit,
  identityCardRenewal,
  judicialRecordCertificate,
  marriageRegistration,
  permanentResidence,
  signatureCertification,
  singleMemberCompanyRegistration,
  temporaryResidence,
} from './demo-catalog.js';

function total(p: Procedure, data: Record<string, unknown>, options: FeeOptions = {}): number | string {
  const result = computeFee(p, data, options);
  return result.ok ? result.total : result.error.code;
}

describe('the demonstration catalogue', () => {
  it.each(demoCatalog.map((p) => [p.code, p] as const))('procedure %s passes catalogue validation', (_code, procedure) => {
    expect(validateProcedure(procedure)).toEqual({ ok: true });
  });

  it('has about twenty procedures with distinct codes', () => {
    expect(demoCatalog.length).toBeGreaterThanOrEqual(18);
    expect(new Set(demoCatalog.map((p) => p.code)).size).toBe(demoCatalog.length);
  });

  it('survives a round trip through spreadsheet rows unchanged', () => {
    expect(fromRows(toRows(demoCatalog))).toEqual({ ok: true, procedures: demoCatalog });
  });

  it('registers births and marriages the same day, before the 15:00 cut-off, free of charge', () => {
    // Law on Civil Status art. 16–18; art. 11 waives the charge.
    expect(birthRegistration.deadline).toEqual({ unit: 'sameDay', cutoffTime: '15:00' });
    expect(total(birthRegistration, {})).toBe(0);
    expect(marriageRegistration.conditionalDeadlines?.[0]?.deadline).toEqual({ unit: 'workingDays', value: 5 });
  });

  it('accepts a realistic birth registration form', () => {
    const data = {
      childFullName: 'Trần Bảo Ngọc',
      childDateOfBirth: '2026-01-05',
      childSex: 'female',
      placeOfBirth: 'Bệnh viện Phụ sản - Nhi Đà Nẵng',
      motherFullName: 'Lê Thị Hoa',
      motherIdNumber: '048196000321',
      requesterRelationship: 'parent',
      phone: '0905123456',
    };
    expect(validateFormData(birthRegistration.eForm, data)).toEqual({ ok: true });
  });
});

describe('fees of the demonstration procedures, worked by hand from the fee rules', () => {
  it('charges 7,000 đ to certify one copy of a 5-page diploma and 10,000 đ per signature', () => {
    // Circular 226/2016/TT-BTC: 2 × 2,000 + 3 × 1,000 = 7,000; signature: 10,000 per case
    expect(total(certifiedCopy, { papers: [{ paperName: 'Bằng tốt nghiệp', pages: 5, copies: 1 }] })).toBe(7_000);
    expect(total(signatureCertification, {})).toBe(10_000);
  });

  it('charges 200,000 đ for a criminal record certificate, half for a student, plus 5,000 đ from the third copy', () => {
    // Circular 244/2016/TT-BTC: standard 200,000; student 100,000; copies 3 and 4 cost 2 × 5,000
    expect(total(judicialRecordCertificate, { applicantCategory: 'standard', copies: 1 })).toBe(200_000);
    expect(total(judicialRecordCertificate, { applicantCategory: 'student', copies: 4 })).toBe(110_000);
    expect(total(judicialRecordCertificate, { applicantCategory: 'child', copies: 2 })).toBe(0);
  });

  it('charges less for residence registration filed online', () => {
    // Circular 75/2022/TT-BTC: permanent 20,000 / 10,000 online; temporary 15,000 / 7,000 online
    expect(total(permanentResidence, {}, { channel: 'counter' })).toBe(20_000);
    expect(total(permanentResidence, {}, { channel: 'online' })).toBe(10_000);
    expect(total(temporaryResidence, {}, { channel: 'counter' })).toBe(15_000);
    expect(total(temporaryResidence, {}, { channel: 'online' })).toBe(7_000);
  });

  it('waives the construction permit charge online in Da Nang', () => {
    // Resolution 14/2025/NQ-HĐND: 50,000 đ per permit for a house, 0 đ online
    expect(total(houseConstructionPermit, {}, { channel: 'counter' })).toBe(50_000);
    expect(total(houseConstructionPermit, {}, { channel: 'online' })).toBe(0);
    expect(houseConstructionPermit.deadline).toEqual({ unit: 'workingDays', value: 15 });
  });

  it('waives the enterprise registration charge online but still charges the publication fee', () => {
    // Circular 47/2019/TT-BTC: 50,000 charge (free online) + 100,000 publication fee
    expect(total(singleMemberCompanyRegistration, {}, { channel: 'counter' })).toBe(150_000);
    expect(total(singleMemberCompanyRegistration, {}, { channel: 'online' })).toBe(100_000);
  });

  it('sets the food safety appraisal fee by the number of meals served', () => {
    // under 200 meals: 700,000; 200 and more: 1,000,000
    expect(total(foodSafetyCertificate, { servingsPerDay: 150 })).toBe(700_000);
    expect(total(foodSafetyCertificate, { servingsPerDay: 200 })).toBe(1_000_000);
  });

  it('charges the land appraisal fee by plot area at the counter and nothing online', () => {
    // illustrative table: 250 m² falls in [0, 500) → 400,000; plus the 100,000 certificate charge
    expect(total(firstLandCertificate, { plotArea: 250 }, { channel: 'counter' })).toBe(500_000);
    expect(total(firstLandCertificate, { plotArea: 250 }, { channel: 'online' })).toBe(0);
  });

  it('charges only for a lost or damaged identity card, not for a renewal due to age', () => {
    expect(total(identityCardRenewal, { reason: 'lost' })).toBe(70_000);
    expect(total(identityCardRenewal, { reason: 'damaged' })).toBe(50_000);
    expect(total(identityCardRenewal, { reason: 'ageMilestone' })).toBe(0);
  });
});
