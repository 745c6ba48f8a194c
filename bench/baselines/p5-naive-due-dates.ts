/**
 * Baseline of P5: due dates the way a spreadsheet formula would compute them: count
 * Monday–Friday days from the receipt, ignoring public holidays, compensatory days off,
 * office hours, half days and the same-day cut-off. The ratio P5 ÷ this baseline is what
 * the working calendar costs.
 */
import type { DeadlineRule } from '../../src/modules/calendar/index.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;
/** Vietnam is UTC+7 all year (no daylight saving). */
const OFFSET = 7 * HOUR;

/** The due instant of `rule` for a dossier received at `received` (milliseconds, UTC). */
export function naiveDue(received: number, rule: DeadlineRule): number {
  switch (rule.unit) {
    case 'calendarDays':
      return received + rule.value * DAY;
    case 'workingHours':
      return received + rule.value * HOUR;
    case 'sameDay': {
      const local = received + OFFSET;
      return local - (local % DAY) + DAY - 1 - OFFSET;
    }
    case 'workingDays': {
      let t = received;
      let left = Math.ceil(rule.value);
      while (left > 0) {
        t += DAY;
        // 1970-01-01 was a Thursday: day 0 → Thursday, so (days + 4) % 7 is 0 on Sunday.
        const weekday = (Math.floor((t + OFFSET) / DAY) + 4) % 7;
        if (weekday !== 0 && weekday !== 6) left--;
      }
      return t;
    }
  }
}
