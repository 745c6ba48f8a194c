/**
 * Deterministic generator of demonstration organizations: enterprises with valid 10-digit
 * tax codes (check digit per Circular 105/2020/TT-BTC art. 5), some branches with 13-digit
 * codes, realistic names under the Law on Enterprises 2020 (art. 37: type word + proper
 * name; art. 41: no two identical names), and a legal representative.
 */
import type { LegalForm, OrganizationRecord } from '../domain/people.js';
import { taxCheckDigit } from '../domain/tax-code.js';
import { findUnit } from '../domain/admin-units.js';
import { removeDiacritics } from '../domain/search-text.js';
import { DA_NANG_TWO_TIER_UNITS } from './admin-units.js';
import { DEMO_CITIZENS, DEMO_ORGANIZATIONS } from './demo-accounts.js';
import { createPersonFactory, randomAddress, randomMobile } from './generate-citizens.js';
import { BUSINESS_LINES, COMPANY_BRANDS } from './name-lists.js';
import { createPrng, type Prng } from './prng.js';

type EnterpriseForm = Exclude<LegalForm, 'branch'>;

/** [Vietnamese type word, English suffix] per legal form (Law on Enterprises 2020 art. 37). */
const FORM_WORDS: Record<EnterpriseForm, readonly [string, string]> = {
  singleMemberLlc: ['Công ty TNHH Một thành viên', 'One Member Company Limited'],
  multiMemberLlc: ['Công ty TNHH', 'Company Limited'],
  jointStock: ['Công ty Cổ phần', 'Joint Stock Company'],
  privateEnterprise: ['Doanh nghiệp tư nhân', 'Private Enterprise'],
  partnership: ['Công ty Hợp danh', 'Partnership'],
};

const FORM_WEIGHTS: ReadonlyArray<readonly [EnterpriseForm | 'branch', number]> = [
  ['singleMemberLlc', 38], ['multiMemberLlc', 25], ['jointStock', 20], ['privateEnterprise', 6],
  ['partnership', 1], ['branch', 10],
];

/** Tax-code ranges: 04 was Đà Nẵng's, 40 Quảng Nam's (Decision 75/1998/QĐ-TTg numbering). */
const TAX_RANGES: ReadonlyArray<readonly [string, number]> = [['04', 75], ['40', 25]];

/** A new 10-digit tax code with a valid check digit, not yet in `used`. */
function newTaxCode(prng: Prng, used: Set<string>): string {
  for (;;) {
    const nine = prng.weighted(TAX_RANGES) + prng.digits(7);
    const check = taxCheckDigit(nine);
    // A check value of 10 means this prefix is never issued: draw again.
    if (check === undefined) continue;
    const code = `${nine}${check}`;
    if (!used.has(code)) {
      used.add(code);
      return code;
    }
  }
}

export interface OrganizationGeneratorOptions {
  /**
   * People to draw legal representatives from, e.g. the generated citizens, so that the
   * registry stays consistent; when absent, representatives are generated with ID numbers
   * that avoid the demo accounts' but may coincide with separately generated citizens.
   */
  representatives?: readonly { fullName: string; id: string; dateOfBirth: string }[];
}

/**
 * Generates `count` organizations deterministically from `seed`; about one in ten is a
 * branch (13-digit code `NNNNNNNNNN-NNN`) of an enterprise generated before it.
 *
 * @example generateOrganizations(2, 7)[0]?.name // e.g. 'Công ty TNHH Xây dựng Sông Hàn'
 */
export function generateOrganizations(
  count: number,
  seed: number,
  options: OrganizationGeneratorOptions = {},
): OrganizationRecord[] {
  const prng = createPrng(seed);
  const usedTaxCodes = new Set<string>(DEMO_ORGANIZATIONS.map((o) => o.taxCode));
  const usedPhones = new Set<string>(DEMO_ORGANIZATIONS.map((o) => o.phone));
  const usedNames = new Map<string, number>();
  const person = createPersonFactory(prng, new Set(DEMO_CITIZENS.map((c) => c.id)));
  // Adults only: a legal representative must have full civil capacity.
  const pool = (options.representatives ?? []).filter((r) => r.dateOfBirth <= '2005-12-31');
  const enterprises: OrganizationRecord[] = [];
  const branchCount = new Map<string, number>();
  const result: OrganizationRecord[] = [];

  for (let i = 0; i < count; i++) {
    const rep = pool.length > 0 ? prng.pick(pool) : person(1955, 2000);
    const legalRepresentative = { fullName: rep.fullName, citizenId: rep.id };
    const address = randomAddress(prng);
    const phone = randomMobile(prng, usedPhones);
    const registeredOn = `${prng.between(2000, 2024)}-${String(prng.between(1, 12)).padStart(2, '0')}-${String(prng.between(1, 28)).padStart(2, '0')}`;
    const form = prng.weighted(FORM_WEIGHTS);

    const parent = form === 'branch' && enterprises.length > 0 ? prng.pick(enterprises) : undefined;
    if (parent) {
      const n = (branchCount.get(parent.taxCode) ?? 0) + 1;
      branchCount.set(parent.taxCode, n);
      const place = findUnit(DA_NANG_TWO_TIER_UNITS, address.unitCode, '2025-07-01')?.shortName ?? 'Đà Nẵng';
      result.push({
        taxCode: `${parent.taxCode}-${String(n).padStart(3, '0')}`,
        name: `Chi nhánh ${place} - ${parent.name}`,
        englishName: `${parent.englishName} - ${removeDiacritics(place)} Branch`,
        legalForm: 'branch',
        parentTaxCode: parent.taxCode,
        legalRepresentative, address, phone,
        email: `chinhanh${n}.${parent.email}`,
        registeredOn: registeredOn < parent.registeredOn ? parent.registeredOn : registeredOn,
      });
      continue;
    }

    const legalForm: EnterpriseForm = form === 'branch' ? 'multiMemberLlc' : form;
    const [brandVi, brandEn] = prng.pick(COMPANY_BRANDS);
    const [lineVi, lineEn] = prng.pick(BUSINESS_LINES);
    const [formVi, formEn] = FORM_WORDS[legalForm];
    const baseName = `${formVi} ${lineVi} ${brandVi}`;
    // Names must be unique (Law on Enterprises 2020 art. 41): number later homonyms.
    const seen = usedNames.get(baseName) ?? 0;
    usedNames.set(baseName, seen + 1);
    const suffix = seen === 0 ? '' : ` ${seen + 1}`;
    const slug = removeDiacritics(brandVi).toLowerCase().replace(/[^a-z0-9]/g, '');
    const org: OrganizationRecord = {
      taxCode: newTaxCode(prng, usedTaxCodes),
      name: `${baseName}${suffix}`,
      englishName: `${brandEn}${suffix} ${lineEn} ${formEn}`,
      legalForm,
      legalRepresentative, address, phone,
      email: `lienhe${i + 1}@${slug}.example.com`,
      registeredOn,
    };
    enterprises.push(org);
    result.push(org);
  }
  return result;
}
