import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import { agencyScope, deskScope } from '../registry/index.js';
import { auditRequest, authorize } from '../../platform/auth/plugin.js';
import { AppError, type FieldError } from '../../platform/errors.js';
import { problemResponses } from '../../platform/http/problem.js';
import { DEFAULT_OFFICE_HOURS, listYearDifferences } from './calendar.js';
import { computeDue } from './deadlines.js';
import {
  addDeskException,
  clearOfficeHours,
  createOverride,
  intervalsFromText,
  intervalsToText,
  removeDeskException,
  removeOverride,
  replaceOverride,
  setOfficeHours,
  weeklyHoursFromText,
  weeklyHoursToText,
  type EditContext,
  type IntervalText,
  type WeeklyHoursText,
} from './edits.js';
import { formatIsoLocal, parseHm, parseIsoWithOffset } from './local-time.js';
import * as S from './schema.js';
import { loadDeskCalendar, resolveDeskHours } from './service.js';
import { findOfficeHours, listDeskExceptions, listOverrides, type StoredException, type StoredOverride } from './store.js';
import { calendarDb } from './tables.js';
import type { Bilingual, DeadlineRule, DeskException, HolidayGroup } from './types.js';

const tags = ['calendar'];

const overrideOut = (o: StoredOverride) => ({ date: o.date, kind: o.kind, name: o.name, replaces: o.replaces ?? null, updatedAt: o.updatedAt });
const exceptionOut = (e: StoredException) => ({
  date: e.date,
  kind: e.kind,
  intervals: e.kind === 'open' ? intervalsToText(e.intervals) : [],
  name: e.name ?? null,
});

function editContext(app: FastifyInstance, request: FastifyRequest, username: string): EditContext {
  return { db: app.services.db, now: app.services.clock.now(), by: username, audit: (trx, entry) => auditRequest(trx, request, entry) };
}

function notFound(vi: string, en: string): AppError {
  return new AppError('NOT_FOUND', { detail: { vi, en } });
}

/**
 * 401/403 as usual, then 404 unless the actor's scope covers the desk's agency (an unknown
 * desk is 404 for everyone allowed to edit desks at all).
 */
async function authorizeDesk(app: FastifyInstance, request: FastifyRequest, deskCode: string): Promise<{ username: string }> {
  const scope = await deskScope(app.services.db, deskCode);
  const actor = authorize(request, 'calendar.desk.write', scope ? { agencyPath: scope.agencyPath, unitPath: scope.unitPath } : {});
  if (!scope) throw notFound(`Không có bộ phận tiếp nhận mã ${deskCode}.`, `There is no reception desk ${deskCode}.`);
  return actor;
}

async function authorizeAgency(app: FastifyInstance, request: FastifyRequest, agencyCode: string): Promise<{ username: string }> {
  const scope = await agencyScope(app.services.db, agencyCode);
  const actor = authorize(request, 'calendar.desk.write', scope ? { agencyPath: scope.agencyPath, unitPath: scope.unitPath } : {});
  if (!scope) throw notFound(`Không có cơ quan mã ${agencyCode}.`, `There is no agency ${agencyCode}.`);
  return actor;
}

function invalidQuery(errors: FieldError[]): AppError {
  return new AppError('VALIDATION_FAILED', { detail: { vi: 'Tham số không hợp lệ; xem danh sách "errors".', en: 'Invalid query parameters; see "errors".' }, errors });
}

type DueQuery = { from: string; workingDays?: number; workingHours?: number; calendarDays?: number; sameDay?: boolean; cutoff?: string; desk?: string };

