import { describe, expect, it } from 'vitest';
import { demoCatalog, validateFormData, type Procedure } from '../catalog/index.js';
import { formFor, type FormContext } from './seed-forms.js';
import { createRng } from './seed-prng.js';

function procedure(code: string): Procedure {
  const p = demoCatalog.find((x) => x.code === code);
  if (!p) throw new Error(`no demo procedure ${code}`);
  return p;
}
const houseConstructionPermit = procedure('1.009994');
const birthRegistration = procedure('1.001193');

const context = (at = '2026-04-10T02:00:00Z'): FormContext => ({
  applicant: { name: 'Trần Văn Bình', number: '048088001234', dateOfBirth: '1988-03-04' },
  others: [
    { name: 'Lê Thị Hoa', number: '048190004321', dateOfBirth: '1990-07-01' },
    { name: 'Phạm Minh Khang', number: '048085009876', dateOfBirth: '1985-12-24' },
  ],
  organization: { name: 'Công ty TNHH Biển Xanh', taxCode: '0401234566' },
  at: new Date(at),
  place: 'Hòa Khánh',
  totalFloorArea: 320,
});

describe('e-form data for demonstration dossiers', () => {
  it('every demo procedure accepts what the generator fills in, whatever the seed', () => {
    for (const p of demoCatalog) {
      for (let seed = 1; seed <= 40; seed++) {
        const data = formFor(p.eForm, context(), createRng(seed));
        const check = validateFormData(p.eForm, data);
        expect(check.ok ? [] : check.errors.map((e) => `${p.code} ${e.field}`)).toEqual([]);
      }
    }
  });

  it('a construction permit names the applicant as owner and carries the planned 320 m² (which sends it to the department)', () => {
    const data = formFor(houseConstructionPermit.eForm, context(), createRng(3));
    expect(data).toMatchObject({ ownerFullName: 'Trần Văn Bình', ownerIdNumber: '048088001234', totalFloorArea: 320 });
  });

  it('a birth is registered for a child born in the 55 days before filing, to a mother other than the applicant', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const data = formFor(birthRegistration.eForm, context('2026-04-10T02:00:00Z'), createRng(seed));
      // Filed 10/04/2026: born between 16/02/2026 (55 days before) and 08/04/2026 (2 days before).
      expect(String(data.childDateOfBirth) >= '2026-02-14' && String(data.childDateOfBirth) <= '2026-04-08').toBe(true);
      expect(['Lê Thị Hoa', 'Phạm Minh Khang']).toContain(data.motherFullName);
    }
  });

  it('the same seed gives the same form (the demo is reproducible)', () => {
    expect(formFor(birthRegistration.eForm, context(), createRng(9))).toEqual(formFor(birthRegistration.eForm, context(), createRng(9)));
  });
});
