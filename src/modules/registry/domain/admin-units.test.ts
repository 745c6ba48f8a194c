import { describe, expect, it } from 'vitest';
import {
  checkUnitIntegrity,
  childUnits,
  findUnit,
  isUnitWithin,
  resolveSuccessor,
  unitPath,
  type AdminUnit,
} from './admin-units.js';
import { addDays, isIsoDate } from './dates.js';

// A tiny made-up province: two wards merge into a new ward that reuses one old code.
const u = (code: string, level: AdminUnit['level'], extra: Partial<AdminUnit> = {}): AdminUnit => ({
  code,
  name: { vi: `Đơn vị ${code}`, en: `Unit ${code}` },
  shortName: code,
  level,
  kind: level === 'province' ? 'province' : level === 'district' ? 'urbanDistrict' : 'ward',
  validFrom: '2020-01-01',
  ...extra,
});
const units: AdminUnit[] = [
  u('99', 'province'),
  u('999', 'district', { parentCode: '99', validTo: '2025-06-30' }),
  u('90001', 'commune', { parentCode: '999', validTo: '2025-06-30', successorCode: '90002' }),
  u('90002', 'commune', { parentCode: '999', validTo: '2025-06-30', successorCode: '90002' }),
  u('90002', 'commune', { parentCode: '99', validFrom: '2025-07-01', name: { vi: 'Phường Mới', en: 'New Ward' } }),
];

describe('dated lookups', () => {
  it('the same code names the old ward on 30 June and the new one on 1 July', () => {
    expect(findUnit(units, '90002', '2025-06-30')?.parentCode).toBe('999');
    expect(findUnit(units, '90002', '2025-07-01')?.name.vi).toBe('Phường Mới');
  });

  it('the path to the province has three steps before the reform and two after', () => {
    expect(unitPath(units, '90001', '2025-06-30').map((x) => x.code)).toEqual(['90001', '999', '99']);
    expect(unitPath(units, '90002', '2025-07-01').map((x) => x.code)).toEqual(['90002', '99']);
    expect(unitPath(units, '90001', '2025-07-01')).toEqual([]);
  });

  it('a scope on the district covers its wards only while the district exists', () => {
    expect(isUnitWithin(units, '999', '90001', '2025-06-30')).toBe(true);
    expect(isUnitWithin(units, '999', '90002', '2025-07-01')).toBe(false);
    expect(isUnitWithin(units, '99', '90002', '2025-07-01')).toBe(true);
  });

  it('children are listed per day', () => {
    expect(childUnits(units, '99', '2025-06-30').map((x) => x.code)).toEqual(['999']);
    expect(childUnits(units, '99', '2025-07-01').map((x) => x.code)).toEqual(['90002']);
  });

  it('an address recorded in 2023 in the merged ward resolves to the new ward today', () => {
    expect(resolveSuccessor(units, '90001', '2023-05-01', '2026-01-01')?.name.vi).toBe('Phường Mới');
    // Before the merger the old ward is still its own answer.
    expect(resolveSuccessor(units, '90001', '2023-05-01', '2025-06-30')?.code).toBe('90001');
  });
});

describe('checkUnitIntegrity', () => {
  it('finds nothing wrong in a sound tree', () => {
    expect(checkUnitIntegrity(units)).toEqual([]);
  });

  it('reports a missing parent, a missing successor, a code used twice and reversed dates', () => {
    const broken: AdminUnit[] = [
      ...units,
      u('90003', 'commune', { parentCode: '998' }),
      u('90004', 'commune', { parentCode: '99', validTo: '2025-06-30', successorCode: '90009' }),
      u('90002', 'commune', { parentCode: '99', validFrom: '2026-01-01', validTo: '2025-01-01' }),
      u('90005', 'commune', { parentCode: '99', validFrom: '2025-07-01' }),
      u('90005', 'commune', { parentCode: '99', validFrom: '2025-08-01' }),
    ];
    const found = checkUnitIntegrity(broken).map((p) => `${p.code}:${p.problem}`);
    expect(found).toContain('90003:missingParent');
    expect(found).toContain('90004:missingSuccessor');
    expect(found).toContain('90002:badDates');
    expect(found).toContain('90005:overlappingCode');
  });

  it('reports a commune placed under a commune', () => {
    const bad = [...units, u('90006', 'commune', { parentCode: '90002', validFrom: '2025-07-01' })];
    expect(checkUnitIntegrity(bad).map((p) => p.problem)).toContain('parentLevel');
  });
});

describe('dates', () => {
  it('the day after 30 June 2025 is 1 July, and 2024 had a 29 February', () => {
    expect(addDays('2025-06-30', 1)).toBe('2025-07-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2025-7-1')).toBe(false);
  });
});
