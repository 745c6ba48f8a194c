/**
 * Deterministic generator of demonstration citizens: realistic Vietnamese names, a
 * well-formed identification number consistent with sex and year of birth (Circular
 * 59/2021/TT-BCA art. 7), a Da Nang address, a mobile number and an e-mail address on the
 * reserved `example.*` domains (RFC 2606) so that nothing is ever sent to a real mailbox.
 */
import type { AdminUnit } from '../domain/admin-units.js';
import { centuryDigitFor, type Sex } from '../domain/citizen-id.js';
import { MOBILE_PREFIXES } from '../domain/contact.js';
import { daysInMonth } from '../domain/dates.js';
import type { CitizenRecord, PostalAddress } from '../domain/people.js';
import { removeDiacritics } from '../domain/search-text.js';
import { DA_NANG_TWO_TIER_UNITS, FORMER_CITY_AREA_CODES } from './admin-units.js';
import { DEMO_CITIZENS } from './demo-accounts.js';
import {
  CITY_STREETS,
  FEMALE_GIVEN_NAMES,
  FEMALE_MIDDLE_NAMES,
  HAMLETS,
  MALE_GIVEN_NAMES,
  MALE_MIDDLE_NAMES,
  QUANG_NAM_STREETS,
  SURNAMES,
} from './name-lists.js';
import { createPrng, type Prng } from './prng.js';

/** Birth-registration provinces of Da Nang residents: [code, weight]. */
const BIRTH_PROVINCE_WEIGHTS: ReadonlyArray<readonly [string, number]> = [
  ['048', 70], ['049', 15], ['046', 3], ['045', 2], ['051', 2], ['052', 1.5], ['044', 1.5],
  ['040', 1], ['042', 1], ['038', 1], ['001', 1], ['079', 1],
];

const MOBILE_PREFIX_LIST: readonly string[] = Object.keys(MOBILE_PREFIXES);
const EMAIL_DOMAINS = ['example.com', 'example.net', 'example.org'] as const;
const LIVING_UNITS: readonly AdminUnit[] = DA_NANG_TWO_TIER_UNITS.filter((u) => u.kind !== 'specialZone');
const CITY_AREA = new Set(FORMER_CITY_AREA_CODES);
const CITY_AREA_UNITS = LIVING_UNITS.filter((u) => CITY_AREA.has(u.code));
const OTHER_UNITS = LIVING_UNITS.filter((u) => !CITY_AREA.has(u.code));

const asciiCache = new Map<string, string>();
/** Lower-case ASCII form of a name part, for e-mail addresses (cached: few distinct parts). */
function ascii(word: string): string {
  let a = asciiCache.get(word);
  if (a === undefined) {
    a = removeDiacritics(word).toLowerCase().replace(/[^a-z0-9]/g, '');
    asciiCache.set(word, a);
  }
  return a;
}

/** A generated person before contact details: name, sex, birth date, ID number. */
export interface GeneratedPerson {
  id: string;
  surname: string;
  middleName: string;
  givenName: string;
  fullName: string;
  sex: Sex;
  dateOfBirth: string;
}

/**
 * Makes people with unique identification numbers from a shared generator; `usedIds`
 * is updated so that several factories can share one number space.
 */
export function createPersonFactory(
  prng: Prng,
  usedIds: Set<string>,
): (minYear: number, maxYear: number) => GeneratedPerson {
  return (minYear, maxYear) => {
    const sex: Sex = prng.next() < 0.5 ? 'male' : 'female';
    const surname = prng.weighted(SURNAMES);
    const middleName = prng.pick(sex === 'male' ? MALE_MIDDLE_NAMES : FEMALE_MIDDLE_NAMES);
    const givenName = prng.pick(sex === 'male' ? MALE_GIVEN_NAMES : FEMALE_GIVEN_NAMES);
    const year = prng.between(minYear, maxYear);
    const month = prng.between(1, 12);
    const day = prng.between(1, daysInMonth(year, month));
    const dateOfBirth = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    // Years are kept within 1900–2399 by the callers, so the digit exists.
    const prefix = `${prng.weighted(BIRTH_PROVINCE_WEIGHTS)}${centuryDigitFor(sex, year) ?? 0}${String(year % 100).padStart(2, '0')}`;
    let id = prefix + prng.digits(6);
    while (usedIds.has(id)) id = prefix + prng.digits(6);
    usedIds.add(id);
    return { id, surname, middleName, givenName, fullName: `${surname} ${middleName} ${givenName}`, sex, dateOfBirth };
  };
}

/** A plausible address in one of the current units: mostly the former city area. */
export function randomAddress(prng: Prng): PostalAddress {
  const inCity = prng.next() < 0.8;
  const unit = prng.pick(inCity ? CITY_AREA_UNITS : OTHER_UNITS);
  if (unit.kind === 'commune') return { unitCode: unit.code, street: `Thôn ${prng.pick(HAMLETS)}` };
  const street = prng.pick(inCity ? CITY_STREETS : QUANG_NAM_STREETS);
  const house = prng.between(1, 450);
  // About one address in five is in an alley (kiệt), written K<alley>/<house>.
  return prng.next() < 0.2
    ? { unitCode: unit.code, street: `K${house}/${prng.between(1, 60)} ${street}` }
    : { unitCode: unit.code, street: `${house} ${street}` };
}

/** A mobile number not yet in `used`, with a prefix in use (see `MOBILE_PREFIXES`). */
export function randomMobile(prng: Prng, used: Set<string>): string {
  let phone = prng.pick(MOBILE_PREFIX_LIST) + prng.digits(7);
  while (used.has(phone)) phone = prng.pick(MOBILE_PREFIX_LIST) + prng.digits(7);
  used.add(phone);
  return phone;
}

export interface CitizenGeneratorOptions {
  /** Identification numbers that must not be generated (defaults to the demo accounts'). */
  reservedIds?: Iterable<string>;
}

/**
 * Generates `count` citizens deterministically from `seed`; the first k citizens are the
 * same whatever `count` is. Ages run from newborn to about 90 (an ID number is assigned at
 * birth registration).
 *
 * @example generateCitizens(3, 42).map((c) => c.fullName)
 */
export function generateCitizens(count: number, seed: number, options: CitizenGeneratorOptions = {}): CitizenRecord[] {
  const prng = createPrng(seed);
  const usedIds = new Set<string>(options.reservedIds ?? DEMO_CITIZENS.map((c) => c.id));
  const usedPhones = new Set<string>(DEMO_CITIZENS.map((c) => c.phone));
  const person = createPersonFactory(prng, usedIds);
  const citizens: CitizenRecord[] = new Array<CitizenRecord>(count);
  for (let i = 0; i < count; i++) {
    const p = person(1935, 2024);
    citizens[i] = {
      id: p.id,
      fullName: p.fullName,
      surname: p.surname,
      middleName: p.middleName,
      givenName: p.givenName,
      sex: p.sex,
      dateOfBirth: p.dateOfBirth,
      address: randomAddress(prng),
      phone: randomMobile(prng, usedPhones),
      // The sequence number keeps addresses unique without a lookup.
      email: `${ascii(p.givenName)}.${ascii(p.surname)}${i + 1}@${prng.pick(EMAIL_DOMAINS)}`,
    };
  }
  return citizens;
}
