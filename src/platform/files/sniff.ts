/**
 * Content type sniffing. The type of an upload is read from its bytes (magic numbers, via
 * the `file-type` package), never from its name or the client's `Content-Type`, so a PNG
 * renamed `scan.pdf` is still a PNG. Text formats (CSV, plain text) have no magic number:
 * they are recognised only when the caller asks for text and the content is valid UTF-8.
 */
import { fileTypeFromFile } from 'file-type';
import { AppError } from '../errors.js';

/** The type given to content nothing more specific is known about. */
export const UNKNOWN_MIME = 'application/octet-stream';

const TEXT_EXTENSIONS: Readonly<Record<string, string>> = { 'text/csv': 'csv', 'text/plain': 'txt' };

/**
 * Incremental check that a byte stream is UTF-8 text: well-formed UTF-8 (no overlong forms,
 * no surrogates, nothing above U+10FFFF; RFC 3629 §4) and no NUL byte, which real text
 * files do not contain but binary files nearly always do. Fed chunk by chunk, so a large
 * upload is never decoded into one string.
 */
export class TextProbe {
  private valid = true;
  private sawBytes = false;
  /** Continuation bytes still expected for the current character. */
  private pending = 0;
  /** Allowed range of the next continuation byte (narrower right after some lead bytes). */
  private lower = 0x80;
  private upper = 0xbf;

  /** Feeds the next chunk of the content. */
  push(chunk: Uint8Array): void {
    if (!this.valid) return;
    if (chunk.length > 0) this.sawBytes = true;
    for (const byte of chunk) {
      if (this.pending > 0) {
        if (byte < this.lower || byte > this.upper) return this.fail();
        this.lower = 0x80;
        this.upper = 0xbf;
        this.pending -= 1;
      } else if (byte === 0x00) {
        return this.fail();
      } else if (byte < 0x80) {
        continue;
      } else if (byte >= 0xc2 && byte <= 0xdf) {
        this.pending = 1;
      } else if (byte >= 0xe0 && byte <= 0xef) {
        this.pending = 2;
        // E0 would allow overlong forms below U+0800; ED would encode surrogates.
        if (byte === 0xe0) this.lower = 0xa0;
        if (byte === 0xed) this.upper = 0x9f;
      } else if (byte >= 0xf0 && byte <= 0xf4) {
        this.pending = 3;
        // F0 would allow overlong forms below U+10000; F4 would go beyond U+10FFFF.
        if (byte === 0xf0) this.lower = 0x90;
        if (byte === 0xf4) this.upper = 0x8f;
      } else {
        return this.fail();
      }
    }
  }

  /** True when everything fed so far is non-empty UTF-8 text ending on a whole character. */
  isText(): boolean {
    return this.valid && this.sawBytes && this.pending === 0;
  }

  private fail(): void {
    this.valid = false;
  }
}

/** A sniffed type: MIME and usual extension. */
export interface SniffedType {
  mime: string;
  ext?: string;
}

/**
 * Sniffs the type of a stored file from its content. `text` is the verdict of a `TextProbe`
 * fed the same bytes, and `textMime` the type to give text (when the caller accepts text).
 */
export async function sniffFile(path: string, text: TextProbe | undefined, textMime: string | undefined): Promise<SniffedType> {
  const found = await fileTypeFromFile(path);
  if (found) return { mime: found.mime, ext: found.ext };
  if (textMime && text?.isText()) {
    const ext = TEXT_EXTENSIONS[textMime];
    return ext ? { mime: textMime, ext } : { mime: textMime };
  }
  return { mime: UNKNOWN_MIME };
}

/** True when `mime` is one of `accepted` (exact, case-insensitive, or a `type/*` wildcard). */
export function isAcceptedType(mime: string, accepted: readonly string[]): boolean {
  const m = mime.toLowerCase();
  return accepted.some((a) => {
    const x = a.toLowerCase();
    return x === m || (x.endsWith('/*') && m.startsWith(x.slice(0, -1)));
  });
}

/** The text type a caller accepts, if any (the first `text/...` entry): text has no magic number. */
export function acceptedTextMime(accepted: readonly string[]): string | undefined {
  return accepted.find((a) => a.toLowerCase().startsWith('text/'));
}

/** The 415 error naming the sniffed type and the accepted ones, in Vietnamese and English. */
export function unsupportedType(mime: string, accepted: readonly string[]): AppError {
  const list = accepted.join(', ');
  return new AppError('UNSUPPORTED_MEDIA_TYPE', {
    detail: {
      vi: `Nội dung tệp có định dạng ${mime}, không thuộc các định dạng được chấp nhận: ${list}. Định dạng được xác định theo nội dung tệp, không theo tên tệp.`,
      en: `The file's content is ${mime}, which is not one of the accepted types: ${list}. The type is read from the content, not from the file name.`,
    },
    extra: { sniffedType: mime, acceptedTypes: [...accepted] },
  });
}

/** Formats a byte count for people: "50 MB", "1,5 MB" in Vietnamese and "1.5 MB" in English. */
export function formatSize(bytes: number): { vi: string; en: string } {
  const [value, unit] = bytes >= 1024 * 1024 ? [bytes / (1024 * 1024), 'MB'] : bytes >= 1024 ? [bytes / 1024, 'KB'] : [bytes, 'byte'];
  const rounded = Math.round(value * 10) / 10;
  const en = `${rounded} ${unit}${unit === 'byte' && rounded !== 1 ? 's' : ''}`;
  return { vi: `${String(rounded).replace('.', ',')} ${unit}`, en };
}

/** The 413 error for an upload longer than `maxBytes`, in Vietnamese and English. */
export function payloadTooLarge(maxBytes: number): AppError {
  const size = formatSize(maxBytes);
  return new AppError('PAYLOAD_TOO_LARGE', {
    detail: {
      vi: `Tệp vượt quá dung lượng cho phép (tối đa ${size.vi}). Hãy giảm dung lượng tệp (ví dụ quét ở độ phân giải thấp hơn) rồi gửi lại.`,
      en: `The file is larger than allowed (at most ${size.en}). Make it smaller (for example, scan at a lower resolution) and send it again.`,
    },
    extra: { maxBytes },
  });
}
