/**
 * Rows of generated dossiers for benchmarks and statistics: what the use cases would have
 * written for a dossier that reached a given status, without running them. Pure: time and
 * randomness come from the caller.
 *
 * Due dates use a simple working-day approximation (Monday–Friday, no public holidays, the
 * time of day kept; same-day procedures are due at 17:00, the next working day after a
 * 15:00 cut-off), not the calendar module: generating a million dossiers must not compute a
 * million calendar deadlines. Statistics over generated data are therefore a little off
 * around holidays.
 */
import type { WorkflowState } from '../workflow/index.js';
import { dossierCode, localDayYYMMDD, ownerNumberHash, timeliness } from './domain.js';
import type { Rng } from './seed-prng.js';
import type { DossierTables } from './tables.js';

type DossierRow = DossierTables['dossiers'];
type EventRow = DossierTables['dossier_events'];

/** A procedure as the generator uses it. */
export interface GenProcedure {
  code: string;
  version: number;
  name: string;
  workflowKey: 'standard-one-stop' | 'same-day-certification' | 'construction-permit';
  rule: { unit: 'workingDays'; value: number } | { unit: 'sameDay' };
  fee: number;
  weight: number;
}

/** The demo catalogue's commune procedures, by how often they are filed (Da Nang's mix, roughly). */
export const GEN_PROCEDURES: readonly GenProcedure[] = [
  { code: '2.000908', version: 1, name: 'Chứng thực bản sao từ bản chính giấy tờ, văn bản', workflowKey: 'same-day-certification', rule: { unit: 'sameDay' }, fee: 2_000, weight: 30 },
  { code: '1.001193', version: 1, name: 'Đăng ký khai sinh', workflowKey: 'standard-one-stop', rule: { unit: 'sameDay' }, fee: 0, weight: 10 },
  { code: '1.000894', version: 1, name: 'Đăng ký kết hôn', workflowKey: 'standard-one-stop', rule: { unit: 'sameDay' }, fee: 0, weight: 5 },
  { code: '2.000635', version: 1, name: 'Cấp bản sao trích lục hộ tịch', workflowKey: 'standard-one-stop', rule: { unit: 'sameDay' }, fee: 8_000, weight: 8 },
  { code: '1.004873', version: 1, name: 'Cấp Giấy xác nhận tình trạng hôn nhân', workflowKey: 'standard-one-stop', rule: { unit: 'workingDays', value: 3 }, fee: 15_000, weight: 9 },
  { code: '1.004859', version: 1, name: 'Thay đổi, cải chính, bổ sung thông tin hộ tịch', workflowKey: 'standard-one-stop', rule: { unit: 'workingDays', value: 3 }, fee: 15_000, weight: 3 },
  { code: '2.001035', version: 1, name: 'Chứng thực hợp đồng, giao dịch', workflowKey: 'standard-one-stop', rule: { unit: 'workingDays', value: 2 }, fee: 50_000, weight: 7 },
  { code: '2.000720', version: 1, name: 'Đăng ký thành lập hộ kinh doanh', workflowKey: 'standard-one-stop', rule: { unit: 'workingDays', value: 3 }, fee: 100_000, weight: 6 },
  { code: '1.009994', version: 1, name: 'Cấp giấy phép xây dựng nhà ở riêng lẻ', workflowKey: 'construction-permit', rule: { unit: 'workingDays', value: 15 }, fee: 75_000, weight: 8 },
];

/** A receiving agency (a ward or commune committee with its desk). */
export interface GenAgency {
  code: string;
  path: string;
  deskCode: string;
}

/** What the generator knows about the world besides randomness. */
export interface GenWorld {
  agencies: readonly GenAgency[];
  /** Where construction permits above 250 m² go for appraisal (transfers); none: no transfers. */
  appraisalAgency?: { code: string; path: string };
  procedures: readonly GenProcedure[];
  /** The end of the generated year: nothing happens after it. */
  now: Date;
  /** Next number in an agency's daily sequence (the generator keeps the counters). */
  nextSeq: (agencyCode: string, day: string) => number;
  /** A new time-ordered id for an instant. */
  newId: (at: number) => string;
  /** The normalized search text of an owner's name and a procedure (`normalizeForSearch`; callers cache it). */
  searchText: (owner: string, procedure: string) => string;
}

