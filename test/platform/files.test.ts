import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppModule } from '../../src/platform/context.js';
import { AppError } from '../../src/platform/errors.js';
import { sendStoredFile } from '../../src/platform/files/download.js';
import { findFile, fileSizes, recordFile } from '../../src/platform/files/records.js';
import { acceptUpload } from '../../src/platform/files/upload.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { testDialect } from '../support/db.js';

// A 1×1 PNG: the 8-byte signature 89 50 4E 47 0D 0A 1A 0A, an IHDR, an IDAT and an IEND chunk.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
// The smallest useful PDF: the "%PDF-1.4" header (ISO 32000-1 §7.5.2), a catalog, an empty
// page tree, a trailer pointing at the catalog, and the "%%EOF" marker.
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n',
  'latin1',
);
const MB = 1024 * 1024;
const BOUNDARY = '----egov-files-test';

function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

function partHead(fileName: string, declaredType: string, field = 'file'): Buffer {
  return Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName}"\r\nContent-Type: ${declaredType}\r\n\r\n`, 'utf8');
}
const PART_TAIL = Buffer.from(`\r\n--${BOUNDARY}--\r\n`);

function multipart(data: Buffer, fileName: string, declaredType: string, field = 'file'): Buffer {
  return Buffer.concat([partHead(fileName, declaredType, field), data, PART_TAIL]);
}

/** A route plugin such as a module would write: upload with `acceptUpload`, download with `sendStoredFile`. */
const probeModule: AppModule = {
  name: 'files-probe',
  routes: async (app) => {
    app.post('/files-probe', async (request, reply) => {
      const q = request.query as { accepted?: string; maxBytes?: string };
      const upload = await acceptUpload(request, { maxBytes: Number(q.maxBytes ?? MB), accepted: (q.accepted ?? 'application/pdf').split(',') });
      await recordFile(app.services.db, upload, app.services.clock.now());
      return reply.code(201).send(upload);
    });
    app.get('/files-probe/:sha256', async (request, reply) => {
      const { sha256: sha } = request.params as { sha256: string };
      const file = await findFile(app.services.db, sha);
      if (!file) throw new AppError('NOT_FOUND');
      return sendStoredFile(reply, app.files, file, { fileName: 'Giấy phép.pdf' });
    });
  },
};

