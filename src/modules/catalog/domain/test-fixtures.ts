/**
 * A small, valid procedure for the domain tests: certification of copies, whose fee rule
 * (Circular 226/2016/TT-BTC) exercises tiers, a ceiling, per-item lines and quantities.
 */
import type { Procedure } from './types.js';

/** Returns a fresh copy each call, so tests can mutate it freely. */
export function sampleProcedure(): Procedure {
  return {
    code: '2.000908',
    version: 1,
    status: 'published',
    name: { vi: 'Chứng thực bản sao từ bản chính', en: 'Certification of copies from originals' },
    fieldCode: 'certification',
    level: 'commune',
    competentAgencyType: 'peoplesCommittee:commune',
    receivingAgencies: ['peoplesCommittee:commune'],
    documents: [
      {
        id: 'ban-chinh',
        name: { vi: 'Bản chính giấy tờ', en: 'Original paper' },
        originals: 1,
        copies: 0,
        mandatory: true,
        acceptedMimeTypes: ['application/pdf', 'image/jpeg'],
        maxSizeBytes: 10_485_760,
      },
      {
        id: 'ban-sao',
        name: { vi: 'Bản sao', en: 'Copy' },
        originals: 0,
        copies: 1,
        mandatory: false,
        acceptedMimeTypes: ['application/pdf'],
        maxSizeBytes: 5_242_880,
        templateFile: 'mau-ban-sao.docx',
        note: { vi: 'Nếu có', en: 'If any' },
      },
    ],
    fees: [
      {
        id: 'phi-chung-thuc',
        category: 'fee',
        name: { vi: 'Phí chứng thực bản sao', en: 'Copy certification fee' },
        rule: {
          kind: 'tiered',
          field: 'pages',
          tiers: [
            { upTo: 2, unitAmount: 2_000 },
            { upTo: null, unitAmount: 1_000 },
          ],
          max: 200_000,
        },
        forEachItemOf: 'papers',
        quantityField: 'copies',
        exemptions: [
          {
            id: 'ho-ngheo',
            reason: { vi: 'Hộ nghèo', en: 'Poor household' },
            when: { kind: 'fieldEquals', field: 'category', value: 'poor' },
            effect: { kind: 'percent', payPercent: 0 },
          },
        ],
      },
    ],
    deadline: { unit: 'sameDay', cutoffTime: '15:00' },
    conditionalDeadlines: [
      { id: 'nhieu-ban', condition: { vi: 'Nhiều bản', en: 'Many copies' }, deadline: { unit: 'workingDays', value: 2 } },
    ],
    onlineLevel: 'partial',
    result: { name: { vi: 'Bản sao có chứng thực', en: 'Certified copy' } },
    legalBasis: [{ number: '23/2015/NĐ-CP', title: { vi: 'Nghị định về chứng thực', en: 'Decree on certification' }, issuedOn: '2015-02-16' }],
    eForm: {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      type: 'object',
      title: 'Yêu cầu chứng thực',
      properties: {
        fullName: { type: 'string', title: 'Họ, chữ đệm và tên', 'x-title-en': 'Full name', minLength: 1, maxLength: 100 },
        idNumber: {
          type: 'string',
          title: 'Số định danh cá nhân',
          'x-title-en': 'Personal identification number',
          pattern: '^[0-9]{12}$',
          'x-pattern-message': { vi: 'phải gồm đúng 12 chữ số.', en: 'must be exactly 12 digits.' },
        },
        birthDate: { type: 'string', format: 'date', title: 'Ngày sinh', 'x-title-en': 'Date of birth' },
        email: { type: 'string', format: 'email', title: 'Thư điện tử', 'x-title-en': 'E-mail' },
        sex: {
          type: 'string',
          title: 'Giới tính',
          'x-title-en': 'Sex',
          oneOf: [
            { const: 'male', title: 'Nam', 'x-title-en': 'Male' },
            { const: 'female', title: 'Nữ', 'x-title-en': 'Female' },
          ],
        },
        category: { type: 'string', title: 'Đối tượng', enum: ['standard', 'poor'] },
        papers: {
          type: 'array',
          title: 'Giấy tờ',
          'x-title-en': 'Papers',
          minItems: 1,
          items: {
            type: 'object',
            properties: {
              paperName: { type: 'string', title: 'Tên giấy tờ', 'x-title-en': 'Name of the paper', minLength: 1 },
              pages: { type: 'integer', title: 'Số trang', 'x-title-en': 'Pages', minimum: 1 },
              copies: { type: 'integer', title: 'Số bản sao', 'x-title-en': 'Copies', minimum: 1, maximum: 100 },
            },
            required: ['paperName', 'pages', 'copies'],
            additionalProperties: false,
          },
        },
      },
      required: ['fullName', 'idNumber', 'papers'],
      additionalProperties: false,
    },
    workflowKey: 'same-day-certification',
    supplementRestartsClock: false,
  };
}