const HOUR = 3_600_000;
const DAY = 86_400_000;
const VN = 7 * HOUR;
const FINAL = [['returned', 82], ['resolved', 3], ['rejected', 6], ['withdrawn', 5], ['stopped', 4]] as const;
const OPEN = [['submitted', 8], ['received', 20], ['processing', 40], ['awaitingSupplement', 20], ['awaitingPayment', 7], ['resolved', 5]] as const;
const SURNAMES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý'];
const GIVEN = ['Văn An', 'Thị Bình', 'Minh Châu', 'Thị Dung', 'Quốc Huy', 'Thị Hoa', 'Đức Long', 'Thị Mai', 'Hữu Nghĩa', 'Thị Thu', 'Thanh Tùng', 'Ngọc Yến'];

/** Local (UTC+7) weekday of an instant, 0 = Sunday. */
const weekday = (ms: number) => new Date(ms + VN).getUTCDay();
const isWeekend = (ms: number) => weekday(ms) === 0 || weekday(ms) === 6;
/** The local midnight (as UTC ms) of the day of `ms`. */
const localDay = (ms: number) => Math.floor((ms + VN) / DAY) * DAY - VN;

/** `n` working days (Monday–Friday) after `from`, same time of day. */
export function addWorkingDays(from: number, n: number): number {
  let t = from;
  for (let i = 0; i < n; ) {
    t += DAY;
    if (!isWeekend(t)) i++;
  }
  return t;
}

/** The approximate due moment of a dossier received at `at` (see the file comment). */
export function approximateDue(at: number, rule: GenProcedure['rule']): number {
  if (rule.unit === 'workingDays') return addWorkingDays(at, rule.value);
  const day = localDay(at);
  const closing = day + 17 * HOUR;
  // Same-day procedures received after 15:00 are due the next working day (DOMAIN.md).
  return at - day <= 15 * HOUR && !isWeekend(at) ? closing : addWorkingDays(day, 1) + 17 * HOUR;
}

/** An office moment (07:30–16:30 local, a weekday) on the local day of `dayStart`, or the next weekday. */
function officeMoment(dayStart: number, rng: Rng): number {
  let day = localDay(dayStart);
  while (isWeekend(day + 12 * HOUR)) day += DAY;
  return day + (7.5 + rng.next() * 9) * HOUR;
}

const STEPS: Record<GenProcedure['workflowKey'], Record<string, [step: string, role: string]>> = {
  'standard-one-stop': { submitted: ['reception', 'receptionOfficer'], received: ['examine', 'specialist'], processing: ['approve', 'leader'], awaitingSupplement: ['examine', 'specialist'], awaitingPayment: ['examine', 'specialist'], resolved: ['return', 'receptionOfficer'] },
  'same-day-certification': { submitted: ['reception', 'receptionOfficer'], received: ['certify', 'receptionOfficer'], processing: ['certify', 'receptionOfficer'], awaitingSupplement: ['reception', 'receptionOfficer'], awaitingPayment: ['certify', 'receptionOfficer'], resolved: ['return', 'receptionOfficer'] },
  'construction-permit': { submitted: ['reception', 'receptionOfficer'], received: ['examine', 'specialist'], processing: ['approve', 'leader'], awaitingSupplement: ['examine', 'specialist'], awaitingPayment: ['examine', 'specialist'], resolved: ['return', 'receptionOfficer'] },
};

/** The rows of one generated dossier: the dossier, the agencies it has been with, its control-sheet rows. */
export interface GeneratedDossier {
  dossier: DossierRow;
  agencies: DossierTables['dossier_agencies'][];
  events: EventRow[];
}

/** How likely a dossier filed `ageDays` ago is still open: recent ones often, old ones rarely (those are overdue). */
function openChance(ageDays: number): number {
  if (ageDays < 3) return 0.6;
  if (ageDays < 20) return 0.15;
  return ageDays < 60 ? 0.03 : 0.002;
}

/**
 * One dossier filed around `at` (callers go through the year in time order, so ids and
 * codes arrive in order and the indexes grow at their ends), as the use cases would have
 * left it: the older, the likelier finished; open ones older than a few weeks are overdue;
 * codes from the daily counter, appointments, timeliness from `timeliness()`, construction
 * permits above 250 m² transferred for appraisal.
 */
