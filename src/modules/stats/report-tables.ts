/**
 * The statistics as tables an office files: Vietnamese headers, one line per month, agency
 * or procedure, and a totals line computed over the whole period (rates are recomputed from
 * the totals, never averaged). Pure; `xlsx.ts` lays them out.
 */
import type { Indicators } from './indicators.js';
import type { RankingRow, Summary, TrendPoint } from './service.js';

export type Cell = string | number | null;

/** A report table: its title, columns and lines; percentages are shares 0–1 shown as %. */
export interface ReportTable {
  title: string;
  columns: { header: string; kind: 'text' | 'count' | 'percent' | 'decimal'; width: number }[];
  rows: Cell[][];
  totals?: Cell[];
}


/** The summary as "indicator | value" lines, grouped per Decision 766/QĐ-TTg. */
export function summaryTable(s: Summary): ReportTable {
  const i = s.indicators;
  const c = s.current;
  // Shares are shown as percentages with two decimals in this one-value-per-line layout.
  const line = (group: string, name: string, value: number | null, kind: 'count' | 'percent' | 'decimal' = 'count', unit = ''): Cell[] => [
    group,
    name,
    kind === 'percent' && value !== null ? Math.round(value * 10_000) / 100 : value,
    kind === 'percent' ? '%' : kind === 'decimal' ? unit : 'hồ sơ',
  ];
  const rows: Cell[][] = [
    line('Tiếp nhận', 'Kỳ trước chuyển sang', i.volume.carriedOver),
    line('Tiếp nhận', 'Tiếp nhận trong kỳ', i.volume.received),
    line('Tiếp nhận', 'Trong đó: trực tuyến', i.volume.receivedOnline),
    line('Tiếp nhận', 'Tổng số phải giải quyết', i.volume.total),
    line('Kết quả', 'Đã giải quyết', i.volume.resolved),
    line('Kết quả', 'Trước hạn', i.volume.resolvedEarly),
    line('Kết quả', 'Đúng hạn', i.volume.resolvedOnTime),
    line('Kết quả', 'Quá hạn', i.volume.resolvedLate),
    line('Kết quả', 'Đã trả kết quả', i.volume.returned),
    line('Kết quả', 'Từ chối tiếp nhận', i.volume.rejected),
    line('Kết quả', 'Công dân rút hồ sơ', i.volume.withdrawn),
    line('Kết quả', 'Dừng xử lý', i.volume.stopped),
    line('Kết quả', 'Đang giải quyết cuối kỳ', i.volume.inProgressAtEnd),
    line('Hiện tại', 'Đang giải quyết', c.inProgress),
    line('Hiện tại', 'Trong hạn', c.notYetDue),
    line('Hiện tại', 'Quá hạn', c.overdue),
    line('Hiện tại', 'Chờ bổ sung, nghĩa vụ tài chính', c.paused),
    line('Liên thông', 'Hồ sơ liên thông', i.volume.transferred),
    line('Liên thông', 'Tỷ lệ liên thông', (i.volume.transferredShare), 'percent'),
    line('Công khai, minh bạch', 'Thư xin lỗi', i.transparency.apologies),
    line('Công khai, minh bạch', 'Hồ sơ có thư xin lỗi', i.transparency.apologized),
    line('Công khai, minh bạch', 'Hồ sơ giải quyết quá hạn có thư xin lỗi', i.transparency.lateApologized),
    line('Công khai, minh bạch', 'Tỷ lệ xin lỗi trên hồ sơ quá hạn', (i.transparency.apologyRate), 'percent'),
    line('Tiến độ giải quyết', 'Tỷ lệ đúng hạn', (i.progress.onTimeRate), 'percent'),
    line('Tiến độ giải quyết', 'Thời gian giải quyết trung bình', i.progress.averageDays, 'decimal', 'ngày làm việc'),
    line('Tiến độ giải quyết', 'Thời gian giải quyết (phân vị 90)', i.progress.p90Days, 'decimal', 'ngày làm việc'),
    line('Dịch vụ trực tuyến', 'Tỷ lệ hồ sơ trực tuyến', (i.onlineService.onlineShare), 'percent'),
    line('Dịch vụ trực tuyến', 'Trực tuyến toàn trình', (i.onlineService.onlineFullShare), 'percent'),
    line('Dịch vụ trực tuyến', 'Trực tuyến một phần', (i.onlineService.onlinePartialShare), 'percent'),
    line('Dịch vụ trực tuyến', 'Hồ sơ đã nộp phí, lệ phí', i.onlineService.paid),
    line('Dịch vụ trực tuyến', 'Tỷ lệ thanh toán trực tuyến', (i.onlineService.onlinePaymentShare), 'percent'),
    line('Số hóa', 'Kết quả được số hóa', i.digitization.digitized),
    line('Số hóa', 'Tỷ lệ số hóa kết quả', (i.digitization.digitizedShare), 'percent'),
    line('Mức độ hài lòng', 'Số lượt đánh giá', i.satisfaction.ratings),
    line('Mức độ hài lòng', 'Điểm trung bình (1–5)', i.satisfaction.average, 'decimal', 'điểm'),
    ...(['5', '4', '3', '2', '1'] as const).map((k) => line('Mức độ hài lòng', `Số lượt ${k} điểm`, i.satisfaction.distribution[k])),
    line('Chỉ số (QĐ 766/QĐ-TTg)', 'Điểm tổng hợp', i.index.score, 'decimal', 'điểm'),
  ];
  return {
    title: 'BÁO CÁO TÌNH HÌNH GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH',
    columns: [
      { header: 'Nhóm chỉ tiêu', kind: 'text', width: 24 },
      { header: 'Chỉ tiêu', kind: 'text', width: 40 },
      { header: 'Giá trị', kind: 'decimal', width: 14 },
      { header: 'Đơn vị tính', kind: 'text', width: 12 },
    ],
    rows,
  };
}

