import { describe, expect, it } from 'vitest';
import { constructionPermit, sameDayCertification } from './demo-definitions.js';
import { toDiagram, toMermaid } from './diagram.js';

describe('drawing a process', () => {
  it('the same-day certification flow is three steps between start and end', () => {
    expect(toMermaid(sameDayCertification)).toBe(
      [
        'flowchart TD',
        '  __start(("Bắt đầu"))',
        '  reception["Tiếp nhận yêu cầu<br/>receptionOfficer · trong ngày"]',
        '  certify["Chứng thực<br/>receptionOfficer · trong ngày"]',
        '  return["Trả bản sao đã chứng thực<br/>receptionOfficer · trong ngày"]',
        '  __end(("Kết thúc"))',
        '  __start -->|"Nộp hồ sơ"| reception',
        '  reception -->|"Chuyển bước tiếp theo"| certify',
        '  reception -->|"Từ chối chứng thực"| __end',
        '  certify -->|"Ban hành kết quả"| return',
        '  return -->|"Trả kết quả"| __end',
        '',
      ].join('\n'),
    );
  });

  it('a transfer leg is a subgraph and conditional routes are dotted', () => {
    const text = toMermaid(constructionPermit);
    expect(text).toContain('  subgraph leg_appraisal["Thẩm định tại Sở Xây dựng (7 ngày làm việc)"]');
    expect(text).toContain('  examine -.->|"Chuyển Sở Xây dựng thẩm định"| sxdExamine');
    expect(text).toContain('  examine -.->|"Trình lãnh đạo ký"| approve');
    expect(text).toContain('  sxdApprove -->|"Hoàn thành, chuyển trả liên thông"| approve');
    // A supplement request waits at the same step: a loop.
    expect(text).toContain('  examine -->|"Yêu cầu bổ sung hồ sơ"| examine');
  });

  it('the JSON form has one node per step plus start and end, and one edge per action plus the entry', () => {
    const d = toDiagram(constructionPermit);
    expect(d.nodes).toHaveLength(7 + 2);
    expect(d.edges).toHaveLength(constructionPermit.actions.length + 1);
    expect(d.nodes.find((n) => n.id === 'sxdExamine')).toEqual({
      id: 'sxdExamine',
      kind: 'appraisal',
      label: { vi: 'Sở Xây dựng thẩm định thiết kế', en: 'Design appraisal at the Department' },
      role: 'specialist',
      allotted: { unit: 'workingDays', value: 5 },
      leg: 'appraisal',
    });
    expect(d.edges.find((e) => e.id === 'sendForAppraisal')).toMatchObject({ from: 'examine', to: 'sxdExamine', type: 'transfer', conditional: true });
  });
});
