/**
 * Receiving one uploaded file in a route handler. The instance must have multipart support
 * registered (`filesPlugin` does, at the root); the file is streamed straight into the
 * store, never buffered in memory.
 */
import { basename } from 'node:path';
import type { MultipartFields } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';
import { acceptedTextMime, isAcceptedType, unsupportedType } from './sniff.js';
import type { FileStore, PutResult } from './store.js';

export interface AcceptUploadOptions {
  /** The multipart field holding the file; default `file`. */
  field?: string;
  /** Largest accepted file in bytes. */
  maxBytes: number;
  /** Accepted MIME types, checked against the type sniffed from the content (`type/*` allowed). */
  accepted: readonly string[];
  /** The store to put the file in; default the instance's `files` decorator. */
  store?: FileStore;
}

/** A file received and stored. */
export interface AcceptedUpload extends PutResult {
  /** The file name the client gave, for display only (never used as a path or for the type). */
  fileName: string;
  /** The text fields sent before the file part (fields sent after it are not read). */
  fields: Record<string, string>;
}

/**
 * Receives the file in multipart field `field` of `request` into the store, enforcing the
 * size limit (413 `PAYLOAD_TOO_LARGE`) and the accepted types sniffed from the content (415
 * `UNSUPPORTED_MEDIA_TYPE`, naming the type found and the types accepted). A rejected upload
 * leaves nothing in the store. Record the result with `recordFile` in the transaction that
 * links it to its owner.
 *
 * @example
 * const upload = await acceptUpload(request, { maxBytes: 20 * 1024 * 1024, accepted: ['application/pdf', 'image/jpeg', 'image/png'] });
 */
export async function acceptUpload(request: FastifyRequest, opts: AcceptUploadOptions): Promise<AcceptedUpload> {
  const field = opts.field ?? 'file';
  if (typeof request.isMultipart !== 'function') {
    throw new Error('acceptUpload: multipart support is not registered on this instance; register filesPlugin in buildApp');
  }
  if (!request.isMultipart()) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', {
      detail: { vi: `Hãy gửi tệp dạng multipart/form-data, trường "${field}".`, en: `Send the file as multipart/form-data, field "${field}".` },
    });
  }
  const store = opts.store ?? request.server.files;
  // One byte over the limit is let through so that the store, the only judge of size, sees
  // the excess and aborts with its bilingual 413; busboy then discards the rest.
  const part = await request.file({ limits: { fileSize: opts.maxBytes + 1, files: 1 }, throwFileSizeLimit: false });
  if (!part) throw missingFile(field);
  if (part.fieldname !== field) {
    part.file.destroy();
    throw missingFile(field);
  }
  const textMime = acceptedTextMime(opts.accepted);
  const stored = await store.put(part.file, { maxBytes: opts.maxBytes, accepted: opts.accepted, ...(textMime ? { textMime } : {}) });
  // A store that ignores `accepted` must still not let the wrong type through.
  if (!isAcceptedType(stored.mime, opts.accepted)) throw unsupportedType(stored.mime, opts.accepted);
  return { ...stored, fileName: cleanFileName(part.filename), fields: textFields(part.fields) };
}

function missingFile(field: string): AppError {
  return new AppError('VALIDATION_FAILED', {
    detail: { vi: `Không có tệp trong trường "${field}".`, en: `No file in field "${field}".` },
    errors: [{ field: `/body/${field}`, reason: 'required', message: { vi: 'Hãy chọn một tệp để tải lên.', en: 'Choose a file to upload.' } }],
  });
}

/** The last path segment, without control characters, at most 255 characters. */
function cleanFileName(name: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
  const cleaned = basename(name.replace(/\\/g, '/')).replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return cleaned.slice(0, 255) || 'tep-tai-len';
}

function textFields(fields: MultipartFields): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(fields)) {
    // A repeated field keeps its first value; file parts are not fields.
    const first = Array.isArray(value) ? value[0] : value;
    if (first?.type === 'field' && typeof first.value === 'string') out[name] = first.value;
  }
  return out;
}