const LINE_COLUMNS: ReportTable['columns'] = [
  { header: 'Tiếp nhận', kind: 'count', width: 11 },
  { header: 'Trực tuyến', kind: 'count', width: 11 },
  { header: 'Đã giải quyết', kind: 'count', width: 12 },
  { header: 'Trước hạn', kind: 'count', width: 10 },
  { header: 'Đúng hạn', kind: 'count', width: 10 },
  { header: 'Quá hạn', kind: 'count', width: 10 },
  { header: 'Tỷ lệ đúng hạn', kind: 'percent', width: 12 },
  { header: 'Thời gian TB (ngày)', kind: 'decimal', width: 12 },
  { header: 'Tỷ lệ trực tuyến', kind: 'percent', width: 12 },
  { header: 'Điểm hài lòng TB', kind: 'decimal', width: 12 },
];

function lineCells(i: Indicators): Cell[] {
  return [i.volume.received, i.volume.receivedOnline, i.volume.resolved, i.volume.resolvedEarly, i.volume.resolvedOnTime, i.volume.resolvedLate, i.progress.onTimeRate, i.progress.averageDays, i.onlineService.onlineShare, i.satisfaction.average];
}

/** Month by month, with the period's totals. */
export function trendTable(points: readonly TrendPoint[], total: Indicators): ReportTable {
  return {
    title: 'TÌNH HÌNH GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH THEO THÁNG',
    columns: [{ header: 'Tháng', kind: 'text', width: 10 }, { header: 'Kỳ trước chuyển sang', kind: 'count', width: 12 }, ...LINE_COLUMNS],
    rows: points.map((p) => [`${p.month.slice(5, 7)}/${p.month.slice(0, 4)}`, p.indicators.volume.carriedOver, ...lineCells(p.indicators)]),
    totals: ['Tổng cộng', total.volume.carriedOver, ...lineCells(total)],
  };
}

/** Agencies or procedures ranked, with the scope's totals. */
export function rankingTable(rows: readonly RankingRow[], by: 'agency' | 'procedure', total: Indicators): ReportTable {
  return {
    title: by === 'agency' ? 'XẾP HẠNG CƠ QUAN, ĐƠN VỊ THEO TỶ LỆ GIẢI QUYẾT ĐÚNG HẠN' : 'XẾP HẠNG THỦ TỤC HÀNH CHÍNH THEO TỶ LỆ GIẢI QUYẾT ĐÚNG HẠN',
    columns: [
      { header: 'Hạng', kind: 'count', width: 6 },
      { header: by === 'agency' ? 'Mã cơ quan' : 'Mã thủ tục', kind: 'text', width: 16 },
      { header: by === 'agency' ? 'Tên cơ quan, đơn vị' : 'Tên thủ tục', kind: 'text', width: 44 },
      { header: 'Tiếp nhận', kind: 'count', width: 11 },
      { header: 'Đã giải quyết', kind: 'count', width: 12 },
      { header: 'Quá hạn', kind: 'count', width: 10 },
      { header: 'Tỷ lệ đúng hạn', kind: 'percent', width: 12 },
      { header: 'Thời gian TB (ngày)', kind: 'decimal', width: 12 },
      { header: 'Tỷ lệ trực tuyến', kind: 'percent', width: 12 },
      { header: 'Điểm hài lòng TB', kind: 'decimal', width: 12 },
    ],
    rows: rows.map((r) => [r.rank, r.code, r.name.vi, r.received, r.resolved, r.resolvedLate, r.onTimeRate, r.averageDays, r.onlineShare, r.satisfactionAverage]),
    totals: [null, null, 'Tổng cộng', total.volume.received, total.volume.resolved, total.volume.resolvedLate, total.progress.onTimeRate, total.progress.averageDays, total.onlineService.onlineShare, total.satisfaction.average],
  };
}
