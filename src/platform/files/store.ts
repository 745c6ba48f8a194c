/**
 * The file store seen by the rest of the system: immutable blobs addressed by the SHA-256 of
 * their content. Identical uploads are kept once; what a blob means (an attachment of a
 * dossier, a signed result) is recorded by the module that owns it, not here.
 * See docs/adr/0002-file-store.md.
 */
import type { Readable } from 'node:stream';

/** What the store knows about one blob. */
export interface StoredFile {
  /** Lower-case hex SHA-256 of the content; the blob's address. */
  sha256: string;
  /** Size in bytes. */
  size: number;
  /** MIME type sniffed from the content, never from the file name or the client's claim. */
  mime: string;
  /** The usual file extension of `mime` (without the dot), when the type is known. */
  ext?: string;
}

/** The outcome of `put`: the stored file and whether this upload created the blob. */
export interface PutResult extends StoredFile {
  /** False when identical content was already stored (deduplicated). */
  created: boolean;
}

export interface PutOptions {
  /** Upload limit in bytes; a longer stream is aborted with `PAYLOAD_TOO_LARGE`. */
  maxBytes: number;
  /**
   * MIME types the caller accepts. When given, content of another type is rejected with
   * `UNSUPPORTED_MEDIA_TYPE` before it enters the store, so a rejected upload never touches
   * a blob that other records may reference.
   */
  accepted?: readonly string[];
  /**
   * The MIME type to give content that has no magic number but is valid UTF-8 text without
   * NUL bytes (e.g. `text/csv` or `text/plain`). Without it such content is
   * `application/octet-stream`: text formats cannot be told apart by content alone.
   */
  textMime?: string;
}

/** Size of a stored blob as the storage backend reports it. */
export interface BlobStat {
  sha256: string;
  size: number;
}

/** A content-addressed blob store; `LocalFileStore` on disk, an S3-compatible one to scale out. */
export interface FileStore {
  /** Streams `stream` into the store while hashing it; never holds the whole content in memory. */
  put(stream: Readable, opts: PutOptions): Promise<PutResult>;
  /** Opens a stored blob for reading; throws `NOT_FOUND` when there is none. */
  open(sha256: string): Readable;
  /** True when the blob is stored. */
  exists(sha256: string): Promise<boolean>;
  /** The blob's size, or `undefined` when it is not stored. */
  stat(sha256: string): Promise<BlobStat | undefined>;
}

const SHA256 = /^[0-9a-f]{64}$/;

/** True when `value` is a lower-case hex SHA-256, the only form of blob address (no path tricks). */
export function isSha256(value: string): boolean {
  return SHA256.test(value);
}
