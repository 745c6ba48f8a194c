import type { Command } from 'commander';
import { appModules } from '../../composition.js';
import { readDossiersForStats } from '../../modules/dossiers/index.js';
import { parsePeriod, parseScope, rebuildStats, resolveScope, summary, type ResolvedScope, type Summary } from '../../modules/stats/index.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { loadConfig } from '../../platform/config.js';
import { createLogger } from '../../platform/logger.js';
import { openAndMigrate, platformServices } from '../../platform/server.js';

const pct = (x: number | null) => (x === null ? '–' : `${(x * 100).toFixed(2)} %`);
const num = (x: number | null, unit = '') => (x === null ? '–' : `${x}${unit}`);

/** The terminal report of a summary: one indicator a line, grouped as Decision 766/QĐ-TTg groups them. */
export function formatSummary(scope: Pick<ResolvedScope, 'name'>, s: Summary): string[] {
  const i = s.indicators;
  const c = s.current;
  return [
    `${scope.name.vi} — ${s.period.label.vi} (${s.period.from} → ${s.period.to})`,
    `  Tiếp nhận / received: ${i.volume.received} (trực tuyến / online ${i.volume.receivedOnline}); kỳ trước chuyển sang / carried over: ${i.volume.carriedOver}`,
    `  Đã giải quyết / resolved: ${i.volume.resolved} — trước hạn / early ${i.volume.resolvedEarly}, đúng hạn / on time ${i.volume.resolvedOnTime}, quá hạn / late ${i.volume.resolvedLate}`,
    `  Trả kết quả / returned ${i.volume.returned}; từ chối / refused ${i.volume.rejected}; rút / withdrawn ${i.volume.withdrawn}; dừng / stopped ${i.volume.stopped}; đang giải quyết cuối kỳ / in progress at end ${i.volume.inProgressAtEnd}`,
    `  Hiện tại / now: ${c.inProgress} đang giải quyết / in progress — ${c.notYetDue} trong hạn / not yet due, ${c.overdue} quá hạn / overdue (${c.overdueWithApology} có thư xin lỗi / with apology), ${c.paused} chờ bổ sung / waiting`,
    `  Công khai, minh bạch / transparency: ${i.transparency.apologies} thư xin lỗi / apologies; tỷ lệ xin lỗi trên hồ sơ quá hạn / apology rate ${pct(i.transparency.apologyRate)}`,
    `  Tiến độ / progress: đúng hạn / on time ${pct(i.progress.onTimeRate)}; TB / average ${num(i.progress.averageDays, ' ngày')}; P90 ${num(i.progress.p90Days, ' ngày')}`,
    `  Trực tuyến / online: ${pct(i.onlineService.onlineShare)} (toàn trình / full ${pct(i.onlineService.onlineFullShare)}, một phần / partial ${pct(i.onlineService.onlinePartialShare)}); thanh toán trực tuyến / paid online ${pct(i.onlineService.onlinePaymentShare)}; liên thông / transferred ${pct(i.volume.transferredShare)}`,
    `  Số hóa / digitized results: ${pct(i.digitization.digitizedShare)}`,
    `  Hài lòng / satisfaction: ${i.satisfaction.ratings} lượt / ratings, TB / average ${num(i.satisfaction.average)}; 5★ ${i.satisfaction.distribution['5']} · 4★ ${i.satisfaction.distribution['4']} · 3★ ${i.satisfaction.distribution['3']} · 2★ ${i.satisfaction.distribution['2']} · 1★ ${i.satisfaction.distribution['1']}`,
    `  Chỉ số / index (QĐ 766/QĐ-TTg): ${num(i.index.score)} / ${Object.values(i.index.weights).reduce((a, b) => a + b, 0)}`,
  ];
}

/** `egov stats`: a period's summary for a scope, printed in the terminal (or as JSON). */
export function registerStats(program: Command): void {
  const stats = program
    .command('stats')
    .description('statistics of dossiers for a scope and period (Thống kê): received, resolved on time/late, online, satisfaction, index')
    .option('--scope <scope>', 'city, unit:<code>, agency:<code> (with the agencies below it), agencyOnly:<code> (that agency alone) or desk:<code>', 'city')
    .option('--period <period>', '2026, 2026-Q1, 2026-03, 2026-03-02 or 2026-03-01..2026-03-15 (default: this month)')
    .option('--procedure <code>', 'only this procedure')
    .option('--field <code>', 'only this field (lĩnh vực)')
    .option('--json', 'print the summary as JSON')
    .action(async (opts: { scope: string; period?: string; procedure?: string; field?: string; json?: boolean }) => {
      const config = loadConfig();
      const log = createLogger({ ...config, logLevel: 'warn' }, process.stderr);
      const database = await openAndMigrate(config, appModules, log);
      try {
        const services = platformServices(config, database, log);
        const now = services.clock.now();
        const parsedScope = parseScope(opts.scope);
        if (!parsedScope) throw new Error(`the scope must be city, unit:<code>, agency:<code>, agencyOnly:<code> or desk:<code>, not "${opts.scope}"`);
        const local = new Date(now.getTime() + 7 * 3_600_000).toISOString();
        const period = parsePeriod(opts.period ?? local.slice(0, 7));
        if (!period.ok) throw new Error(period.error.message.en);
        const scope = await resolveScope(database.db, parsedScope);
        if (!scope) throw new Error(`no such ${parsedScope.kind}: ${parsedScope.code ?? ''}`);
        const s = await summary(database.db, { scope, ...(opts.procedure ? { procedureCode: opts.procedure } : {}), ...(opts.field ? { fieldCode: opts.field } : {}) }, period.period, now);
        process.stdout.write(opts.json ? `${JSON.stringify({ scope: { kind: scope.kind, code: scope.code, name: scope.name }, ...s }, null, 2)}\n` : `${formatSummary(scope, s).join('\n')}\n`);
      } finally {
        await database.close();
      }
    });
  stats
    .command('rebuild')
    .description('recompute the statistics from the dossiers (after an import or a restore); run it while no dossier changes')
    .option('--missing', 'only dossiers without statistics yet (keeps the live figures of the others)')
    .option('--batch <n>', 'dossiers per transaction', '10000')
    .action(async (opts: { missing?: boolean; batch: string }) => {
      const batchSize = Number(opts.batch);
      if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error(`--batch takes a whole number ≥ 1, not "${opts.batch}"`);
      const config = loadConfig();
      const log = createLogger({ ...config, logLevel: 'warn' }, process.stderr);
      const database = await openAndMigrate(config, appModules, log);
      try {
        const services = platformServices(config, database, log);
        const mode = opts.missing ? 'missing' : 'all';
        const t0 = performance.now();
        const r = await rebuildStats(database.db, {
          feed: readDossiersForStats,
          mode,
          batchSize,
          onProgress: (p) => process.stderr.write(`\r${p.read.toLocaleString('en')} dossiers read, ${p.recorded.toLocaleString('en')} recorded`),
        });
        process.stderr.write('\n');
        await database.db.transaction().execute((trx) =>
          recordAudit(trx, { actor: { id: null, label: 'cli' }, action: 'stats.rebuild', target: { type: 'stats', id: services.newId() }, summary: { mode, read: r.read, recorded: r.recorded } }, services.clock.now(), services.newId),
        );
        const seconds = ((performance.now() - t0) / 1000).toFixed(1);
        process.stdout.write(`Đã tính lại thống kê / statistics rebuilt: ${r.recorded} hồ sơ / dossiers recorded of ${r.read} read (${mode}), ${r.dailyRows} daily rows, ${seconds} s\n`);
      } finally {
        await database.close();
      }
    });
}
