import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dossierWorld, HAI_CHAU_DESK, type World } from '../support/dossiers.js';
import { testDialect } from '../support/db.js';

const PDF = '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n';
const FORM = { fullName: 'Nguyễn Văn An', dateOfBirth: '1990-05-15', idNumber: '048090000001', maritalStatus: 'single', purpose: 'Kết hôn', phone: '0905000001' };

function multipart(name: string, content: Buffer | string, type = 'application/octet-stream') {
  const boundary = '----egov-dossier-test';
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`),
    Buffer.isBuffer(content) ? content : Buffer.from(content),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe(`dossier access and attachments on ${testDialect}`, () => {
  let w: World;
  let id: string;
  let docId: string;
  const upload = async (who: string | null, name: string, content: Buffer | string) => {
    const m = multipart(name, content);
    return w.t.app.inject({ method: 'POST', url: '/api/v1/dossiers/uploads', payload: m.body, headers: { ...(who ? w.s[who]?.headers : {}), ...m.headers } });
  };
  beforeAll(async () => {
    w = await dossierWorld('2026-03-02 08:00');
    w.at('2026-03-02 09:00');
  }, 90_000);
  afterAll(async () => {
    await w.t.close();
  });

  it('uploads are sniffed from content: a PDF is accepted, an executable named .pdf is refused', async () => {
    expect((await upload(null, 'to-khai.pdf', PDF)).statusCode).toBe(401);
    const exe = await upload('048090000001', 'to-khai.pdf', Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00]));
    expect(exe.statusCode).toBe(415);
    const ok = await upload('048090000001', 'tờ khai.pdf', PDF);
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ mime: 'application/pdf', size: PDF.length, fileName: 'tờ khai.pdf' });
    const created = await w.post('048090000001', '/api/v1/dossiers', { procedureCode: '1.004873', deskCode: HAI_CHAU_DESK, owner: { kind: 'citizen', number: '048090000001' }, formData: FORM, delivery: { method: 'online' }, documents: [{ requirementId: 'to-khai', sha256: ok.json().sha256, fileName: 'tờ khai.pdf' }] });
    expect(created.statusCode).toBe(201);
    id = created.json().id;
  });

  it('attachments download only for those who may see the dossier', async () => {
    const list = await w.get('048090000001', `/api/v1/dossiers/${id}/documents`);
    expect(list.json().items).toHaveLength(1);
    docId = list.json().items[0].id;
    const mine = await w.get('048090000001', `/api/v1/dossiers/${id}/documents/${docId}`);
    expect(mine.statusCode).toBe(200);
    expect(mine.headers['content-type']).toBe('application/pdf');
    expect(mine.body).toBe(PDF);
    expect((await w.get('haichau.tiepnhan', `/api/v1/dossiers/${id}/documents/${docId}`)).statusCode).toBe(200);
    expect((await w.get('048185000002', `/api/v1/dossiers/${id}/documents/${docId}`)).statusCode).toBe(404);
    expect((await w.get('sxd.chuyenvien', `/api/v1/dossiers/${id}/documents/${docId}`)).statusCode).toBe(404);
    expect((await w.get(null, `/api/v1/dossiers/${id}/documents/${docId}`)).statusCode).toBe(401);
  });

  it('reading a dossier: applicant and the agency\'s officials yes; others 404; anonymous 401', async () => {
    expect((await w.get('048090000001', `/api/v1/dossiers/${id}`)).statusCode).toBe(200);
    const officer = await w.get('haichau.tiepnhan', `/api/v1/dossiers/${id}`);
    expect(officer.statusCode).toBe(200);
    expect(officer.json().actions.map((a: { id: string }) => a.id)).toEqual(['receive', 'receptionSupplement', 'receptionRefuse', 'withdraw']);
    expect((await w.get('048090000001', `/api/v1/dossiers/${id}`)).json().actions.map((a: { id: string }) => a.id)).toEqual(['withdraw']);
    expect((await w.get('048185000002', `/api/v1/dossiers/${id}`)).statusCode).toBe(404);
    expect((await w.get('stp.chuyenvien', `/api/v1/dossiers/${id}`)).statusCode).toBe(404);
    expect((await w.get(null, `/api/v1/dossiers/${id}`)).statusCode).toBe(401);
    expect((await w.get(null, `/api/v1/dossiers/${id}/history`)).statusCode).toBe(401);
  });

  it('queues: my tasks hold the desk\'s new dossier; a citizen lists only their own; counts are for officials', async () => {
    const mine = await w.get('haichau.tiepnhan', '/api/v1/dossiers?view=mine');
    expect(mine.json().items.map((d: { id: string }) => d.id)).toContain(id);
    expect((await w.get('haichau.chuyenvien', '/api/v1/dossiers?view=mine')).json().items.map((d: { id: string }) => d.id)).not.toContain(id);
    expect((await w.get('sxd.chuyenvien', '/api/v1/dossiers?view=all')).json().items.map((d: { id: string }) => d.id)).not.toContain(id);
    expect((await w.get('048090000001', '/api/v1/dossiers')).json().items.map((d: { id: string }) => d.id)).toEqual([id]);
    expect((await w.get('048185000002', '/api/v1/dossiers')).json().items).toEqual([]);
    expect((await w.get(null, '/api/v1/dossiers')).statusCode).toBe(401);
    expect((await w.get('048090000001', '/api/v1/dossiers/counts')).statusCode).toBe(403);
    expect((await w.get('haichau.lanhdao', '/api/v1/dossiers/counts')).statusCode).toBe(200);
    const byName = await w.get('haichau.tiepnhan', '/api/v1/dossiers?view=all&q=nguyen%20van%20an');
    expect(byName.json().items.map((d: { id: string }) => d.id)).toContain(id);
  });

  it('actions: wrong role 403, out of scope 404, anonymous 401', async () => {
    const d = (await w.get('haichau.tiepnhan', `/api/v1/dossiers/${id}`)).json().dossier;
    expect((await w.act('haichau.chuyenvien', id, { actionId: 'receive', version: d.version })).statusCode).toBe(403);
    expect((await w.act('sxd.chuyenvien', id, { actionId: 'receive', version: d.version })).statusCode).toBe(404);
    expect((await w.act(null as unknown as string, id, { actionId: 'receive', version: d.version })).statusCode).toBe(401);
    expect((await w.act('048090000001', id, { actionId: 'receive', version: d.version })).statusCode).toBe(403);
  });

  it('claiming a task: only an official with the step\'s role at the holding agency', async () => {
    const d = (await w.get('haichau.tiepnhan', `/api/v1/dossiers/${id}`)).json().dossier;
    expect((await w.post('haichau.chuyenvien', `/api/v1/dossiers/${id}/claim`, { version: d.version })).statusCode).toBe(403);
    const ok = await w.post('haichau.tiepnhan', `/api/v1/dossiers/${id}/claim`, { version: d.version });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().assigneeId).not.toBeNull();
  });

  it('drafts stay private until submitted, then enter the desk\'s queue', async () => {
    const draft = await w.post('048090000001', '/api/v1/dossiers', { procedureCode: '1.004873', deskCode: HAI_CHAU_DESK, owner: { kind: 'citizen', number: '048090000001' }, formData: { fullName: 'Nguyễn Văn An' }, delivery: { method: 'online' }, draft: true });
    expect(draft.statusCode).toBe(201);
    expect(draft.json().status).toBe('draft');
    expect((await w.get('haichau.tiepnhan', `/api/v1/dossiers/${draft.json().id}`)).statusCode).toBe(404);
    const incomplete = await w.post('048090000001', `/api/v1/dossiers/${draft.json().id}/submit`, { version: draft.json().version });
    expect(incomplete.statusCode).toBe(400);
    expect(incomplete.json().errors.map((e: { field: string }) => e.field)).toContain('/formData/dateOfBirth');
  });

  it('a citizen cannot file for someone they do not represent', async () => {
    const res = await w.post('048185000002', '/api/v1/dossiers', { procedureCode: '1.004873', deskCode: HAI_CHAU_DESK, owner: { kind: 'citizen', number: '048090000001' }, formData: FORM, delivery: { method: 'online' } });
    expect(res.statusCode).toBe(404);
  });
});