export function generateDossier(world: GenWorld, rng: Rng, n: number, at: number): GeneratedDossier {
  const end = world.now.getTime();
  const procedure = rng.weighted(world.procedures.map((p) => [p, p.weight] as const));
  const agency = rng.pick(world.agencies);
  const online = rng.chance(0.4);
  const ageDays = (end - at) / DAY;
  const open = rng.chance(openChance(ageDays));
  const status: string = !open ? rng.weighted(FINAL) : ageDays >= 20 ? rng.pick(['received', 'processing']) : rng.weighted(OPEN);
  let submitted = online ? at : officeMoment(at, rng);
  if (submitted >= end) submitted = end - HOUR;
  const transfer = procedure.workflowKey === 'construction-permit' && world.appraisalAgency && rng.chance(0.5) ? world.appraisalAgency : undefined;

  const id = world.newId(submitted);
  const surname = rng.pick(SURNAMES);
  const ownerName = `${surname} ${rng.pick(GIVEN)}`;
  const ownerNumber = `048${rng.int(4)}${rng.digits(8)}`;
  const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
  const events: EventRow[] = [];
  const event = (at: number, action: string, label: [string, string], statusAfter: string, extra: Partial<EventRow> = {}) =>
    events.push({ id: world.newId(at), dossier_id: id, seq: events.length + 1, at: new Date(at).toISOString(), action, label_vi: label[0], label_en: label[1], actor_id: null, actor_name: 'Dữ liệu sinh tự động', from_step: null, to_step: null, from_agency: agency.code, to_agency: agency.code, to_assignee: null, step_due_at: null, previous_step_due_at: null, on_time: null, status_after: statusAfter, note: null, ...extra });
  event(submitted, 'submit', ['Nộp hồ sơ', 'Submitted'], 'submitted', { from_agency: null, to_step: 'reception' });

  const row: DossierRow = {
    id, code: null, lookup_secret: rng.digits(16), status, channel: online ? 'online' : 'counter',
    procedure_code: procedure.code, procedure_version: procedure.version, procedure_name: procedure.name, workflow_key: procedure.workflowKey, workflow_version: 1,
    owner_kind: 'citizen', owner_id: `gen-${n}`, owner_name: ownerName, owner_number_hash: ownerNumberHash(ownerNumber), search_text: world.searchText(ownerName, procedure.name),
    submitter_name: null, applicant_account_ids: '[]', created_by: 'generator', receiving_agency_code: agency.code, receiving_agency_path: agency.path, desk_code: agency.deskCode,
    current_agency_code: agency.code, current_agency_path: agency.path, current_step: 'reception', current_role: 'receptionOfficer', assignee_id: null,
    form_data: '{}', delivery: JSON.stringify({ method: online ? 'online' : 'counter' }), workflow_state: null, deadline_rule: JSON.stringify(procedure.rule),
    submitted_at: iso(submitted), received_at: null, due_at: null, original_due_at: null, step_due_at: iso(submitted + 4 * HOUR), paused_at: null, resolved_at: null, finished_at: null,
    timeliness: null, fee_total: online ? 0 : procedure.fee, result: null, apologies: 0, transferred: 0, version: 1, created_at: iso(submitted) ?? '', updated_at: iso(submitted) ?? '',
  };
  const agencies = [{ dossier_id: id, agency_code: agency.code, agency_path: agency.path }];
  let last = submitted;
  let onTime: number | null = null;
  if (status !== 'submitted' && !(status === 'rejected' || (status === 'withdrawn' && rng.chance(0.3)))) {
    const received = Math.min(end - 1, online ? officeMoment(submitted + (rng.chance(0.5) ? 0 : DAY), rng) : submitted + rng.between(2, 20) * 60_000);
    const due = approximateDue(received, procedure.rule);
    const day = localDayYYMMDD(new Date(received));
    row.code = dossierCode(agency.code, day, world.nextSeq(agency.code, day));
    Object.assign(row, { received_at: iso(received), due_at: iso(due), original_due_at: iso(due), step_due_at: iso(Math.min(due, addWorkingDays(received, 1))) });
    event(received, 'receive', ['Tiếp nhận hồ sơ', 'Received'], 'received', { from_step: 'reception', to_step: STEPS[procedure.workflowKey].received?.[0] ?? null, step_due_at: row.step_due_at });
    last = received;
    if (transfer) {
      row.transferred = 1;
      agencies.push({ dossier_id: id, agency_code: transfer.code, agency_path: transfer.path });
      last = Math.min(end - 1, received + (due - received) * 0.2);
      event(last, 'transfer', ['Chuyển liên thông', 'Transferred'], 'processing', { to_agency: transfer.code, step_due_at: iso(addWorkingDays(last, 7)) });
    }
    if (['resolved', 'returned'].includes(status)) {
      const late = rng.chance(0.12);
      const resolved = Math.min(end - 1, late ? due + rng.between(1, 5 * 8) * HOUR : received + (due - received) * (0.2 + rng.next() * 0.75));
      row.resolved_at = iso(resolved);
      row.timeliness = timeliness(new Date(resolved), new Date(due));
      row.result = JSON.stringify({ number: `${rng.between(1, 9999)}/GEN`, date: new Date(resolved + VN).toISOString().slice(0, 10), signer: 'Lãnh đạo', summary: procedure.name });
      // Minimal control sheet: the result gets its own row only while it waits to be returned.
      if (status === 'resolved') event(resolved, 'issueResult', ['Ban hành kết quả', 'Result issued'], 'resolved', { on_time: resolved <= due ? 1 : 0 });
      onTime = resolved <= due ? 1 : 0;
      last = resolved;
    }
  }
  const finalAt = Math.min(end - 1, last + rng.between(1, 48) * HOUR);
  if (['returned', 'rejected', 'withdrawn', 'stopped'].includes(status)) {
    const labels: Record<string, [string, string]> = { returned: ['Trả kết quả', 'Result returned'], rejected: ['Từ chối tiếp nhận', 'Refused'], withdrawn: ['Công dân rút hồ sơ', 'Withdrawn by the applicant'], stopped: ['Dừng xử lý hồ sơ', 'Processing stopped'] };
    event(finalAt, status === 'returned' ? 'returnResult' : status, labels[status] ?? [status, status], status, { to_agency: null, on_time: onTime });
    Object.assign(row, { finished_at: iso(finalAt), current_agency_code: null, current_agency_path: null, current_step: null, current_role: null, step_due_at: null, updated_at: iso(finalAt) });
  } else if (status !== 'submitted') {
    const [step, role] = STEPS[procedure.workflowKey][status] ?? ['examine', 'specialist'];
    const inLeg = transfer && status === 'processing';
    Object.assign(row, { current_step: inLeg ? 'sxdExamine' : step, current_role: role, updated_at: iso(last) });
    if (inLeg) Object.assign(row, { current_agency_code: transfer.code, current_agency_path: transfer.path });
    if (status.startsWith('awaiting')) {
      const since = Math.min(end - 1, last + rng.between(1, 20) * HOUR);
      row.paused_at = iso(since);
      event(since, status === 'awaitingPayment' ? 'requestPayment' : 'requestSupplement', status === 'awaitingPayment' ? ['Yêu cầu thực hiện nghĩa vụ tài chính', 'Payment requested'] : ['Yêu cầu bổ sung hồ sơ', 'Supplement requested'], status);
    }
  }
  row.version = events.length;
  row.workflow_state = JSON.stringify(stateOf(row, procedure, transfer, online));
  return { dossier: row, agencies, events };
}

