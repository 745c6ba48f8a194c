import { describe, expect, it } from 'vitest';
import { sampleProcedure } from './test-fixtures.js';
import type { Procedure } from './types.js';
import { diffProcedures, nextVersion, publishVersion } from './versioning.js';

function withCutoff(p: Procedure, cutoffTime: string): Procedure {
  return { ...p, deadline: { unit: 'sameDay', cutoffTime } };
}

describe('nextVersion', () => {
  it('turns an edit of a published procedure into a new draft version, leaving the published one as it was', () => {
    const published = sampleProcedure(); // version 1, published
    const edited = withCutoff(sampleProcedure(), '16:00');
    const result = nextVersion(published, edited);
    expect(result).toMatchObject({ ok: true, outcome: 'newVersion', procedure: { version: 2, status: 'draft' } });
    expect(result.ok && result.changes).toEqual([{ path: '/deadline/cutoffTime', before: '15:00', after: '16:00' }]);
    expect(published).toEqual(sampleProcedure());
  });

  it('edits a draft in place, keeping its version number', () => {
    const draft: Procedure = { ...sampleProcedure(), version: 3, status: 'draft' };
    const edited: Procedure = { ...withCutoff(draft, '16:00') };
    expect(nextVersion(draft, edited)).toMatchObject({ ok: true, outcome: 'editedDraft', procedure: { version: 3, status: 'draft' } });
  });

  it('saves nothing when the edit changes nothing but the status', () => {
    const published = sampleProcedure();
    const result = nextVersion(published, { ...sampleProcedure(), status: 'draft' });
    expect(result).toEqual({ ok: true, outcome: 'unchanged', procedure: published, changes: [] });
  });

  it('refuses to change the national code, which would be another procedure', () => {
    const result = nextVersion(sampleProcedure(), { ...sampleProcedure(), code: '2.000909' });
    expect(result.ok ? undefined : result.error.code).toBe('PROCEDURE_CODE_MISMATCH');
  });

  it('refuses an edit made on an older version', () => {
    const current: Procedure = { ...sampleProcedure(), version: 2 };
    const result = nextVersion(current, withCutoff(sampleProcedure(), '16:00'));
    expect(result.ok ? undefined : result.error).toEqual({
      code: 'STALE_VERSION',
      message: {
        vi: 'Bản chỉnh sửa dựa trên phiên bản 1, nhưng phiên bản mới nhất là phiên bản 2.',
        en: 'The edit is based on version 1, but the latest is version 2.',
      },
    });
  });
});

describe('diffProcedures', () => {
  it('reports added, removed and changed leaves by JSON pointer', () => {
    const before = sampleProcedure();
    const after = sampleProcedure();
    after.documents.pop();
    after.fees[0]!.name.vi = 'Phí chứng thực'; // the fixture has one fee
    const changes = diffProcedures(before, after);
    expect(changes.map((c) => c.path)).toEqual([
      '/documents/1',
      '/fees/0/name/vi',
    ]);
    expect(changes[0]?.after).toBeUndefined();
  });
});

describe('publishVersion', () => {
  it('publishes the draft and retires the version dossiers used until now', () => {
    const previous = sampleProcedure();
    const draft: Procedure = { ...withCutoff(sampleProcedure(), '16:00'), version: 2, status: 'draft' };
    const result = publishVersion(draft, previous);
    expect(result).toMatchObject({ ok: true, published: { version: 2, status: 'published' }, retired: { version: 1, status: 'retired' } });
  });

  it('refuses to publish something that is not a draft', () => {
    const result = publishVersion(sampleProcedure());
    expect(result.ok ? undefined : result.error.code).toBe('NOT_A_DRAFT');
  });
});
