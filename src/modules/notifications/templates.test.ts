import { describe, expect, it } from 'vitest';
import { emailOf, formatVietnamTime, renderNotice, type NoticeFacts } from './templates.js';

const received: NoticeFacts = {
  event: 'received',
  code: '000.05.50.H17-260302-0001',
  procedure: 'Cấp Giấy xác nhận tình trạng hôn nhân',
  status: 'received',
  statusName: { vi: 'Đã tiếp nhận', en: 'Received' },
  dueAt: '2026-03-05T02:30:00.000Z',
  link: 'https://dichvucong.danang.example/tra-cuu?code=000.05.50.H17-260302-0001',
};

describe('notice templates', () => {
  it('times are written in Vietnam time: 02:30 UTC on 05/03 is 09:30 05/03/2026', () => {
    expect(formatVietnamTime('2026-03-05T02:30:00.000Z')).toBe('09:30 05/03/2026');
  });

  it('late evening UTC is already the next day in Vietnam: 20:00 UTC 31/12/2025 is 03:00 01/01/2026', () => {
    expect(formatVietnamTime('2025-12-31T20:00:00.000Z')).toBe('03:00 01/01/2026');
  });

  it('a received dossier tells the applicant its code, procedure, status, due time and next step in Vietnamese', () => {
    const n = renderNotice(received);
    expect(n.title).toEqual({ vi: 'Hồ sơ 000.05.50.H17-260302-0001 đã được tiếp nhận', en: 'Dossier 000.05.50.H17-260302-0001 has been received' });
    expect(n.body.vi).toBe(
      [
        'Hồ sơ 000.05.50.H17-260302-0001 đã được tiếp nhận.',
        '',
        'Mã hồ sơ: 000.05.50.H17-260302-0001',
        'Thủ tục: Cấp Giấy xác nhận tình trạng hôn nhân',
        'Trạng thái: Đã tiếp nhận',
        'Hạn giải quyết: 09:30 05/03/2026',
        'Bước tiếp theo: Hồ sơ đang được giải quyết; chờ thông báo kết quả.',
        'Tra cứu: https://dichvucong.danang.example/tra-cuu?code=000.05.50.H17-260302-0001',
      ].join('\n'),
    );
    expect(n.sms).toBe('Hồ sơ 000.05.50.H17-260302-0001 đã được tiếp nhận. Hồ sơ đang được giải quyết; chờ thông báo kết quả. Hạn: 09:30 05/03/2026.');
  });

  it('an apology shows the new appointment and the reason', () => {
    const n = renderNotice({ ...received, event: 'apology', status: 'processing', statusName: { vi: 'Đang xử lý', en: 'Processing' }, newDueAt: '2026-03-10T02:30:00.000Z', reason: 'Cần xác minh thêm' });
    expect(n.body.vi).toContain('Ngày hẹn trả kết quả mới: 09:30 10/03/2026');
    expect(n.body.vi).toContain('Lý do: Cần xác minh thêm');
    expect(n.body.en).toContain('New appointment: 09:30 10/03/2026 (Vietnam time)');
  });

  it('a dossier without a code yet (just submitted) is named by its procedure', () => {
    const n = renderNotice({ ...received, event: 'submitted', code: null, dueAt: null });
    expect(n.title.vi).toBe('Hồ sơ mới nộp chờ tiếp nhận (Cấp Giấy xác nhận tình trạng hôn nhân)');
    expect(n.body.vi).toContain('Mã hồ sơ: chưa cấp');
  });

  it('an event without its own template still says which dossier changed', () => {
    expect(renderNotice({ ...received, event: 'somethingNew' }).title.vi).toBe('Cập nhật hồ sơ 000.05.50.H17-260302-0001');
  });

  it('the e-mail has a Vietnamese subject and the English text after the Vietnamese', () => {
    const mail = emailOf(renderNotice(received));
    expect(mail.subject).toBe('[Dịch vụ công] Hồ sơ 000.05.50.H17-260302-0001 đã được tiếp nhận');
    expect(mail.text.indexOf('Mã hồ sơ')).toBeLessThan(mail.text.indexOf('Dossier code'));
  });
});
