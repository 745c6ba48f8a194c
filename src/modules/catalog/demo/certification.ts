/**
 * Certification procedures (chứng thực) at the commune People's Committee, under Decree
 * 23/2015/NĐ-CP (as amended) with fees from Circular 226/2016/TT-BTC.
 */
import type { Procedure } from '../domain/types.js';
import { authorization, choice, count, doc, form, idNumber, laws, phone, scanTypes, text } from './parts.js';

const commune = {
  level: 'commune',
  competentAgencyType: 'peoplesCommittee:commune',
  receivingAgencies: ['peoplesCommittee:commune'],
  fieldCode: 'certification',
  version: 1,
  status: 'published',
  supplementRestartsClock: false,
  onlineLevel: 'partial', // the original, or the signer in person, must be seen at the counter
} satisfies Partial<Procedure>;

/** Decree 23/2015/NĐ-CP art. 7: same day; a request received after 15:00 is done the next working day. */
const sameDay = { unit: 'sameDay', cutoffTime: '15:00' } as const;

export const certifiedCopy: Procedure = {
  ...commune,
  code: '2.000908', // verify
  name: {
    vi: 'Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan, tổ chức có thẩm quyền của Việt Nam cấp hoặc chứng nhận',
    en: 'Certification of copies from originals issued or certified by Vietnamese authorities',
  },
  documents: [
    doc('ban-chinh', 'Bản chính giấy tờ, văn bản làm cơ sở để chứng thực bản sao', 'The original paper', {
      note: { vi: 'Xuất trình tại bộ phận một cửa.', en: 'Shown at the counter.' },
    }),
    doc('ban-sao', 'Bản sao cần chứng thực', 'The copies to certify', {
      originals: 0,
      copies: 1,
      mandatory: false,
      note: { vi: 'Nếu không mang bản sao, cơ quan chụp từ bản chính.', en: 'Without copies, the office copies the original.' },
    }),
  ],
  fees: [
    {
      id: 'phi-chung-thuc-ban-sao',
      category: 'fee',
      name: { vi: 'Phí chứng thực bản sao từ bản chính', en: 'Fee for certifying a copy' },
      // Circular 226/2016/TT-BTC art. 4: 2,000 đ/page for pages 1–2, 1,000 đ/page from page 3,
      // at most 200,000 đ per copy; pages are counted on the original.
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
      legalBasis: 'Thông tư 226/2016/TT-BTC',
    },
  ],
  deadline: sameDay,
  result: { name: { vi: 'Bản sao được chứng thực từ bản chính', en: 'Certified copy' } },
  legalBasis: [{ ...laws.certificationDecree, articles: 'Điều 7, 18–21' }, laws.certificationFees],
  eForm: form(
    'Yêu cầu chứng thực bản sao từ bản chính',
    {
      requesterFullName: text('Họ, chữ đệm và tên người yêu cầu', "Requester's full name", { maxLength: 100 }),
      requesterIdNumber: idNumber(),
      papers: {
        type: 'array',
        title: 'Giấy tờ cần chứng thực',
        'x-title-en': 'Papers to certify',
        minItems: 1,
        maxItems: 50,
        items: {
          type: 'object',
          title: 'Giấy tờ',
          'x-title-en': 'Paper',
          properties: {
            paperName: text('Tên giấy tờ', 'Name of the paper'),
            pages: count('Số trang của bản chính', 'Pages of the original', 1, 1000),
            copies: count('Số bản sao cần chứng thực', 'Number of certified copies', 1, 100),
          },
          required: ['paperName', 'pages', 'copies'],
          additionalProperties: false,
        },
      },
      phone,
    },
    ['requesterFullName', 'requesterIdNumber', 'papers'],
  ),
  workflowKey: 'same-day-certification',
};