/** The deadline rule named by the query: exactly one of the four units. */
function ruleOf(q: DueQuery): DeadlineRule {
  const rules: DeadlineRule[] = [];
  if (q.workingDays !== undefined) rules.push({ unit: 'workingDays', value: q.workingDays });
  if (q.workingHours !== undefined) rules.push({ unit: 'workingHours', value: q.workingHours });
  if (q.calendarDays !== undefined) rules.push({ unit: 'calendarDays', value: q.calendarDays });
  if (q.sameDay === true) {
    const cutoff = q.cutoff === undefined ? undefined : parseHm(q.cutoff);
    if (q.cutoff !== undefined && cutoff === undefined) {
      throw invalidQuery([{ field: '/querystring/cutoff', reason: 'format', message: { vi: 'Giờ chốt phải có dạng HH:MM', en: 'The cut-off must be HH:MM' } }]);
    }
    rules.push(cutoff === undefined ? { unit: 'sameDay' } : { unit: 'sameDay', cutoffMinutes: cutoff });
  }
  const [rule] = rules;
  if (rules.length !== 1 || rule === undefined) {
    throw invalidQuery([
      {
        field: '/querystring',
        reason: 'oneOf',
        message: { vi: 'Cần đúng một trong workingDays, workingHours, calendarDays, sameDay=true', en: 'Give exactly one of workingDays, workingHours, calendarDays, sameDay=true' },
      },
    ]);
  }
  return rule;
}

