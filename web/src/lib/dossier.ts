/**
 * The dossier API as the pages use it: generated types, queries, the upload with progress,
 * file checks before upload, idempotency keys and lateness classes.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, unwrap, type Problem } from '../api/client';
import type { paths } from '../api/schema';
import i18n from '../i18n';

type Json<T> = T extends { content: { 'application/json': infer J } } ? J : never;
type DetailGet = paths['/api/v1/dossiers/{id}']['get']['responses'][200];

export type DossierDetail = Json<DetailGet>;
export type Dossier = DossierDetail['dossier'];
export type AvailableAction = DossierDetail['actions'][number];
export type HistoryEvent = Json<paths['/api/v1/dossiers/{id}/history']['get']['responses'][200]>['items'][number];
export type DossierDocument = Json<paths['/api/v1/dossiers/{id}/documents']['get']['responses'][200]>['items'][number];
export type ActionBody = paths['/api/v1/dossiers/{id}/actions']['post']['requestBody']['content']['application/json'];
export type CreateBody = paths['/api/v1/dossiers']['post']['requestBody']['content']['application/json'];
export type Uploaded = Json<paths['/api/v1/dossiers/uploads']['post']['responses'][201]>;
export type QueueQuery = NonNullable<paths['/api/v1/dossiers']['get']['parameters']['query']>;

export const dossierKeys = {
  all: ['dossiers'] as const,
  detail: (id: string) => ['dossiers', 'detail', id] as const,
  history: (id: string) => ['dossiers', 'history', id] as const,
  documents: (id: string) => ['dossiers', 'documents', id] as const,
  list: (q: QueueQuery) => ['dossiers', 'list', q] as const,
  counts: ['dossiers', 'counts'] as const,
};

/** A dossier with the actions the signed-in user may take on it now. */
export function useDossier(id: string) {
  return useQuery({ queryKey: dossierKeys.detail(id), queryFn: () => unwrap(api.GET('/api/v1/dossiers/{id}', { params: { path: { id } } })) });
}

/** The control sheet (history) of a dossier. */
export function useHistory(id: string) {
  return useQuery({ queryKey: dossierKeys.history(id), queryFn: () => unwrap(api.GET('/api/v1/dossiers/{id}/history', { params: { path: { id } } })) });
}

/** The attachments of a dossier. */
export function useDocuments(id: string) {
  return useQuery({ queryKey: dossierKeys.documents(id), queryFn: () => unwrap(api.GET('/api/v1/dossiers/{id}/documents', { params: { path: { id } } })) });
}

/** A list of dossiers: the applicant's own, or an official's queue. */
export function useDossierList(q: QueueQuery) {
  return useQuery({ queryKey: dossierKeys.list(q), queryFn: () => unwrap(api.GET('/api/v1/dossiers', { params: { query: q } })) });
}

/** Applies a workflow action; on success every dossier view is refreshed. */
export function useDossierAction(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ActionBody) => unwrap(api.POST('/api/v1/dossiers/{id}/actions', { params: { path: { id } }, body })),
    onSettled: () => client.invalidateQueries({ queryKey: dossierKeys.all }),
  });
}

