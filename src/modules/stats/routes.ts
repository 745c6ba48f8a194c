import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { can, type Resource } from '../../platform/auth/authorize.js';
import { authorize, authorizeList, auditRequest } from '../../platform/auth/plugin.js';
import { decodeCursor, encodeCursor, PageQuery } from '../../platform/db/paging.js';
import { AppError, type Bilingual } from '../../platform/errors.js';
import { contentDisposition } from '../../platform/files/download.js';
import { problemResponses } from '../../platform/http/problem.js';
import { DRILLDOWN_INDICATORS, drilldown, type DrilldownIndicator } from './drilldown.js';
import { localDay } from './facts.js';
import { validateWeights } from './indicators.js';
import { parsePeriod, type Period } from './period.js';
import { rankingTable, summaryTable, trendTable, type ReportTable } from './report-tables.js';
import { DrilldownItemSchema, RankingSchema, ScopeChoicesSchema, SummarySchema, TrendSchema, WeightsSchema } from './schema.js';
import { parseScope, resolveScope, type ResolvedScope } from './scope.js';
import { scopeChoices } from './scope-choices.js';
import { loadWeights, ranking, saveWeights, summary, trend } from './service.js';
import { statsDb } from './tables.js';
import { reportWorkbook } from './xlsx.js';
import type { StatsFilter } from './query.js';

const Binary = (description: string) => Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description });

const FilterQuery = {
  scope: Type.Optional(
    Type.String({
      maxLength: 80,
      description:
        '`city` (default), `unit:<unit code>`, `agency:<agency code>` (that agency and every agency below it), `agencyOnly:<agency code>` (exactly the dossiers that agency received, without the agencies below it: what its line of the agency ranking counts) or `desk:<desk code>`. `GET /stats/scopes` lists those the caller may read.',
    }),
  ),
  period: Type.Optional(Type.String({ maxLength: 40, description: '`2026`, `2026-Q1`, `2026-03` (default: this month), `2026-03-02` or `2026-03-01..2026-03-15` (local days)' })),
  procedureCode: Type.Optional(Type.String({ maxLength: 40 })),
  fieldCode: Type.Optional(Type.String({ maxLength: 60, description: 'Field (lĩnh vực) of the procedures' })),
};
type FilterParams = { scope?: string; period?: string; procedureCode?: string; fieldCode?: string };

const ScopeOut = (s: ResolvedScope) => ({ kind: s.kind, code: s.code, name: s.name });

function invalid(field: string, message: Bilingual): never {
  throw new AppError('VALIDATION_FAILED', { detail: message, errors: [{ field: `/querystring/${field}`, reason: 'format', message }] });
}

/**
 * Parses and authorizes the scope, period and filters of a statistics request: 401 without
 * login, 403 without a statistics role, 404 for a scope that is unknown or outside the
 * caller's (so that its existence does not leak), 400 for a malformed one.
 */
async function prepare(request: FastifyRequest): Promise<{ filter: StatsFilter; period: Period }> {
  authorizeList(request, 'stats.read');
  const q = request.query as FilterParams;
  const { db, clock } = request.server.services;
  const parsedScope = parseScope(q.scope ?? 'city');
  if (!parsedScope) invalid('scope', { vi: 'Phạm vi phải là city, unit:<mã>, agency:<mã>, agencyOnly:<mã> hoặc desk:<mã>.', en: 'The scope must be city, unit:<code>, agency:<code>, agencyOnly:<code> or desk:<code>.' });
  const parsed = parsePeriod(q.period ?? localDay(clock.now()).slice(0, 7));
  if (!parsed.ok) invalid('period', parsed.error.message);
  const scope = await resolveScope(db, parsedScope);
  if (!scope) throw new AppError('NOT_FOUND');
  for (const resource of scope.resources) authorize(request, 'stats.read', resource);
  return {
    filter: { scope, ...(q.procedureCode ? { procedureCode: q.procedureCode } : {}), ...(q.fieldCode ? { fieldCode: q.fieldCode } : {}) },
    period: parsed.period,
  };
}

