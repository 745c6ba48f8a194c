/**
 * How a dossier's statistics fact follows the dossier: pure, given the new dossier row, the
 * previously recorded fact and a way to measure office time. Calling it twice with the same
 * row gives the same fact, so recording is idempotent per transition.
 */
import { localDay, type DossierFact } from './facts.js';

/** The columns of a dossier row the statistics read (the dossier module's row satisfies it). */
export interface DossierSnapshot {
  id: string;
  code: string | null;
  status: string;
  channel: 'online' | 'counter' | 'post';
  procedure_code: string;
  receiving_agency_code: string;
  desk_code: string | null;
  received_at: string | null;
  original_due_at: string | null;
  paused_at: string | null;
  resolved_at: string | null;
  finished_at: string | null;
  timeliness: 'early' | 'onTime' | 'late' | null;
  apologies: number;
  transferred: number;
}

/** What the caller knows about the change that the row does not show. */
export interface ChangeHints {
  /** Who acted: a payment recorded by the applicant (not an official at the counter) was paid online. */
  actorKind?: 'official' | 'citizen' | 'service';
  /** A payment was recorded with this change (cash, transfer, card, online). */
  paymentMethod?: string;
  /** Files attached with the change: result files attached when resolving make a digitized result. */
  files?: number;
  /** The applicant's satisfaction score (1–5) given with this change. */
  rating?: number;
}

/** What the procedure says about itself, read once when the dossier is first recorded. */
export interface ProcedureFacts {
  fieldCode: string;
  onlineLevel: 'full' | 'partial';
}

/** Office-time measurement on the dossier's desk calendar. */
export interface OfficeTiming {
  /** Office milliseconds between two instants. */
  between(a: Date, b: Date): number;
  /** Office milliseconds in one full working day (7.5 h with the common hours). */
  dayMs: number;
}

const END_STATUSES = ['returned', 'rejected', 'withdrawn', 'stopped'] as const;
type EndStatus = (typeof END_STATUSES)[number];

function isEndStatus(status: string): status is EndStatus {
  return (END_STATUSES as readonly string[]).includes(status);
}

/** A fact with nothing counted yet, for a dossier seen for the first time. */
export function emptyFact(d: DossierSnapshot, procedure: ProcedureFacts, now: Date): DossierFact {
  return {
    dossier_id: d.id,
    code: d.code,
    status: d.status,
    agency_code: d.receiving_agency_code,
    desk_code: d.desk_code ?? '',
    procedure_code: d.procedure_code,
    field_code: procedure.fieldCode,
    online_level: procedure.onlineLevel,
    channel: d.channel,
    received_at: null,
    received_day: null,
    original_due_at: null,
    paused_at: null,
    paused_ms: 0,
    resolved_day: null,
    timeliness: null,
    processing_centi: null,
    digitized: 0,
    finished_day: null,
    end_status: null,
    closed_day: null,
    is_open: 0,
    apologies: 0,
    apology_days: '[]',
    first_apology_day: null,
    transferred_day: null,
    paid_day: null,
    paid_online: 0,
    rated_day: null,
    rating: null,
    updated_at: now.toISOString(),
  };
}

/**
 * The fact after a change. Events take the local day they happened on: reception, resolution
 * and the end from the row's own timestamps; apologies, transfers, payments and ratings from
 * the moment they are recorded (`now`). Processing time (Decree 118/2025/NĐ-CP: the time the
 * applicant takes to supplement or pay does not count) is office time from reception to
 * resolution minus the office time spent waiting, in working days.
 */
export function nextFact(old: DossierFact, d: DossierSnapshot, now: Date, hints: ChangeHints, timing: () => OfficeTiming): DossierFact {
  const f: DossierFact = { ...old, code: d.code, status: d.status, updated_at: now.toISOString() };
  const today = localDay(now);
  if (d.received_at && !f.received_at) {
    f.received_at = d.received_at;
    f.received_day = localDay(d.received_at);
  }
  f.original_due_at = d.original_due_at;
  // A wait that ended: add its office time (only what fell after reception counts).
  if (old.paused_at && !d.paused_at && f.received_at) {
    const from = Math.max(Date.parse(old.paused_at), Date.parse(f.received_at));
    if (from < now.getTime()) f.paused_ms += timing().between(new Date(from), now);
  }
  f.paused_at = d.paused_at;
  if (d.resolved_at && f.resolved_day === null) {
    f.resolved_day = localDay(d.resolved_at);
    // A dossier without a deadline cannot be late: it counts as on time.
    f.timeliness = d.timeliness ?? 'onTime';
    f.digitized = (hints.files ?? 0) > 0 ? 1 : 0;
    if (f.received_at) {
      const t = timing();
      const used = Math.max(0, t.between(new Date(f.received_at), new Date(d.resolved_at)) - f.paused_ms);
      f.processing_centi = Math.round((used / t.dayMs) * 100);
    } else f.processing_centi = 0;
  }
  if (d.finished_at && f.finished_day === null && isEndStatus(d.status)) {
    f.finished_day = localDay(d.finished_at);
    f.end_status = d.status;
  }
  if (f.received_at && f.closed_day === null) {
    const ends = [d.resolved_at, d.finished_at].filter((x): x is string => !!x).map((x) => Date.parse(x));
    if (ends.length) f.closed_day = localDay(new Date(Math.min(...ends)));
  }
  f.is_open = f.received_at && f.closed_day === null ? 1 : 0;
  if (d.apologies > old.apologies) {
    const days = JSON.parse(old.apology_days) as string[];
    for (let i = old.apologies; i < d.apologies; i++) days.push(today);
    f.apologies = d.apologies;
    f.apology_days = JSON.stringify(days);
    f.first_apology_day = old.first_apology_day ?? today;
  }
  if (d.transferred && f.transferred_day === null) f.transferred_day = today;
  if (hints.paymentMethod && f.paid_day === null) {
    f.paid_day = today;
    f.paid_online = hints.paymentMethod === 'online' || (hints.actorKind !== undefined && hints.actorKind !== 'official') ? 1 : 0;
  }
  if (hints.rating !== undefined && f.rating === null && Number.isInteger(hints.rating) && hints.rating >= 1 && hints.rating <= 5) {
    f.rating = hints.rating;
    f.rated_day = today;
  }
  return f;
}
