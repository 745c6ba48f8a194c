import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isAppError } from '../errors.js';
import { LocalFileStore } from './local-store.js';

// SHA-256("abc"), the test vector of FIPS 180-2, appendix B.1.
const ABC = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';

/** Every file (not folder) under `dir`, relative paths. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();
}

async function text(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

describe('LocalFileStore', () => {
  let root: string;
  let store: LocalFileStore;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'egov-files-'));
    store = new LocalFileStore(root);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('stores content under its SHA-256, fanned out by the first two pairs of hex digits', async () => {
    const stored = await store.put(Readable.from([Buffer.from('abc')]), { maxBytes: 100 });
    expect(stored).toEqual({ sha256: ABC, size: 3, mime: 'application/octet-stream', created: true });
    expect(filesUnder(root)).toEqual([join('ba', '78', ABC)]);
    expect(readFileSync(store.pathOf(ABC), 'utf8')).toBe('abc');
  });

  it('the same content sent twice, in different chunks, is kept once', async () => {
    await store.put(Readable.from([Buffer.from('abc')]), { maxBytes: 100 });
    const again = await store.put(Readable.from([Buffer.from('a'), Buffer.from('bc')]), { maxBytes: 100 });
    expect(again).toMatchObject({ sha256: ABC, size: 3, created: false });
    expect(filesUnder(root)).toEqual([join('ba', '78', ABC)]);
  });

  it('content exactly at the limit is accepted; one byte more is refused and leaves nothing behind', async () => {
    await expect(store.put(Readable.from([Buffer.from('abc')]), { maxBytes: 3 })).resolves.toMatchObject({ size: 3 });
    rmSync(store.pathOf(ABC));
    const refused = await store.put(Readable.from([Buffer.from('ab'), Buffer.from('cd')]), { maxBytes: 3 }).catch((e: unknown) => e);
    expect(isAppError(refused, 'PAYLOAD_TOO_LARGE')).toBe(true);
    expect(filesUnder(root)).toEqual([]);
  });

  it('UTF-8 text is labelled with the text type the caller accepts, and is otherwise unknown', async () => {
    const csv = 'Họ và tên,Ngày sinh\nTrần Thị B,1990-05-01\n';
    expect(await store.put(Readable.from([Buffer.from(csv)]), { maxBytes: 1000, textMime: 'text/csv' })).toMatchObject({ mime: 'text/csv', ext: 'csv' });
    expect(await store.put(Readable.from([Buffer.from(csv)]), { maxBytes: 1000 })).toMatchObject({ mime: 'application/octet-stream', created: false });
  });

  it('a type the caller does not accept is refused before it enters the store', async () => {
    const refused = await store.put(Readable.from([Buffer.from('abc')]), { maxBytes: 100, accepted: ['application/pdf'] }).catch((e: unknown) => e);
    expect(isAppError(refused, 'UNSUPPORTED_MEDIA_TYPE')).toBe(true);
    expect(filesUnder(root)).toEqual([]);
  });

  it('a refused upload does not remove identical content stored earlier', async () => {
    await store.put(Readable.from([Buffer.from('abc')]), { maxBytes: 100 });
    await expect(store.put(Readable.from([Buffer.from('abc')]), { maxBytes: 100, accepted: ['application/pdf'] })).rejects.toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
    expect(await store.exists(ABC)).toBe(true);
  });

  it('a failing source stream leaves no temp file', async () => {
    const broken = new Readable({
      read() {
        this.destroy(new Error('client went away'));
      },
    });
    await expect(store.put(broken, { maxBytes: 100 })).rejects.toThrow('client went away');
    expect(filesUnder(root)).toEqual([]);
  });

  it('opens, checks and measures stored blobs; unknown or malformed addresses are not found', async () => {
    await store.put(Readable.from([Buffer.from('abc')]), { maxBytes: 100 });
    expect(await text(store.open(ABC))).toBe('abc');
    expect(await store.exists(ABC)).toBe(true);
    expect(await store.stat(ABC)).toEqual({ sha256: ABC, size: 3 });
    const missing = 'f'.repeat(64);
    expect(await store.exists(missing)).toBe(false);
    expect(await store.stat(missing)).toBeUndefined();
    expect(() => store.open(missing)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    expect(() => store.open('../../etc/passwd')).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    expect(await store.exists('../ba/78/' + ABC)).toBe(false);
  });
});
