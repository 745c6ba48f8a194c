/**
 * All Da Nang demonstration administrative units, both structures in one dated list:
 * query it with a date (`unitsValidOn`, `findUnit`) to get the three-tier tree of any day
 * until 30/06/2025 or the two-tier tree from 01/07/2025.
 */
import type { AdminUnit } from '../domain/admin-units.js';
import { DA_NANG_CITY, QUANG_NAM_PROVINCE, THREE_TIER_LAST_DAY, TWO_TIER_FROM } from './admin-unit-names.js';
import { DA_NANG_THREE_TIER_UNITS } from './admin-units-three-tier.js';
import { DA_NANG_TWO_TIER_UNITS } from './admin-units-two-tier.js';

export { DA_NANG_CITY, QUANG_NAM_PROVINCE, THREE_TIER_LAST_DAY, TWO_TIER_FROM };
export { DA_NANG_THREE_TIER_UNITS, DA_NANG_TWO_TIER_UNITS };

/** Every demo unit: the city, Quảng Nam (until its merger), the old tree and the new one. */
export const DA_NANG_ADMIN_UNITS: readonly AdminUnit[] = [
  DA_NANG_CITY,
  QUANG_NAM_PROVINCE,
  ...DA_NANG_THREE_TIER_UNITS,
  ...DA_NANG_TWO_TIER_UNITS,
];

/** A day on which the three-tier structure is in force, for fixtures and tests. */
export const THREE_TIER_SAMPLE_DAY = '2025-06-30';
/** A day on which the two-tier structure is in force. */
export const TWO_TIER_SAMPLE_DAY = TWO_TIER_FROM;

/**
 * Codes of the current units that cover the former Da Nang city area (before Quảng Nam
 * joined); the demo generators place most residents there.
 */
export const FORMER_CITY_AREA_CODES: readonly string[] = [
  '20194', '20197', '20200', '20209', '20242', '20257', '20260', '20263',
  '20275', '20285', '20305', '20308', '20314', '20320', '20332',
];