describe(`file store over HTTP on ${testDialect}`, () => {
  let t: TestApp;
  let dataDir: string;
  let storeDir: string;
  const blobs = () =>
    readdirSync(storeDir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => e.name)
      .sort();
  const upload = (body: Buffer, query = '') =>
    t.app.inject({ method: 'POST', url: `/api/v1/files-probe${query}`, payload: body, headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` } });

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'egov-files-http-'));
    storeDir = join(dataDir, 'files');
    t = await createTestApp([probeModule], undefined, { DATA_DIR: dataDir });
  });
  afterAll(async () => {
    await t.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('a real PDF is accepted, typed from its content and recorded once', async () => {
    const res = await upload(multipart(PDF, 'don-de-nghi.pdf', 'application/pdf'));
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ sha256: sha256(PDF), size: PDF.length, mime: 'application/pdf', ext: 'pdf', created: true, fileName: 'don-de-nghi.pdf' });
    expect(await findFile(t.database.db, sha256(PDF))).toEqual({ sha256: sha256(PDF), size: PDF.length, mime: 'application/pdf', ext: 'pdf', createdAt: '2026-03-02T02:00:00.000Z' });
  });

  it('the same scan uploaded twice under different names is stored once, with the same address', async () => {
    const before = blobs();
    const res = await upload(multipart(PDF, 'ban-sao.pdf', 'application/octet-stream'));
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ sha256: sha256(PDF), created: false });
    expect(blobs()).toEqual(before);
    expect(blobs().filter((name) => name === sha256(PDF))).toHaveLength(1);
    const rows = await t.database.db.selectFrom('files').select('sha256').where('sha256', '=', sha256(PDF)).execute();
    expect(rows).toHaveLength(1);
  });

  it('a PNG named scan.pdf and declared as a PDF is refused (415) when only PDF is accepted, and nothing is stored', async () => {
    const before = blobs();
    const res = await upload(multipart(PNG, 'scan.pdf', 'application/pdf'));
    expect(res.statusCode).toBe(415);
    const problem = res.json<{ code: string; messages: Record<'vi' | 'en', { detail: string }>; sniffedType: string; acceptedTypes: string[] }>();
    expect(problem).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', sniffedType: 'image/png', acceptedTypes: ['application/pdf'] });
    // The detail names the type found in the content and the accepted types, in both languages.
    expect(problem.messages.vi.detail).toMatch(/image\/png.*application\/pdf/);
    expect(problem.messages.en.detail).toMatch(/image\/png.*application\/pdf/);
    expect(blobs()).toEqual(before);
    expect(await findFile(t.database.db, sha256(PNG))).toBeUndefined();
  });

  it('refusing a type never deletes identical content another upload stored', async () => {
    expect((await upload(multipart(PNG, 'anh.png', 'image/png'), '?accepted=image/png')).statusCode).toBe(201);
    expect((await upload(multipart(PNG, 'scan.pdf', 'application/pdf'))).statusCode).toBe(415);
    expect(blobs()).toContain(sha256(PNG));
  });

  it('a CSV is accepted only where text is, since text has no magic number', async () => {
    const csv = Buffer.from('Mã hồ sơ,Ngày nhận\n000.05.50.H17-260302-0001,02/03/2026\n', 'utf8');
    expect((await upload(multipart(csv, 'ds.csv', 'text/csv'), '?accepted=text/csv')).json()).toMatchObject({ mime: 'text/csv', ext: 'csv' });
    const refused = await upload(multipart(csv, 'ds.csv', 'text/csv'));
    expect(refused.statusCode).toBe(415);
    expect(refused.json()).toMatchObject({ sniffedType: 'application/octet-stream' });
  });

  it('a file over the limit is refused (413) and leaves nothing in the store folder, not even a temp file', async () => {
    const before = blobs();
    // 2 MB of PDF-looking content against a 1 MB limit.
    const big = Buffer.concat([PDF, Buffer.alloc(2 * MB, 0x20)]);
    const res = await upload(multipart(big, 'qua-lon.pdf', 'application/pdf'), `?maxBytes=${MB}`);
    expect(res.statusCode).toBe(413);
    const { messages } = res.json<{ messages: Record<'vi' | 'en', { detail: string }> }>();
    expect(messages.vi.detail).toContain('tối đa 1 MB');
    expect(messages.en.detail).toContain('at most 1 MB');
    expect(blobs()).toEqual(before);
  });

  it('a file exactly at the limit is accepted', async () => {
    const exact = Buffer.concat([PDF, Buffer.alloc(4096 - PDF.length, 0x20)]);
    expect((await upload(multipart(exact, 'vua-du.pdf', 'application/pdf'), '?maxBytes=4096')).statusCode).toBe(201);
  });

  it('an upload without multipart is 415, and one without the "file" field is 400', async () => {
    const json = await t.app.inject({ method: 'POST', url: '/api/v1/files-probe', payload: { file: 'x' } });
    expect(json.statusCode).toBe(415);
    const wrongField = await upload(multipart(PDF, 'a.pdf', 'application/pdf', 'attachment'));
    expect(wrongField.statusCode).toBe(400);
    expect(wrongField.json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: '/body/file', reason: 'required' }] });
  });

  it('a download returns the stored bytes exactly, with the sniffed type and the Vietnamese file name', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/files-probe/${sha256(PDF)}` });
    expect(res.statusCode).toBe(200);
    expect(sha256(res.rawPayload)).toBe(sha256(PDF));
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-length']).toBe(String(PDF.length));
    expect(res.headers['content-disposition']).toBe(`attachment; filename="Giay phep.pdf"; filename*=UTF-8''Gi%E1%BA%A5y%20ph%C3%A9p.pdf`);
  });

  it('sizes are available for per-dossier totals', async () => {
    const sizes = await fileSizes(t.database.db, [sha256(PDF), sha256(PNG), 'f'.repeat(64)]);
    expect(sizes).toEqual(new Map([[sha256(PDF), PDF.length], [sha256(PNG), PNG.length]]));
  });

  it('a 50 MB upload streams through: live memory grows far less than 50 MB, and the download is identical', async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t.app.server.address() as AddressInfo;
    // A full collection before each sample measures what the process still holds, not
    // garbage awaiting collection (whose timing is V8's business). Exposed at run time
    // because the test runner's workers start without --expose-gc.
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;

    // 800 blocks of 64 KiB = 52 428 800 bytes = 50 MB; the first begins with a PDF header.
    const block = Buffer.alloc(64 * 1024);
    for (let i = 0; i < block.length; i++) block[i] = (i * 31 + 7) & 0xff;
    const first = Buffer.concat([PDF.subarray(0, 9), block.subarray(9)]);
    const expected = createHash('sha256');
    const live = () => {
      gc();
      const m = process.memoryUsage();
      return m.heapUsed + m.arrayBuffers;
    };
    const baseline = live();
    let peak = 0;
    async function* body() {
      yield partHead('ho-so-50mb.pdf', 'application/pdf');
      for (let i = 0; i < 800; i++) {
        const chunk = i === 0 ? first : block;
        expected.update(chunk);
        if (i % 40 === 20) peak = Math.max(peak, live() - baseline);
        yield chunk;
      }
      yield PART_TAIL;
    }
    const res = await new Promise<IncomingMessage>((resolve, reject) => {
      const req = httpRequest(
        { host: '127.0.0.1', port, method: 'POST', path: `/api/v1/files-probe?maxBytes=${60 * MB}`, headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` } },
        resolve,
      );
      req.on('error', reject);
      pipeline(Readable.from(body()), req).catch(reject);
    });
    let text = '';
    for await (const c of res) text += String(c);
    peak = Math.max(peak, live() - baseline);
    const sha = expected.digest('hex');
    expect(res.statusCode).toBe(201);
    expect(JSON.parse(text)).toMatchObject({ sha256: sha, size: 50 * MB, mime: 'application/pdf' });
    // Buffering the upload would hold up to 50 MB (the samples run through the upload, the
    // last at 98 %); streaming holds a few 64 KiB chunks in flight plus the process's
    // steady-state noise, so 20 MB leaves a wide margin on either side.
    expect(peak).toBeLessThan(20 * MB);

    // Download over the same socket type, hashed as it arrives (never held whole).
    const download = await new Promise<IncomingMessage>((resolve, reject) => {
      httpRequest({ host: '127.0.0.1', port, path: `/api/v1/files-probe/${sha}` }, resolve).on('error', reject).end();
    });
    const back = createHash('sha256');
    for await (const c of download) back.update(c as Buffer);
    expect(download.statusCode).toBe(200);
    expect(back.digest('hex')).toBe(sha);
  }, 60_000);
});
