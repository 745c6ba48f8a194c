import { Type } from '@sinclair/typebox';

/** TypeBox schemas shared by the calendar's routes. Times are `HH:MM`, Asia/Ho_Chi_Minh. */

export const Bilingual = Type.Object({ vi: Type.String({ minLength: 1, maxLength: 300 }), en: Type.String({ minLength: 1, maxLength: 300 }) });
export const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD (Asia/Ho_Chi_Minh)' });
export const Year = Type.Integer({ minimum: 1900, maximum: 2199 });
export const HolidayGroup = Type.Union(['newYear', 'tet', 'hungKings', 'victoryDay', 'labourDay', 'nationalDay'].map((g) => Type.Literal(g)), {
  description: 'The statutory holiday whose computed placement this published row replaces (Labour Code 2019 art. 112)',
});
export const OverrideKind = Type.Union([Type.Literal('off'), Type.Literal('work'), Type.Literal('holiday')], {
  description: 'off: a day off; work: a (weekend) day worked in exchange; holiday: a newly decided public holiday, compensated when on a weekend',
});

export const OverrideSchema = Type.Object({
  date: Type.String(),
  kind: OverrideKind,
  name: Bilingual,
  replaces: Type.Union([HolidayGroup, Type.Null()]),
  updatedAt: Type.String(),
});
export const OverrideBody = Type.Object({ kind: OverrideKind, name: Bilingual, replaces: Type.Optional(HolidayGroup) }, { additionalProperties: false });
export const NewOverrideBody = Type.Object({ date: IsoDate, kind: OverrideKind, name: Bilingual, replaces: Type.Optional(HolidayGroup) }, { additionalProperties: false });

export const IntervalText = Type.Object(
  { start: Type.String({ pattern: '^\\d{2}:\\d{2}$', description: 'HH:MM' }), end: Type.String({ pattern: '^\\d{2}:\\d{2}$', description: 'HH:MM (24:00 = midnight)' }) },
  { additionalProperties: false },
);
const DayHours = Type.Optional(Type.Array(IntervalText, { maxItems: 8 }));
export const WeeklyHoursText = Type.Object(
  { mon: DayHours, tue: DayHours, wed: DayHours, thu: DayHours, fri: DayHours, sat: DayHours, sun: DayHours },
  { additionalProperties: false, description: 'Office hours per weekday; a day left out is closed' },
);
export const HoursSource = Type.Union([Type.Literal('desk'), Type.Literal('agency'), Type.Literal('default')], {
  description: "Whose hours these are: the desk's own, its agency's, or the common default",
});
export const DeskHoursSchema = Type.Object({ deskCode: Type.String(), agencyCode: Type.String(), source: HoursSource, hours: WeeklyHoursText });
export const AgencyHoursSchema = Type.Object({
  agencyCode: Type.String(),
  source: Type.Union([Type.Literal('agency'), Type.Literal('default')]),
  hours: WeeklyHoursText,
});
export const HoursBody = Type.Object({ hours: WeeklyHoursText }, { additionalProperties: false });

export const ExceptionSchema = Type.Object({
  date: Type.String(),
  kind: Type.Union([Type.Literal('open'), Type.Literal('closed')]),
  intervals: Type.Array(IntervalText),
  name: Type.Union([Bilingual, Type.Null()]),
});
export const NewExceptionBody = Type.Object(
  {
    date: IsoDate,
    kind: Type.Union([Type.Literal('open'), Type.Literal('closed')]),
    intervals: Type.Optional(Type.Array(IntervalText, { maxItems: 8, description: 'Required for open' })),
    name: Type.Optional(Bilingual),
  },
  { additionalProperties: false },
);

export const DayDifferenceSchema = Type.Object({ date: Type.String(), kind: Type.Union([Type.Literal('off'), Type.Literal('work')]), name: Bilingual });

export const DueQuery = Type.Object({
  from: Type.String({ minLength: 1, maxLength: 64, description: 'ISO-8601 with offset, e.g. 2026-02-13T10:00:00+07:00' }),
  workingDays: Type.Optional(Type.Number({ minimum: 0, maximum: 3650 })),
  workingHours: Type.Optional(Type.Number({ minimum: 0, maximum: 30000 })),
  calendarDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 3650 })),
  sameDay: Type.Optional(Type.Boolean({ description: 'Same-day procedure (trong ngày)' })),
  cutoff: Type.Optional(Type.String({ pattern: '^\\d{2}:\\d{2}$', description: 'Same-day cut-off HH:MM (default 15:00)' })),
  desk: Type.Optional(Type.String({ minLength: 1, maxLength: 50, description: 'Reception desk code (default: city-wide calendar)' })),
});
export const DueSchema = Type.Object({
  from: Type.String(),
  due: Type.String({ description: 'ISO-8601 with +07:00' }),
  rule: Type.Object({ unit: Type.String(), value: Type.Optional(Type.Number()), cutoffMinutes: Type.Optional(Type.Integer()) }),
  desk: Type.Union([Type.String(), Type.Null()]),
});
