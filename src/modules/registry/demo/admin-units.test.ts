import { describe, expect, it } from 'vitest';
import {
  checkUnitIntegrity,
  childUnits,
  findUnit,
  isUnitWithin,
  resolveSuccessor,
  unitsValidOn,
} from '../domain/admin-units.js';
import {
  DA_NANG_ADMIN_UNITS as units,
  DA_NANG_THREE_TIER_UNITS,
  DA_NANG_TWO_TIER_UNITS,
  FORMER_CITY_AREA_CODES,
} from './admin-units.js';

const OLD = '2025-06-30';
const NEW = '2025-07-01';

describe('tree integrity of the demo units', () => {
  it('every parent exists, codes never clash on a day, every successor exists', () => {
    expect(checkUnitIntegrity(units)).toEqual([]);
  });

  it('every ward of the old tree ends on 30/06/2025 and hands over to a current unit under the city', () => {
    for (const w of DA_NANG_THREE_TIER_UNITS.filter((x) => x.level === 'commune')) {
      expect(w.validTo).toBe(OLD);
      const successor = findUnit(units, w.successorCode ?? '', NEW);
      expect(successor?.parentCode, w.name.vi).toBe('48');
    }
  });
});

describe('the three-tier tree on 30 June 2025', () => {
  it('the city has its 8 districts: 6 urban, Hòa Vang and the island district Hoàng Sa', () => {
    const districts = childUnits(units, '48', OLD);
    expect(districts.map((d) => d.code).sort()).toEqual(['490', '491', '492', '493', '494', '495', '497', '498']);
    expect(districts.filter((d) => d.kind === 'ruralDistrict').map((d) => d.shortName).sort()).toEqual(['Hoàng Sa', 'Hòa Vang']);
  });

  it('Thuận Phước and Thanh Bình are wards of Hải Châu district', () => {
    expect(findUnit(units, '20230', OLD)).toMatchObject({ name: { vi: 'Phường Thuận Phước' }, parentCode: '492' });
    expect(findUnit(units, '20227', OLD)).toMatchObject({ name: { vi: 'Phường Thanh Bình' }, parentCode: '492' });
  });

  it('Hòa Khánh Bắc and Hòa Minh are wards of Liên Chiểu district', () => {
    expect(findUnit(units, '20197', OLD)).toMatchObject({ shortName: 'Hòa Khánh Bắc', parentCode: '490' });
    expect(findUnit(units, '20200', OLD)).toMatchObject({ shortName: 'Hòa Minh', parentCode: '490' });
  });

  it('Quảng Nam is still a separate province', () => {
    expect(findUnit(units, '49', OLD)?.name.vi).toBe('Tỉnh Quảng Nam');
  });
});

describe('the two-tier tree from 1 July 2025', () => {
  it('the city has 94 commune-level units: 23 wards, 70 communes, 1 special zone (Res. 1659 art. 1(93))', () => {
    const children = childUnits(units, '48', NEW);
    expect(children).toHaveLength(94);
    expect(children.filter((c) => c.kind === 'ward')).toHaveLength(23);
    expect(children.filter((c) => c.kind === 'commune')).toHaveLength(70);
    expect(children.filter((c) => c.kind === 'specialZone').map((c) => c.name.vi)).toEqual(['Đặc khu Hoàng Sa']);
  });

  it('no district and no Quảng Nam province exist any more', () => {
    const valid = unitsValidOn(units, NEW);
    expect(valid.filter((x) => x.level === 'district')).toEqual([]);
    expect(valid.filter((x) => x.level === 'province').map((x) => x.code)).toEqual(['48']);
  });

  it('has the wards and communes people know, including former Quảng Nam ones', () => {
    const names = new Set(DA_NANG_TWO_TIER_UNITS.map((x) => x.name.vi));
    for (const n of [
      'Phường Hải Châu', 'Phường Hòa Cường', 'Phường Thanh Khê', 'Phường An Khê', 'Phường An Hải', 'Phường Sơn Trà',
      'Phường Ngũ Hành Sơn', 'Phường Hòa Khánh', 'Phường Liên Chiểu', 'Phường Hải Vân', 'Phường Cẩm Lệ',
      'Phường Hòa Xuân', 'Xã Hòa Vang', 'Xã Hòa Tiến', 'Xã Bà Nà', 'Phường Tam Kỳ', 'Phường Hội An', 'Đặc khu Hoàng Sa',
    ]) {
      expect(names.has(n), n).toBe(true);
    }
  });

  it('the former city area is the 15 units formed from the old districts', () => {
    for (const code of FORMER_CITY_AREA_CODES) expect(findUnit(units, code, NEW)?.parentCode).toBe('48');
    expect(FORMER_CITY_AREA_CODES).toHaveLength(15);
    const successors = new Set(
      DA_NANG_THREE_TIER_UNITS.filter((w) => w.level === 'commune').flatMap((w) => [w.successorCode, ...(w.partlyInto ?? [])]),
    );
    expect([...successors].sort()).toEqual([...FORMER_CITY_AREA_CODES].sort());
  });

  it('gives English names without diacritics', () => {
    expect(findUnit(units, '20242', NEW)?.name).toEqual({ vi: 'Phường Hải Châu', en: 'Hai Chau Ward' });
    expect(findUnit(units, '20308', NEW)?.name.en).toBe('Ba Na Commune');
  });
});

describe('history stays queryable across the 2025 reform', () => {
  it('code 20242 was phường Phước Ninh until 30 June and is phường Hải Châu from 1 July', () => {
    expect(findUnit(units, '20242', OLD)?.shortName).toBe('Phước Ninh');
    expect(findUnit(units, '20242', NEW)?.shortName).toBe('Hải Châu');
  });

  it('Thuận Phước, Thanh Bình and Thạch Thang all went into phường Hải Châu (Res. 1659 art. 1(1))', () => {
    for (const code of ['20230', '20227', '20233']) {
      expect(resolveSuccessor(units, code, '2024-06-01', '2026-01-01')?.name.vi).toBe('Phường Hải Châu');
    }
  });

  it('Hòa Minh and the Hòa Vang commune Hòa Sơn went into phường Hòa Khánh (art. 1(8))', () => {
    expect(resolveSuccessor(units, '20200', '2024-06-01', NEW)?.name.vi).toBe('Phường Hòa Khánh');
    expect(resolveSuccessor(units, '20302', '2024-06-01', NEW)?.name.vi).toBe('Phường Hòa Khánh');
  });

  it('Hòa Liên was split: part to Hải Vân, the rest to Liên Chiểu (art. 1(9)–(10))', () => {
    expect(findUnit(units, '20296', OLD)).toMatchObject({ successorCode: '20197', partlyInto: ['20194'] });
  });

  it('the Hoàng Sa district became the Hoàng Sa special zone (art. 1(92))', () => {
    expect(resolveSuccessor(units, '498', OLD, NEW)?.kind).toBe('specialZone');
  });

  it('a role on the old Hải Châu district covered Thuận Phước; after the reform the city scope covers Hải Châu ward', () => {
    expect(isUnitWithin(units, '492', '20230', OLD)).toBe(true);
    expect(isUnitWithin(units, '492', '20242', NEW)).toBe(false);
    expect(isUnitWithin(units, '48', '20242', NEW)).toBe(true);
  });
});