/** Statistics under `/api/v1/stats` for leaders and statistics officers, scoped by their grants. */
export async function statsRoutes(app: FastifyInstance): Promise<void> {
  const tags = ['stats'];

  app.get(
    '/stats/scopes',
    {
      schema: {
        tags,
        summary: 'The scopes the caller may read: the city, administrative units, agencies and reception desks in force today that their grants cover, parent before children',
        response: { 200: ScopeChoicesSchema, ...problemResponses(401, 403) },
      },
    },
    async (request) => {
      const { actor } = authorizeList(request, 'stats.read');
      // The same decision `prepare` makes through `authorize` for each resource of a scope.
      const allowed = (resources: readonly Resource[]) => resources.every((r) => can(actor, 'stats.read', r) === 'allow');
      return { items: await scopeChoices(app.services.db, localDay(app.services.clock.now()), allowed) };
    },
  );

  app.get(
    '/stats/summary',
    {
      schema: {
        tags,
        summary: 'Indicators of a scope over a period, grouped per Decision 766/QĐ-TTg, with the index score and the dossiers open now',
        querystring: Type.Object(FilterQuery),
        response: { 200: SummarySchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { filter, period } = await prepare(request);
      const s = await summary(app.services.db, filter, period, app.services.clock.now());
      return { scope: ScopeOut(filter.scope), ...s };
    },
  );

  app.get(
    '/stats/trend',
    {
      schema: {
        tags,
        summary: 'The indicators month by month over a period (default: this month; use a year for a yearly trend)',
        querystring: Type.Object(FilterQuery),
        response: { 200: TrendSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { filter, period } = await prepare(request);
      return { scope: ScopeOut(filter.scope), period, months: await trend(app.services.db, filter, period) };
    },
  );

  app.get(
    '/stats/ranking',
    {
      schema: {
        tags,
        summary: 'Receiving agencies or procedures of a scope ranked by on-time rate over a period',
        querystring: Type.Object({ ...FilterQuery, by: Type.Optional(Type.Union([Type.Literal('agency'), Type.Literal('procedure')])) }),
        response: { 200: RankingSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { filter, period } = await prepare(request);
      const by = (request.query as { by?: 'agency' | 'procedure' }).by ?? 'agency';
      return { scope: ScopeOut(filter.scope), period, by, items: await ranking(app.services.db, filter, period, by) };
    },
  );

  app.get(
    '/stats/dossiers',
    {
      schema: {
        tags,
        summary: 'The dossiers behind one figure (drill-down): exactly as many as the figure counts, by dossier id; codes and timings, no personal data',
        querystring: Type.Object({ ...FilterQuery, indicator: Type.Union(DRILLDOWN_INDICATORS.map((i) => Type.Literal(i))), ...PageQuery }),
        response: { 200: Type.Object({ total: Type.Integer(), items: Type.Array(DrilldownItemSchema), nextCursor: Type.Union([Type.String(), Type.Null()]) }), ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { filter, period } = await prepare(request);
      const q = request.query as { indicator: DrilldownIndicator; cursor?: string; limit?: number };
      const limit = q.limit ?? 50;
      const after = decodeCursor(q.cursor, 1)?.[0];
      const { total, rows } = await drilldown(statsDb(app.services.db), filter, q.indicator, period, app.services.clock.now(), { ...(after !== undefined ? { after: String(after) } : {}), limit });
      const more = rows.length > limit;
      const items = more ? rows.slice(0, limit) : rows;
      const last = items[items.length - 1];
      return { total, items, nextCursor: more && last ? encodeCursor([last.dossierId]) : null };
    },
  );

  app.get(
    '/stats/export',
    {
      schema: {
        tags,
        summary: 'A statistics table as an Excel workbook laid out for filing: title, scope, period, time generated, Vietnamese headers, totals line',
        querystring: Type.Object({ ...FilterQuery, table: Type.Union([Type.Literal('summary'), Type.Literal('trend'), Type.Literal('ranking-agency'), Type.Literal('ranking-procedure')]) }),
        response: { 200: Binary('The table as XLSX'), ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const { filter, period } = await prepare(request);
      const table = (request.query as { table: 'summary' | 'trend' | 'ranking-agency' | 'ranking-procedure' }).table;
      const now = app.services.clock.now();
      const total = await summary(app.services.db, filter, period, now);
      let report: ReportTable;
      if (table === 'summary') report = summaryTable(total);
      else if (table === 'trend') report = trendTable(await trend(app.services.db, filter, period), total.indicators);
      else {
        const by = table === 'ranking-agency' ? 'agency' : 'procedure';
        report = rankingTable(await ranking(app.services.db, filter, period, by), by, total.indicators);
      }
      const local = new Date(now.getTime() + 7 * 3_600_000).toISOString();
      const generatedAt = `${local.slice(11, 16)} ngày ${local.slice(8, 10)}/${local.slice(5, 7)}/${local.slice(0, 4)}`;
      const data = await reportWorkbook(report, { scope: filter.scope.name.vi, period: period.label.vi, generatedAt }, now);
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', contentDisposition(`thong-ke-${table}-${period.from}-${period.to}.xlsx`, false))
        .header('cache-control', 'private, no-store')
        .send(data);
    },
  );

  app.get(
    '/stats/weights',
    {
      schema: { tags, summary: 'The points of each Decision 766/QĐ-TTg group in the index score (settings)', response: { 200: WeightsSchema, ...problemResponses(401, 403) } },
    },
    async (request) => {
      authorizeList(request, 'stats.read');
      return loadWeights(app.services.db);
    },
  );

  app.put(
    '/stats/weights',
    {
      schema: { tags, summary: 'Changes the points of the index groups (system administrators; audited)', body: WeightsSchema, response: { 200: WeightsSchema, ...problemResponses(400, 401, 403) } },
    },
    async (request) => {
      const actor = authorize(request, 'stats.configure');
      const checked = validateWeights(request.body as Record<string, unknown>);
      if (!checked.ok) invalid(checked.field, { vi: 'Điểm của nhóm phải từ 0 đến 100.', en: 'A group weight must be 0–100.' });
      const now = app.services.clock.now();
      await app.services.db.transaction().execute(async (trx) => {
        const before = await loadWeights(trx);
        await saveWeights(trx, checked.weights, now, actor.accountId);
        await auditRequest(trx, request, { action: 'stats.weights', target: { type: 'statsSettings', id: 'indexWeights' }, summary: { before, after: checked.weights } });
      });
      return checked.weights;
    },
  );
}