export const signatureCertification: Procedure = {
  ...commune,
  code: '2.000884', // verify
  name: { vi: 'Chứng thực chữ ký trong các giấy tờ, văn bản', en: 'Certification of signatures on papers' },
  documents: [
    doc('giay-to-can-chung-thuc', 'Giấy tờ, văn bản sẽ ký', 'The paper to be signed', {
      note: { vi: 'Người yêu cầu phải ký trước mặt người thực hiện chứng thực.', en: 'The signer must sign in front of the certifying officer.' },
    }),
  ],
  fees: [
    {
      id: 'phi-chung-thuc-chu-ky',
      category: 'fee',
      name: { vi: 'Phí chứng thực chữ ký', en: 'Fee for certifying a signature' },
      rule: { kind: 'fixed', amount: 10_000 }, // Circular 226/2016/TT-BTC: 10,000 đ per case
      legalBasis: 'Thông tư 226/2016/TT-BTC',
    },
  ],
  deadline: sameDay,
  result: { name: { vi: 'Giấy tờ, văn bản đã được chứng thực chữ ký', en: 'Paper with certified signature' } },
  legalBasis: [{ ...laws.certificationDecree, articles: 'Điều 7, 23–26' }, laws.certificationFees],
  eForm: form(
    'Yêu cầu chứng thực chữ ký',
    {
      signerFullName: text('Họ, chữ đệm và tên người ký', "Signer's full name", { maxLength: 100 }),
      signerIdNumber: idNumber(),
      paperTitle: text('Tên giấy tờ, văn bản', 'Title of the paper'),
      language: choice('Ngôn ngữ của giấy tờ', 'Language of the paper', [
        ['vi', 'Tiếng Việt', 'Vietnamese'],
        ['bilingual', 'Song ngữ', 'Bilingual'],
      ]),
      phone,
    },
    ['signerFullName', 'signerIdNumber', 'paperTitle', 'language'],
  ),
  workflowKey: 'same-day-certification',
};

export const contractCertification: Procedure = {
  ...commune,
  code: '2.001035', // illustrative: check the national code of this procedure
  name: {
    vi: 'Chứng thực hợp đồng, giao dịch liên quan đến tài sản là động sản, quyền sử dụng đất và nhà ở',
    en: 'Certification of contracts on movable property, land use rights and houses',
  },
  documents: [
    doc('du-thao-hop-dong', 'Dự thảo hợp đồng, giao dịch', 'Draft contract', { types: [...scanTypes, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'] }),
    doc('giay-to-tai-san', 'Giấy chứng nhận quyền sở hữu, quyền sử dụng tài sản', 'Title to the property', { originals: 0, copies: 1 }),
    authorization,
  ],
  fees: [
    {
      id: 'phi-chung-thuc-hop-dong',
      category: 'fee',
      name: { vi: 'Phí chứng thực hợp đồng, giao dịch', en: 'Fee for certifying a contract' },
      rule: { kind: 'fixed', amount: 50_000 }, // Circular 226/2016/TT-BTC: 50,000 đ per contract
      legalBasis: 'Thông tư 226/2016/TT-BTC',
    },
  ],
  deadline: { unit: 'workingDays', value: 2 }, // Decree 23/2015/NĐ-CP art. 37: within 2 working days
  result: { name: { vi: 'Hợp đồng, giao dịch được chứng thực', en: 'Certified contract' } },
  legalBasis: [{ ...laws.certificationDecree, articles: 'Điều 35–37' }, laws.certificationFees],
  eForm: form(
    'Yêu cầu chứng thực hợp đồng, giao dịch',
    {
      contractType: choice('Loại hợp đồng', 'Kind of contract', [
        ['landTransfer', 'Chuyển nhượng quyền sử dụng đất', 'Transfer of land use rights'],
        ['gift', 'Tặng cho', 'Gift'],
        ['mortgage', 'Thế chấp', 'Mortgage'],
        ['lease', 'Thuê, mượn nhà ở', 'Lease of a house'],
        ['movable', 'Hợp đồng về động sản', 'Contract on movable property'],
      ]),
      partyAFullName: text('Bên A (họ và tên)', 'Party A (full name)', { maxLength: 100 }),
      partyAIdNumber: idNumber('Số định danh cá nhân bên A', 'Party A identification number'),
      partyBFullName: text('Bên B (họ và tên)', 'Party B (full name)', { maxLength: 100 }),
      partyBIdNumber: idNumber('Số định danh cá nhân bên B', 'Party B identification number'),
      propertyDescription: text('Tài sản', 'Property', { maxLength: 1000 }),
      phone,
    },
    ['contractType', 'partyAFullName', 'partyAIdNumber', 'partyBFullName', 'partyBIdNumber', 'propertyDescription', 'phone'],
  ),
  workflowKey: 'standard-one-stop',
};