/** Working calendar administration and public deadline answers under `/api/v1/calendar`. */
export async function calendarRoutes(app: FastifyInstance): Promise<void> {
  const db = () => calendarDb(app.services.db);

  app.get(
    '/calendar/overrides',
    {
      schema: {
        tags,
        summary: "A year's rows of the national override table (days off, swapped working days, new holidays); public",
        querystring: Type.Object({ year: S.Year }),
        response: { 200: Type.Object({ year: Type.Integer(), items: Type.Array(S.OverrideSchema) }), ...problemResponses(400) },
      },
    },
    async (request) => {
      const { year } = request.query as { year: number };
      return { year, items: (await listOverrides(db(), year)).map(overrideOut) };
    },
  );

  app.post(
    '/calendar/overrides',
    { schema: { tags, summary: 'Add an override row from a government notice (system administrators)', body: S.NewOverrideBody, response: { 201: S.OverrideSchema, ...problemResponses(400, 401, 403, 409) } } },
    async (request, reply) => {
      const actor = authorize(request, 'calendar.override.write', { global: true });
      const body = request.body as { date: string; kind: 'off' | 'work' | 'holiday'; name: Bilingual; replaces?: HolidayGroup };
      const saved = await createOverride(editContext(app, request, actor.username), body);
      return reply.code(201).send(overrideOut(saved));
    },
  );

  app.put(
    '/calendar/overrides/:date',
    {
      schema: {
        tags,
        summary: 'Change the override row of a date (system administrators)',
        params: Type.Object({ date: S.IsoDate }),
        body: S.OverrideBody,
        response: { 200: S.OverrideSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const actor = authorize(request, 'calendar.override.write', { global: true });
      const { date } = request.params as { date: string };
      const body = request.body as { kind: 'off' | 'work' | 'holiday'; name: Bilingual; replaces?: HolidayGroup };
      return overrideOut(await replaceOverride(editContext(app, request, actor.username), { date, ...body }));
    },
  );

  app.delete(
    '/calendar/overrides/:date',
    { schema: { tags, summary: 'Delete the override row of a date (system administrators)', params: Type.Object({ date: S.IsoDate }), response: { 204: Type.Null(), ...problemResponses(400, 401, 403, 404) } } },
    async (request, reply) => {
      const actor = authorize(request, 'calendar.override.write', { global: true });
      const { date } = request.params as { date: string };
      await removeOverride(editContext(app, request, actor.username), date);
      return reply.code(204).send();
    },
  );

  const deskParams = Type.Object({ deskCode: Type.String({ minLength: 1, maxLength: 50 }) });
  const agencyParams = Type.Object({ agencyCode: Type.String({ minLength: 1, maxLength: 50 }) });

  const deskHoursOut = async (deskCode: string) => {
    const h = await resolveDeskHours(app.services.db, deskCode);
    return { deskCode: h.deskCode, agencyCode: h.agencyCode, source: h.source, hours: weeklyHoursToText(h.hours) };
  };

  app.get(
    '/calendar/desks/:deskCode/hours',
    { schema: { tags, summary: "A reception desk's weekly office hours and where they come from; public", params: deskParams, response: { 200: S.DeskHoursSchema, ...problemResponses(404) } } },
    async (request) => deskHoursOut((request.params as { deskCode: string }).deskCode),
  );

  app.put(
    '/calendar/desks/:deskCode/hours',
    {
      schema: { tags, summary: "Set a desk's own weekly hours (its agency's administrators)", params: deskParams, body: S.HoursBody, response: { 200: S.DeskHoursSchema, ...problemResponses(400, 401, 403, 404) } },
    },
    async (request) => {
      const { deskCode } = request.params as { deskCode: string };
      const actor = await authorizeDesk(app, request, deskCode);
      const hours = weeklyHoursFromText((request.body as { hours: WeeklyHoursText }).hours);
      await setOfficeHours(editContext(app, request, actor.username), { kind: 'desk', code: deskCode }, hours);
      return deskHoursOut(deskCode);
    },
  );

  app.delete(
    '/calendar/desks/:deskCode/hours',
    { schema: { tags, summary: "Drop a desk's own hours: it keeps its agency's or the default again", params: deskParams, response: { 204: Type.Null(), ...problemResponses(401, 403, 404) } } },
    async (request, reply) => {
      const { deskCode } = request.params as { deskCode: string };
      const actor = await authorizeDesk(app, request, deskCode);
      await clearOfficeHours(editContext(app, request, actor.username), { kind: 'desk', code: deskCode });
      return reply.code(204).send();
    },
  );

  const agencyHoursOut = async (agencyCode: string) => {
    const own = await findOfficeHours(db(), 'agency', agencyCode);
    return { agencyCode, source: own ? ('agency' as const) : ('default' as const), hours: weeklyHoursToText(own?.hours ?? DEFAULT_OFFICE_HOURS) };
  };

  app.get(
    '/calendar/agencies/:agencyCode/hours',
    { schema: { tags, summary: "An agency's weekly hours, which its desks without their own keep; public", params: agencyParams, response: { 200: S.AgencyHoursSchema, ...problemResponses(404) } } },
    async (request) => {
      const { agencyCode } = request.params as { agencyCode: string };
      if (!(await agencyScope(app.services.db, agencyCode))) throw notFound(`Không có cơ quan mã ${agencyCode}.`, `There is no agency ${agencyCode}.`);
      return agencyHoursOut(agencyCode);
    },
  );

  app.put(
    '/calendar/agencies/:agencyCode/hours',
    {
      schema: { tags, summary: "Set an agency's weekly hours (its administrators)", params: agencyParams, body: S.HoursBody, response: { 200: S.AgencyHoursSchema, ...problemResponses(400, 401, 403, 404) } },
    },
    async (request) => {
      const { agencyCode } = request.params as { agencyCode: string };
      const actor = await authorizeAgency(app, request, agencyCode);
      const hours = weeklyHoursFromText((request.body as { hours: WeeklyHoursText }).hours);
      await setOfficeHours(editContext(app, request, actor.username), { kind: 'agency', code: agencyCode }, hours);
      return agencyHoursOut(agencyCode);
    },
  );

  app.delete(
    '/calendar/agencies/:agencyCode/hours',
    { schema: { tags, summary: "Drop an agency's hours: its desks keep the default again", params: agencyParams, response: { 204: Type.Null(), ...problemResponses(401, 403, 404) } } },
    async (request, reply) => {
      const { agencyCode } = request.params as { agencyCode: string };
      const actor = await authorizeAgency(app, request, agencyCode);
      await clearOfficeHours(editContext(app, request, actor.username), { kind: 'agency', code: agencyCode });
      return reply.code(204).send();
    },
  );

  app.get(
    '/calendar/desks/:deskCode/exceptions',
    {
      schema: { tags, summary: "A desk's own open or closed dates; public", params: deskParams, response: { 200: Type.Object({ deskCode: Type.String(), items: Type.Array(S.ExceptionSchema) }), ...problemResponses(404) } },
    },
    async (request) => {
      const { deskCode } = request.params as { deskCode: string };
      if (!(await deskScope(app.services.db, deskCode))) throw notFound(`Không có bộ phận tiếp nhận mã ${deskCode}.`, `There is no reception desk ${deskCode}.`);
      return { deskCode, items: (await listDeskExceptions(db(), deskCode)).map(exceptionOut) };
    },
  );

  app.post(
    '/calendar/desks/:deskCode/exceptions',
    {
      schema: {
        tags,
        summary: 'Open a desk on a date with given hours, or close it (its agency\'s administrators)',
        params: deskParams,
        body: S.NewExceptionBody,
        response: { 201: S.ExceptionSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const { deskCode } = request.params as { deskCode: string };
      const actor = await authorizeDesk(app, request, deskCode);
      const body = request.body as { date: string; kind: 'open' | 'closed'; intervals?: IntervalText[]; name?: Bilingual };
      const name = body.name ? { name: body.name } : {};
      const ex: DeskException =
        body.kind === 'open'
          ? { date: body.date, kind: 'open', intervals: intervalsFromText(body.intervals ?? [], '/body/intervals'), ...name }
          : { date: body.date, kind: 'closed', ...name };
      const saved = await addDeskException(editContext(app, request, actor.username), deskCode, ex);
      return reply.code(201).send(exceptionOut(saved));
    },
  );

  app.delete(
    '/calendar/desks/:deskCode/exceptions/:date',
    {
      schema: {
        tags,
        summary: 'Remove a desk exception',
        params: Type.Object({ deskCode: Type.String({ minLength: 1, maxLength: 50 }), date: S.IsoDate }),
        response: { 204: Type.Null(), ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const { deskCode, date } = request.params as { deskCode: string; date: string };
      const actor = await authorizeDesk(app, request, deskCode);
      await removeDeskException(editContext(app, request, actor.username), deskCode, date);
      return reply.code(204).send();
    },
  );

  app.get(
    '/calendar/holidays/:year',
    {
      schema: {
        tags,
        summary: 'Every date of a year that differs from plain Monday–Friday work: holidays, compensatory and swapped days, desk closures and openings; public',
        params: Type.Object({ year: S.Year }),
        querystring: Type.Object({ desk: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })) }),
        response: { 200: Type.Object({ year: Type.Integer(), desk: Type.Union([Type.String(), Type.Null()]), days: Type.Array(S.DayDifferenceSchema) }), ...problemResponses(400, 404) },
      },
    },
    async (request) => {
      const { year } = request.params as { year: number };
      const { desk } = request.query as { desk?: string };
      const cal = await loadDeskCalendar(app.services.db, desk);
      return { year, desk: desk ?? null, days: listYearDifferences(cal, year) };
    },
  );

  app.get(
    '/calendar/due',
    {
      schema: {
        tags,
        summary: 'The due moment of a time limit counted from a moment, in working time (thời hạn giải quyết); public',
        querystring: S.DueQuery,
        response: { 200: S.DueSchema, ...problemResponses(400, 404) },
      },
    },
    async (request) => {
      const q = request.query as DueQuery;
      const from = parseIsoWithOffset(q.from);
      const rule = ruleOf(q);
      if (!from.ok) throw invalidQuery([{ field: '/querystring/from', reason: from.error.code, message: from.error.message }]);
      const cal = await loadDeskCalendar(app.services.db, q.desk);
      let due: Date;
      try {
        due = computeDue(cal, from.value, rule);
      } catch (error) {
        // Only a moment outside the years the calendar covers (1900–2199) gets here.
        if (!(error instanceof RangeError)) throw error;
        throw invalidQuery([{ field: '/querystring/from', reason: 'range', message: { vi: 'Thời điểm nằm ngoài khoảng năm 1900–2199', en: 'The moment is outside the years 1900–2199' } }]);
      }
      return { from: formatIsoLocal(from.value), due: formatIsoLocal(due), rule, desk: q.desk ?? null };
    },
  );
}