/** A fresh Idempotency-Key: one per submission attempt, reused when that attempt is retried. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** `10485760` → `10 MB` (decimal-free when whole). */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} B`;
}

const MIME_NAMES: Record<string, string> = {
  'application/pdf': 'PDF',
  'image/jpeg': 'JPG',
  'image/png': 'PNG',
  'image/tiff': 'TIFF',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'DOCX',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'XLSX',
};

/** Short names of accepted types for people (`PDF, JPG`). */
export function mimeNames(types: string[]): string {
  return types.map((t) => MIME_NAMES[t] ?? t).join(', ');
}

/** The `accept` attribute of a file input for these types. */
export function acceptAttribute(types: string[]): string | undefined {
  return types.length ? types.join(',') : undefined;
}

/**
 * Checks a chosen file before uploading it, so that a wrong type or an oversized scan is
 * refused at once instead of after a long upload. The server checks the content again.
 */
export function checkFile(file: { name: string; type: string; size: number }, accepted: string[], maxBytes: number | undefined): string | undefined {
  const t = i18n.t.bind(i18n);
  if (file.size === 0) return t('upload.empty', { name: file.name });
  if (accepted.length && !accepted.includes(file.type)) return t('upload.wrongType', { name: file.name, types: mimeNames(accepted) });
  if (maxBytes !== undefined && file.size > maxBytes) return t('upload.tooLarge', { name: file.name, max: formatBytes(maxBytes) });
  return undefined;
}

function readCsrf(): string | undefined {
  const m = /(?:^|;\s*)egov_csrf=([^;]*)/.exec(document.cookie);
  return m?.[1] ? decodeURIComponent(m[1]) : undefined;
}

/**
 * Uploads one file (multipart field `file`) with progress reports. openapi-fetch has no
 * upload progress, so this uses XMLHttpRequest with the same CSRF and language headers.
 */
export function uploadFile(file: File, onProgress: (percent: number) => void, signal?: AbortSignal): Promise<Uploaded> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/v1/dossiers/uploads');
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Accept-Language', i18n.language === 'en' ? 'en' : 'vi');
    const csrf = readCsrf();
    if (csrf) xhr.setRequestHeader('X-CSRF-Token', csrf);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onerror = () => reject(new ApiError(0, undefined));
    xhr.onabort = () => reject(new ApiError(0, undefined));
    xhr.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = undefined;
      }
      if (xhr.status === 201) resolve(body as Uploaded);
      else reject(new ApiError(xhr.status, typeof body === 'object' && body !== null && 'detail' in body ? (body as Problem) : undefined));
    };
    signal?.addEventListener('abort', () => xhr.abort());
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}

export type Lateness = 'overdue' | 'today' | 'soon' | 'ok' | 'none';

const VN_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit' });

/**
 * How close a due time is, for colours in queues: past, later today (Vietnam time), within
 * two days, or further. Paused dossiers (waiting for the applicant) are not running late.
 */
export function lateness(dueAt: string | null, now: Date, paused = false): Lateness {
  if (!dueAt || paused) return 'none';
  const due = new Date(dueAt);
  if (due.getTime() < now.getTime()) return 'overdue';
  if (VN_DAY.format(due) === VN_DAY.format(now)) return 'today';
  if (due.getTime() - now.getTime() <= 2 * 24 * 3_600_000) return 'soon';
  return 'ok';
}

/** Colours of lateness; each keeps 4.5:1 contrast on white and always goes with a word. */
export const LATENESS_COLOR: Record<Lateness, string> = { overdue: '#b91c1c', today: '#9a3412', soon: '#7a5c00', ok: '#1e6b34', none: '#495057' };

/** Open statuses: the dossier is with the administration or waiting for the applicant. */
export const OPEN_STATUSES = ['submitted', 'received', 'processing', 'awaitingSupplement', 'awaitingPayment'] as const;

/** Forms of Decree 118/2025 that the server renders as PDF (01 receipt … 06 control sheet). */
export const FORM_NUMBERS = ['01', '02', '03', '04', '05', '06'] as const;
export type FormNumber = (typeof FORM_NUMBERS)[number];

/** The address of a form PDF of a dossier. */
export function formUrl(id: string, form: FormNumber): string {
  return `/api/v1/dossiers/${encodeURIComponent(id)}/forms/${form}.pdf`;
}

/** The address of an attachment; `inline` asks the browser to show it rather than save it. */
export function documentUrl(id: string, docId: string, inline = false): string {
  return `/api/v1/dossiers/${encodeURIComponent(id)}/documents/${encodeURIComponent(docId)}${inline ? '?inline=true' : ''}`;
}
