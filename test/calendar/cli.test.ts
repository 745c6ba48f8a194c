import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runEgov } from '../support/cli.js';
import { createTestDatabase, testDialect, type TestDatabase } from '../support/db.js';

/**
 * `egov calendar …` exactly as an operator types it, against an empty database (no demo
 * data): the published schedules are there anyway because a migration ships them.
 */
describe(`egov calendar on ${testDialect}`, () => {
  let database: TestDatabase;
  let env: Record<string, string>;
  const egov = (...args: string[]) => runEgov(['calendar', ...args], env);

  beforeAll(async () => {
    database = await createTestDatabase();
    const url = database.target.dialect === 'sqlite' ? `sqlite:${database.target.file}` : database.target.url;
    env = { DATABASE_URL: url, SEED_DEMO: 'false' };
  });
  afterAll(async () => {
    await database.drop();
  });

  it('holidays 2026 lists every date that is not plain Monday–Friday work, with its Vietnamese name', async () => {
    // 01/01 Thursday. Tết: the published break Sat 14/02 – Sun 22/02. Hùng Kings 10/3 lunar =
    // Sunday 26/04 (3rd lunar month from 17/04), compensated Monday 27/04. 30/04 Thursday,
    // 01/05 Friday. 02/09 is a Wednesday: the adjacent day is the day before, Tuesday 01/09.
    const tet = 'Tết Nguyên Đán Bính Ngọ';
    const expected = [
      '2026-01-01 off Tết Dương lịch',
      ...['14', '15', '16', '17', '18', '19', '20', '21', '22'].map((d) => `2026-02-${d} off ${tet}`),
      '2026-04-26 off Giỗ Tổ Hùng Vương',
      '2026-04-27 off Nghỉ bù Giỗ Tổ Hùng Vương',
      '2026-04-30 off Ngày Chiến thắng',
      '2026-05-01 off Ngày Quốc tế Lao động',
      '2026-09-01 off Quốc khánh',
      '2026-09-02 off Quốc khánh',
    ];
    const r = await egov('holidays', '2026');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${expected.join('\n')}\n`);
  });

  it('holidays 2025 shows the 30/4 swap: Saturday 26/04 worked, Friday 02/05 off', async () => {
    const r = await egov('holidays', '2025');
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines).toContain('2025-04-26 work Làm bù cho ngày nghỉ thứ Sáu 02/05/2025');
    expect(lines).toContain('2025-05-02 off Nghỉ hoán đổi (làm bù thứ Bảy 26/04/2025)');
    // 9 Tết days 25/01–02/02, and no computed Tết placement beside them
    expect(lines.filter((l) => l.includes('Tết Nguyên Đán'))).toHaveLength(9);
  });

  it('due --from 2026-02-13T10:00:00+07:00 --working-days 3 prints 2026-02-25T10:00:00+07:00 and nothing else', async () => {
    const r = await egov('due', '--from', '2026-02-13T10:00:00+07:00', '--working-days', '3');
    expect(r).toMatchObject({ code: 0, stdout: '2026-02-25T10:00:00+07:00\n' });
  });

  it('due with working hours, same day and calendar days', async () => {
    // 10:00 + 4 office hours: 1h30 to 11:30, then 13:30 + 2h30 = 16:00
    expect((await egov('due', '--from', '2026-03-02T10:00:00+07:00', '--working-hours', '4')).stdout).toBe('2026-03-02T16:00:00+07:00\n');
    // after the 15:00 cut-off: the close of the next working day
    expect((await egov('due', '--from', '2026-03-02T15:30:00+07:00', '--same-day')).stdout).toBe('2026-03-03T17:00:00+07:00\n');
    // a half day is half of 7.5 office hours = 3h45: Monday 08:00 → 11:30 (3h30) + 15 min from 13:30
    expect((await egov('due', '--from', '2026-03-02T08:00:00+07:00', '--working-days', '0.5')).stdout).toBe('2026-03-02T13:45:00+07:00\n');
    // 10/02 + 10 days = Friday 20/02 in Tết → close of Monday 23/02
    expect((await egov('due', '--from', '2026-02-10T09:00:00+07:00', '--calendar-days', '10')).stdout).toBe('2026-02-23T17:00:00+07:00\n');
  });

  it('a --from without an offset is refused in one line, exit 1, nothing on stdout', async () => {
    const r = await egov('due', '--from', '2026-02-13T10:00:00', '--working-days', '3');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toEqual(['egov: --from: Date-time "2026-02-13T10:00:00" has no offset (e.g. +07:00) / Thời điểm "2026-02-13T10:00:00" thiếu múi giờ (ví dụ +07:00)']);
  });

  it('no rule or two rules, a bad number, an unknown desk: exit 1 with a clear line', async () => {
    const none = await egov('due', '--from', '2026-02-13T10:00:00+07:00');
    expect(none).toMatchObject({ code: 1, stdout: '' });
    expect(none.stderr).toContain('give exactly one of --working-days, --working-hours, --calendar-days, --same-day');
    const two = await egov('due', '--from', '2026-02-13T10:00:00+07:00', '--working-days', '1', '--same-day');
    expect(two.code).toBe(1);
    expect((await egov('due', '--from', '2026-02-13T10:00:00+07:00', '--calendar-days', '1.5')).stderr).toContain('--calendar-days must be a whole number');
    const desk = await egov('due', '--from', '2026-02-13T10:00:00+07:00', '--working-days', '1', '--desk', 'MC-NOPE');
    expect(desk).toMatchObject({ code: 1, stdout: '' });
    expect(desk.stderr).toContain('There is no reception desk MC-NOPE.');
  });

  it('override add, list and remove: a new holiday shows in holidays and moves due dates, and leaves audit rows', async () => {
    const add = await egov('override', 'add', '2026-11-24', '--kind', 'holiday', '--name-vi', 'Ngày Văn hóa Việt Nam', '--name-en', 'Vietnamese Culture Day');
    expect(add).toMatchObject({ code: 0, stdout: 'override 2026-11-24 added\n', stderr: '' });
    expect((await egov('holidays', '2026')).stdout).toContain('2026-09-02 off Quốc khánh\n2026-11-24 off Ngày Văn hóa Việt Nam\n');
    // Monday 23/11 + 1 working day skips Tuesday 24/11
    expect((await egov('due', '--from', '2026-11-23T10:00:00+07:00', '--working-days', '1')).stdout).toBe('2026-11-25T10:00:00+07:00\n');
    const list = await egov('override', 'list', '--year', '2026');
    expect(list.stdout.split('\n')).toContain('2026-11-24 holiday Ngày Văn hóa Việt Nam');
    expect(list.stdout.split('\n')[0]).toBe('2026-02-14 off Tết Nguyên Đán Bính Ngọ [replaces tet]');

    expect((await egov('override', 'add', '2026-11-24', '--kind', 'off', '--name-vi', 'x', '--name-en', 'y')).code).toBe(1);
    expect((await egov('override', 'remove', '2026-11-24')).stdout).toBe('override 2026-11-24 removed\n');
    expect((await egov('due', '--from', '2026-11-23T10:00:00+07:00', '--working-days', '1')).stdout).toBe('2026-11-24T10:00:00+07:00\n');
    expect((await egov('override', 'remove', '2026-11-24')).code).toBe(1);

    const audit = await runEgov(['audit', 'verify'], env);
    expect(audit.stdout).toMatch(/^audit chain intact: 2 rows;/);
  }, 180_000); // ten CLI processes: over a minute when the machine is busy

  it('override add refuses a date that does not exist, naming the field', async () => {
    const r = await egov('override', 'add', '2026-02-30', '--kind', 'off', '--name-vi', 'x', '--name-en', 'y');
    expect(r).toMatchObject({ code: 1, stdout: '' });
    expect(r.stderr).toContain('[/date: Invalid date "2026-02-30"]');
  });
});
