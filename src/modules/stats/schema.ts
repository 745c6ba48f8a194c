/** TypeBox schemas of the statistics API (validation, serialization and the OpenAPI document). */
import { Type } from '@sinclair/typebox';
import { INDEX_GROUPS } from './indicators.js';

const Rate = Type.Union([Type.Number(), Type.Null()], { description: 'A share 0–1 (4 decimals), null when there is nothing to divide by' });
const Num = Type.Union([Type.Number(), Type.Null()]);
const Int = Type.Integer();
const Bilingual = Type.Object({ vi: Type.String(), en: Type.String() });
const Weights = Type.Object(Object.fromEntries(INDEX_GROUPS.map((g) => [g, Type.Number({ minimum: 0, maximum: 100 })])) as Record<(typeof INDEX_GROUPS)[number], ReturnType<typeof Type.Number>>);
const GroupPoints = Type.Object(Object.fromEntries(INDEX_GROUPS.map((g) => [g, Num])) as Record<(typeof INDEX_GROUPS)[number], typeof Num>);

export const WeightsSchema = Weights;

export const IndicatorsSchema = Type.Object({
  volume: Type.Object({
    carriedOver: Int, received: Int, receivedOnline: Int, total: Int, resolved: Int, resolvedEarly: Int, resolvedOnTime: Int, resolvedLate: Int,
    returned: Int, rejected: Int, withdrawn: Int, stopped: Int, inProgressAtEnd: Int, transferred: Int, transferredShare: Rate,
  }),
  transparency: Type.Object({ apologies: Int, apologized: Int, lateApologized: Int, apologyRate: Rate, score: Num }),
  progress: Type.Object({ onTimeRate: Rate, averageDays: Num, p90Days: Num, score: Num }),
  onlineService: Type.Object({ onlineShare: Rate, onlineFullShare: Rate, onlinePartialShare: Rate, paid: Int, paidOnline: Int, onlinePaymentShare: Rate, score: Num }),
  digitization: Type.Object({ digitized: Int, digitizedShare: Rate, score: Num }),
  satisfaction: Type.Object({
    ratings: Int,
    average: Num,
    distribution: Type.Object({ '1': Int, '2': Int, '3': Int, '4': Int, '5': Int }),
    satisfiedShare: Rate,
    score: Num,
  }),
  index: Type.Object({ score: Num, points: GroupPoints, weights: Weights }, { description: 'Decision 766/QĐ-TTg groups; weights are settings' }),
});

export const PeriodSchema = Type.Object({ kind: Type.String(), from: Type.String(), to: Type.String(), label: Bilingual });
export const ScopeSchema = Type.Object({ kind: Type.String(), code: Type.Union([Type.String(), Type.Null()]), name: Bilingual });

export const ScopeChoicesSchema = Type.Object({
  items: Type.Array(
    Type.Object({
      scope: Type.String({ description: 'What to send as `scope`, e.g. `unit:20242`' }),
      kind: Type.Union(['city', 'unit', 'agency', 'agencyOnly', 'desk'].map((k) => Type.Literal(k))),
      code: Type.Union([Type.String(), Type.Null()]),
      name: Bilingual,
      parent: Type.Union([Type.String(), Type.Null()], { description: 'The scope text of the nearest enclosing scope the caller may also read; null at the top of their list' }),
    }),
  ),
});

export const CurrentSchema = Type.Object({ asOf: Type.String(), inProgress: Int, overdue: Int, notYetDue: Int, paused: Int, overdueWithApology: Int });

export const SummarySchema = Type.Object({ scope: ScopeSchema, period: PeriodSchema, generatedAt: Type.String(), indicators: IndicatorsSchema, current: CurrentSchema });

export const TrendSchema = Type.Object({ scope: ScopeSchema, period: PeriodSchema, months: Type.Array(Type.Object({ month: Type.String(), indicators: IndicatorsSchema })) });

export const RankingSchema = Type.Object({
  scope: ScopeSchema,
  period: PeriodSchema,
  by: Type.String(),
  items: Type.Array(
    Type.Object({ rank: Int, code: Type.String(), name: Bilingual, received: Int, resolved: Int, resolvedLate: Int, onTimeRate: Rate, averageDays: Num, onlineShare: Rate, satisfactionAverage: Num }),
  ),
});

export const DrilldownItemSchema = Type.Object({
  dossierId: Type.String(), code: Type.Union([Type.String(), Type.Null()]), status: Type.String(), agencyCode: Type.String(), deskCode: Type.String(),
  procedureCode: Type.String(), channel: Type.String(), receivedDay: Type.Union([Type.String(), Type.Null()]), resolvedDay: Type.Union([Type.String(), Type.Null()]),
  timeliness: Type.Union([Type.String(), Type.Null()]), processingDays: Num, originalDueAt: Type.Union([Type.String(), Type.Null()]), apologies: Int, rating: Num,
});

export const TransparencySchema = Type.Object({
  asOf: Type.String(),
  month: Type.String(),
  year: Type.String(),
  agencies: Type.Array(
    Type.Object({
      agencyCode: Type.String(),
      name: Bilingual,
      month: Type.Object({ resolved: Int, onTimeRate: Rate }),
      year: Type.Object({ resolved: Int, onTimeRate: Rate }),
      overdueNow: Int,
      overdueWithApology: Int,
      apologiesThisYear: Int,
      satisfaction: Type.Object({ ratings: Int, average: Num }),
    }),
  ),
});
