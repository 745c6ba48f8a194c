/**
 * Sending a stored file back to a client. Routes that own files (dossier attachments,
 * results) authorize the request first, then call `sendStoredFile`.
 */
import type { FastifyReply } from 'fastify';
import type { FileStore, StoredFile } from './store.js';

/**
 * A `Content-Disposition` value carrying a Vietnamese file name: an ASCII fallback without
 * diacritics plus the exact UTF-8 name (RFC 6266 §4.3, RFC 8187).
 *
 * @example contentDisposition('Giấy phép xây dựng.pdf') // attachment; filename="Giay phep xay dung.pdf"; filename*=UTF-8''Gi%E1%BA%A5y%20ph%C3%A9p%20x%C3%A2y%20d%E1%BB%B1ng.pdf
 */
export function contentDisposition(fileName: string, inline = false): string {
  const ascii = fileName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e]|["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${inline ? 'inline' : 'attachment'}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/**
 * Streams a stored file as the reply, with its sniffed type, length and a download name.
 * `private, no-store` because files of dossiers hold personal data and are often opened on
 * shared computers at one-stop desks; the ETag is the content hash, which never changes.
 */
export function sendStoredFile(reply: FastifyReply, store: FileStore, file: StoredFile, opts: { fileName?: string; inline?: boolean } = {}): FastifyReply {
  const stream = store.open(file.sha256);
  const name = opts.fileName ?? (file.ext ? `${file.sha256.slice(0, 12)}.${file.ext}` : file.sha256.slice(0, 12));
  // Text is only ever labelled as such after it was checked to be UTF-8 (see TextProbe).
  return reply
    .type(file.mime.startsWith('text/') ? `${file.mime}; charset=utf-8` : file.mime)
    .header('content-length', String(file.size))
    .header('content-disposition', contentDisposition(name, opts.inline ?? false))
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .header('etag', `"${file.sha256}"`)
    .send(stream);
}
