/**
 * Readers for the parts of a published procedure that the OpenAPI document describes only
 * as open objects (documents, fees, deadline, legal basis). They check each field at run
 * time, so a catalogue change shows up as a missing detail rather than a broken page.
 */
import type { TFunction } from 'i18next';
import { formatMoney } from './format';

export interface Bilingual {
  vi: string;
  en: string;
}
type Loose = Record<string, unknown>;

function isRecord(v: unknown): v is Loose {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}
function num(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}
function bilingual(v: unknown): Bilingual | undefined {
  return isRecord(v) && typeof v.vi === 'string' && typeof v.en === 'string' ? { vi: v.vi, en: v.en } : undefined;
}

export interface DocumentView {
  id: string;
  name: Bilingual;
  originals: number;
  copies: number;
  mandatory: boolean;
  templateFile?: string;
  note?: Bilingual;
  /** MIME types an uploaded scan may have (empty: any the server accepts). */
  acceptedMimeTypes: string[];
  maxSizeBytes?: number;
}

/** A required document (thành phần hồ sơ), or undefined when it lacks a name. */
export function readDocument(raw: Loose, index: number): DocumentView | undefined {
  const name = bilingual(raw.name);
  if (!name) return undefined;
  const template = str(raw.templateFile);
  const note = bilingual(raw.note);
  return {
    id: str(raw.id) ?? String(index),
    name,
    originals: num(raw.originals) ?? 0,
    copies: num(raw.copies) ?? 0,
    mandatory: raw.mandatory !== false,
    acceptedMimeTypes: Array.isArray(raw.acceptedMimeTypes) ? raw.acceptedMimeTypes.filter((m): m is string => typeof m === 'string') : [],
    ...(num(raw.maxSizeBytes) !== undefined ? { maxSizeBytes: num(raw.maxSizeBytes) } : {}),
    ...(template ? { templateFile: template } : {}),
    ...(note ? { note } : {}),
  };
}

export interface FeeView {
  id: string;
  category: 'fee' | 'charge';
  name: Bilingual;
  amount: string;
  exemptions: Bilingual[];
}

/** A fee or charge with its amount described in words and money. */
export function readFee(raw: Loose, index: number, t: TFunction): FeeView | undefined {
  const name = bilingual(raw.name);
  if (!name) return undefined;
  const rule = isRecord(raw.rule) ? raw.rule : {};
  let amount: string;
  switch (rule.kind) {
    case 'fixed': {
      const a = num(rule.amount) ?? 0;
      amount = a === 0 ? t('fee.free') : t('fee.fixed', { amount: formatMoney(a) });
      break;
    }
    case 'perUnit':
      amount = t('fee.perUnit', { amount: formatMoney(num(rule.unitAmount) ?? 0) });
      break;
    case 'tiered':
      amount = t('fee.tiered');
      break;
    default:
      amount = t('fee.table');
  }
  const exemptions = Array.isArray(raw.exemptions) ? raw.exemptions.flatMap((e) => (isRecord(e) ? (bilingual(e.reason) ?? []) : [])) : [];
  return { id: str(raw.id) ?? String(index), category: raw.category === 'fee' ? 'fee' : 'charge', name, amount, exemptions };
}

/** The legal time limit in words: "15 ngày làm việc", "Trong ngày (…sau 15:00…)". */
export function describeDeadline(raw: Loose | undefined, t: TFunction): string {
  if (!raw) return t('deadline.unknown');
  const value = num(raw.value);
  switch (raw.unit) {
    case 'workingDays':
    case 'workingHours':
    case 'calendarDays':
      return value === undefined ? t('deadline.unknown') : t(`deadline.${raw.unit}`, { value });
    case 'sameDay': {
      const cutoff = str(raw.cutoffTime);
      return cutoff ? t('deadline.sameDayCutoff', { time: cutoff }) : t('deadline.sameDay');
    }
    default:
      return t('deadline.unknown');
  }
}

export interface LegalView {
  number: string;
  title: Bilingual;
  articles?: string;
}

/** A legal document of the procedure's legal basis. */
export function readLegal(raw: Loose): LegalView | undefined {
  const number = str(raw.number);
  const title = bilingual(raw.title);
  if (!number || !title) return undefined;
  const articles = str(raw.articles);
  return { number, title, ...(articles ? { articles } : {}) };
}

export interface ConditionalView {
  condition: Bilingual;
  deadline: string;
}

/** A longer or shorter limit in a stated case. */
export function readConditional(raw: Loose, t: TFunction): ConditionalView | undefined {
  const condition = bilingual(raw.condition);
  if (!condition) return undefined;
  return { condition, deadline: describeDeadline(isRecord(raw.deadline) ? raw.deadline : undefined, t) };
}

/** An agency type such as `peoplesCommittee:commune` in words, or the code itself when unknown. */
export function agencyTypeName(type: string, t: TFunction): string {
  return t(`agencyType.${type}`, { defaultValue: type, nsSeparator: false });
}