/** The engine's state for the row: where the dossier stands, its clock, its wait and open leg. */
function stateOf(row: DossierRow, p: GenProcedure, transfer: { code: string } | undefined, online: boolean): WorkflowState {
  const finished = row.finished_at !== null;
  const waiting = row.status === 'awaitingSupplement' || row.status === 'awaitingPayment';
  const inLeg = transfer && row.status === 'processing';
  return {
    definition: { key: p.workflowKey, version: 1 },
    status: row.status as WorkflowState['status'],
    current: finished || !row.current_step || !row.current_agency_code ? null : { stepId: row.current_step, agencyId: row.current_agency_code, enteredAt: row.updated_at },
    legs: inLeg ? [{ id: 'appraisal#1', legKey: 'appraisal', fromStepId: 'examine', fromAgencyId: row.receiving_agency_code, toAgencyId: transfer.code, openedAt: row.updated_at }] : [],
    clock: finished ? 'stopped' : waiting ? 'paused' : row.received_at ? 'running' : 'notStarted',
    wait: waiting ? { reason: row.status === 'awaitingPayment' ? 'payment' : 'supplement', since: row.paused_at ?? row.updated_at, resumeStatus: 'processing', clockWasRunning: true } : null,
    receivingAgencyId: row.receiving_agency_code,
    competentAgencyId: null,
    applicantId: online ? row.created_by : null,
    legSeq: transfer ? 1 : 0,
  };
}
