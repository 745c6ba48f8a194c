import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Transform, type Readable, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../errors.js';
import { isAcceptedType, payloadTooLarge, sniffFile, TextProbe, unsupportedType } from './sniff.js';
import { isSha256, type BlobStat, type FileStore, type PutOptions, type PutResult } from './store.js';

/**
 * The file store on the local disk: blob `<sha256>` lives at `<root>/<aa>/<bb>/<sha256>`
 * (the first two pairs of hex digits fan the blobs out so that no folder grows huge).
 * Uploads are written to `<root>/tmp/` first (same file system, so the final rename is
 * atomic), hashed and measured as they stream, flushed to disk, then renamed into place: a
 * reader never sees a half-written blob, and a crash leaves at most a stray temp file.
 */
export class LocalFileStore implements FileStore {
  constructor(readonly root: string) {}

  /** Where blob `sha256` lives on disk. */
  pathOf(sha256: string): string {
    return join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  /** Streams an upload into the store; see `FileStore.put`. */
  async put(stream: Readable, opts: PutOptions): Promise<PutResult> {
    if (!Number.isSafeInteger(opts.maxBytes) || opts.maxBytes < 0) throw new RangeError(`put: maxBytes must be a whole number of bytes, got ${opts.maxBytes}`);
    const tmpDir = join(this.root, 'tmp');
    await mkdir(tmpDir, { recursive: true });
    const tmp = join(tmpDir, `${randomUUID()}.part`);
    const hash = createHash('sha256');
    const text = opts.textMime ? new TextProbe() : undefined;
    let size = 0;
    const meter = new Transform({
      transform(chunk: Buffer | string, _encoding: BufferEncoding, done: TransformCallback) {
        const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
        size += bytes.length;
        // Abort as soon as the limit is passed: the rest of the upload is never written.
        if (size > opts.maxBytes) return done(payloadTooLarge(opts.maxBytes));
        hash.update(bytes);
        text?.push(bytes);
        done(null, bytes);
      },
    });
    try {
      // `flush` fsyncs the temp file before it is closed, so the renamed blob is on disk.
      await pipeline(stream, meter, createWriteStream(tmp, { flags: 'wx', flush: true }));
      const sha256 = hash.digest('hex');
      const type = await sniffFile(tmp, text, opts.textMime);
      // Checked before the blob enters the store: a rejected upload never touches (or
      // deletes) a blob that identical content, uploaded earlier, may be referenced by.
      if (opts.accepted && !isAcceptedType(type.mime, opts.accepted)) throw unsupportedType(type.mime, opts.accepted);
      const target = this.pathOf(sha256);
      let created = false;
      if (await isFile(target)) {
        await rm(tmp, { force: true });
      } else {
        await mkdir(dirname(target), { recursive: true });
        // Two uploads of the same new content may both get here; rename replaces the file
        // atomically with identical bytes, so either order is correct.
        await rename(tmp, target);
        await syncDirectory(dirname(target));
        created = true;
      }
      return { sha256, size, mime: type.mime, ...(type.ext ? { ext: type.ext } : {}), created };
    } catch (error) {
      await rm(tmp, { force: true });
      throw error;
    }
  }

  /** Opens blob `sha256` for reading; `NOT_FOUND` when it is not stored. */
  open(sha256: string): Readable {
    if (!isSha256(sha256) || !existsSync(this.pathOf(sha256))) throw notStored(sha256);
    return createReadStream(this.pathOf(sha256));
  }

  /** True when blob `sha256` is stored. */
  async exists(sha256: string): Promise<boolean> {
    return isSha256(sha256) && (await isFile(this.pathOf(sha256)));
  }

  /** The size of blob `sha256` on disk, or `undefined` when it is not stored. */
  async stat(sha256: string): Promise<BlobStat | undefined> {
    if (!isSha256(sha256)) return undefined;
    try {
      const s = await stat(this.pathOf(sha256));
      return s.isFile() ? { sha256, size: s.size } : undefined;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }
}

function notStored(sha256: string): AppError {
  const shown = isSha256(sha256) ? sha256.slice(0, 12) : 'không hợp lệ / invalid';
  return new AppError('NOT_FOUND', { detail: { vi: `Không có tệp ${shown} trong kho lưu trữ.`, en: `File ${shown} is not in the store.` } });
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** Makes a rename durable by flushing the folder entry (POSIX); some systems cannot, which is harmless. */
async function syncDirectory(dir: string): Promise<void> {
  let handle;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch {
    // Windows cannot open a folder for fsync; the rename is still atomic there.
  } finally {
    await handle?.close();
  }
}
