import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appModules } from '../../src/composition.js';
import { getPublishedProcedure } from '../../src/modules/catalog/index.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { runEgov } from '../support/cli.js';
import { testDialect } from '../support/db.js';

/** Changes one cell of the procedures sheet (row 1 is the header). */
async function editProcedureCell(from: string, to: string, header: string, row: number, value: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(from) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('Thủ tục') as ExcelJS.Worksheet;
  const col = (ws.getRow(1).values as unknown[]).indexOf(header);
  ws.getRow(row).getCell(col).value = value;
  writeFileSync(to, Buffer.from(await wb.xlsx.writeBuffer()));
}

describe(`egov catalog on ${testDialect}`, () => {
  let t: TestApp;
  let dir: string;
  let env: Record<string, string>;
  // bin/egov recompiles when sources changed since the suite started, and says so on stderr.
  const egov = async (...args: string[]) => {
    const r = await runEgov(['catalog', ...args], env, { timeoutMs: 60_000 });
    return { ...r, stderr: r.stderr.replace(/^egov: compiling TypeScript.*\n/m, '') };
  };

  beforeAll(async () => {
    t = await createTestApp(appModules, undefined, {}, { seedDemo: true });
    dir = mkdtempSync(join(tmpdir(), 'egov-catalog-'));
    const target = t.database.target;
    env = { DATABASE_URL: target.dialect === 'sqlite' ? `sqlite:${target.file}` : target.url, SEED_DEMO: 'false' };
  }, 120_000);
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('exports the catalogue and imports it back without changing anything', async () => {
    const file = join(dir, 'danh-muc.xlsx');
    const out = await egov('export', file);
    expect(out.stderr).toBe('');
    expect(out.code).toBe(0);
    expect(out.stdout).toBe(`19 procedures written to ${file}\n`);
    const back = await egov('import', file);
    expect(back.code).toBe(0);
    expect(back.stdout).toBe('imported 19 procedures: 0 new, 0 new versions, 0 drafts edited, 19 unchanged, 0 published\n');
  });

  it('a dry run reports the new version an edited row would make and saves nothing', async () => {
    const file = join(dir, 'sua.xlsx');
    // Row 2 is the first procedure by code: 1.000656, death registration.
    await editProcedureCell(join(dir, 'danh-muc.xlsx'), file, 'Tên thủ tục', 2, 'Đăng ký khai tử (sửa)');
    const dry = await egov('import', file, '--dry-run');
    expect(dry.stdout).toBe('dry run, nothing saved; 19 procedures: 0 new, 1 new versions, 0 drafts edited, 18 unchanged, 1 published\n');
    expect((await getPublishedProcedure(t.database.db, '1.000656'))?.version).toBe(1);
  });

  it('lists every bad row on stderr and exits 1 without saving', async () => {
    const file = join(dir, 'sai.xlsx');
    await editProcedureCell(join(dir, 'danh-muc.xlsx'), file, 'Trạng thái', 3, 'active');
    const bad = await egov('import', file);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toBe(
      'procedures row 3 column status: Column "status" must be one of: draft, published, retired. / Cột "status" phải là một trong: draft, published, retired.\n' +
        `egov: 1 error(s) in ${file}; nothing was saved\n`,
    );
  });
});
