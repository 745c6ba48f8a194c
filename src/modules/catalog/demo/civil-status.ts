/**
 * Civil status procedures (hộ tịch) decided by the commune People's Committee.
 * Codes are those of the National Public Service Portal as remembered; the ones marked
 * "verify" should be checked against dichvucong.gov.vn before production use.
 * Law on Civil Status art. 11: birth and death registered on time and marriage of
 * Vietnamese citizens residing in the country are free of charge.
 */
import type { Procedure } from '../domain/types.js';
import { authorization, choice, date, doc, form, formTypes, freeOnlineDaNang, idNumber, laws, phone, sex, text, count } from './parts.js';

const commune = {
  level: 'commune',
  competentAgencyType: 'peoplesCommittee:commune',
  receivingAgencies: ['peoplesCommittee:commune'],
  fieldCode: 'civilStatus',
  version: 1,
  status: 'published',
  supplementRestartsClock: false,
} satisfies Partial<Procedure>;

/** Civil status papers returned the same day, or the next working day when received after 15:00. */
const sameDay = { unit: 'sameDay', cutoffTime: '15:00' } as const;

const relationship = choice('Quan hệ với người được đăng ký', 'Relationship to the registered person', [
  ['self', 'Bản thân', 'Self'],
  ['parent', 'Cha, mẹ', 'Parent'],
  ['grandparent', 'Ông, bà', 'Grandparent'],
  ['spouse', 'Vợ, chồng', 'Spouse'],
  ['child', 'Con', 'Child'],
  ['relative', 'Người thân thích khác', 'Other relative'],
  ['other', 'Khác', 'Other'],
]);

export const birthRegistration: Procedure = {
  ...commune,
  code: '1.001193',
  name: { vi: 'Đăng ký khai sinh', en: 'Birth registration' },
  documents: [
    doc('to-khai', 'Tờ khai đăng ký khai sinh', 'Birth registration form', { types: formTypes, template: 'to-khai-dang-ky-khai-sinh.docx' }),
    doc('giay-chung-sinh', 'Giấy chứng sinh', 'Medical birth certificate', {
      note: {
        vi: 'Không có giấy chứng sinh thì nộp văn bản của người làm chứng hoặc giấy cam đoan về việc sinh.',
        en: 'Without one, a witness statement or a sworn declaration of the birth.',
      },
    }),
    authorization,
  ],
  fees: [], // free when registered on time: Law on Civil Status art. 11(1)(b)
  deadline: sameDay, // Law on Civil Status art. 16(2): immediately after receiving the papers
  onlineLevel: 'full',
  result: { name: { vi: 'Giấy khai sinh (bản chính)', en: 'Birth certificate (original)' } },
  legalBasis: [{ ...laws.civilStatusLaw, articles: 'Điều 13–17' }, laws.civilStatusDecree, laws.civilStatusCircular],
  eForm: form(
    'Tờ khai đăng ký khai sinh',
    {
      childFullName: text('Họ, chữ đệm và tên của trẻ', "Child's full name", { maxLength: 100 }),
      childDateOfBirth: date('Ngày sinh', 'Date of birth'),
      childSex: sex,
      placeOfBirth: text('Nơi sinh', 'Place of birth'),
      ethnicity: text('Dân tộc', 'Ethnicity', { maxLength: 50, default: 'Kinh' }),
      motherFullName: text('Họ, chữ đệm và tên người mẹ', "Mother's full name", { maxLength: 100 }),
      motherIdNumber: idNumber('Số định danh cá nhân của người mẹ', "Mother's identification number"),
      fatherFullName: text('Họ, chữ đệm và tên người cha', "Father's full name", { maxLength: 100 }),
      fatherIdNumber: idNumber('Số định danh cá nhân của người cha', "Father's identification number"),
      requesterRelationship: relationship,
      phone,
    },
    ['childFullName', 'childDateOfBirth', 'childSex', 'placeOfBirth', 'motherFullName', 'motherIdNumber', 'requesterRelationship', 'phone'],
  ),
  workflowKey: 'standard-one-stop',
};

export const marriageRegistration: Procedure = {
  ...commune,
  code: '1.000894',
  name: { vi: 'Đăng ký kết hôn', en: 'Marriage registration' },
  documents: [
    doc('to-khai', 'Tờ khai đăng ký kết hôn', 'Marriage registration form', { types: formTypes, template: 'to-khai-dang-ky-ket-hon.docx' }),
    doc('xac-nhan-tinh-trang-hon-nhan', 'Giấy xác nhận tình trạng hôn nhân', 'Certificate of marital status', {
      mandatory: false,
      note: {
        vi: 'Khi đăng ký tại nơi không phải nơi cư trú và không tra cứu được trong Cơ sở dữ liệu hộ tịch điện tử.',
        en: 'When registering away from the place of residence and the electronic civil status database cannot confirm it.',
      },
    }),
    doc('trich-luc-ly-hon', 'Trích lục ghi chú ly hôn (nếu đã ly hôn ở nước ngoài)', 'Extract recording a divorce abroad', { mandatory: false }),
  ],
  fees: [], // free for Vietnamese citizens residing in the country: Law on Civil Status art. 11(1)(b)
  deadline: sameDay, // Law on Civil Status art. 18(2)
  conditionalDeadlines: [
    {
      id: 'can-xac-minh',
      condition: { vi: 'Cần xác minh các điều kiện kết hôn', en: 'The conditions for marriage need verification' },
      deadline: { unit: 'workingDays', value: 5 },
    },
  ],
  onlineLevel: 'partial', // both parties must appear to sign the register
  result: { name: { vi: 'Giấy chứng nhận kết hôn', en: 'Marriage certificate' } },
  legalBasis: [{ ...laws.civilStatusLaw, articles: 'Điều 17–18' }, laws.civilStatusDecree, laws.civilStatusCircular],
  eForm: form(
    'Tờ khai đăng ký kết hôn',
    {
      groomFullName: text('Họ, chữ đệm và tên bên nam', "Groom's full name", { maxLength: 100 }),
      groomDateOfBirth: date('Ngày sinh bên nam', "Groom's date of birth"),
      groomIdNumber: idNumber('Số định danh cá nhân bên nam', "Groom's identification number"),
      brideFullName: text('Họ, chữ đệm và tên bên nữ', "Bride's full name", { maxLength: 100 }),
      brideDateOfBirth: date('Ngày sinh bên nữ', "Bride's date of birth"),
      brideIdNumber: idNumber('Số định danh cá nhân bên nữ', "Bride's identification number"),
      phone,
    },
    ['groomFullName', 'groomDateOfBirth', 'groomIdNumber', 'brideFullName', 'brideDateOfBirth', 'brideIdNumber', 'phone'],
  ),
  workflowKey: 'standard-one-stop',
};

export const deathRegistration: Procedure = {
  ...commune,
  code: '1.000656',
  name: { vi: 'Đăng ký khai tử', en: 'Death registration' },
  documents: [
    doc('to-khai', 'Tờ khai đăng ký khai tử', 'Death registration form', { types: formTypes, template: 'to-khai-dang-ky-khai-tu.docx' }),
    doc('giay-bao-tu', 'Giấy báo tử hoặc giấy tờ thay giấy báo tử', 'Death notice or a paper replacing it'),
    authorization,
  ],
  fees: [], // free when registered within 15 days of the death: Law on Civil Status art. 11, 33
  deadline: sameDay, // Law on Civil Status art. 34(2)
  conditionalDeadlines: [
    {
      id: 'can-xac-minh',
      condition: { vi: 'Cần xác minh', en: 'Verification is needed' },
      deadline: { unit: 'workingDays', value: 3 },
    },
  ],
  onlineLevel: 'full',
  result: { name: { vi: 'Trích lục khai tử', en: 'Death registration extract' } },
  legalBasis: [{ ...laws.civilStatusLaw, articles: 'Điều 32–34' }, laws.civilStatusDecree, laws.civilStatusCircular],
  eForm: form(
    'Tờ khai đăng ký khai tử',
    {
      deceasedFullName: text('Họ, chữ đệm và tên người chết', 'Full name of the deceased', { maxLength: 100 }),
      deceasedIdNumber: idNumber('Số định danh cá nhân của người chết', 'Identification number of the deceased'),
      dateOfDeath: date('Ngày chết', 'Date of death'),
      placeOfDeath: text('Nơi chết', 'Place of death'),
      causeOfDeath: text('Nguyên nhân chết', 'Cause of death', { minLength: 0 }),
      declarantFullName: text('Họ, chữ đệm và tên người đi khai tử', "Declarant's full name", { maxLength: 100 }),
      declarantRelationship: relationship,
      phone,
    },
    ['deceasedFullName', 'deceasedIdNumber', 'dateOfDeath', 'placeOfDeath', 'declarantFullName', 'declarantRelationship', 'phone'],
  ),
  workflowKey: 'standard-one-stop',
};

export const civilStatusExtractCopy: Procedure = {
  ...commune,
  code: '2.000635', // verify
  name: { vi: 'Cấp bản sao trích lục hộ tịch', en: 'Issuance of copies of civil status extracts' },
  documents: [doc('to-khai', 'Tờ khai cấp bản sao trích lục hộ tịch', 'Request form for extract copies', { types: formTypes }), authorization],
  fees: [
    {
      id: 'phi-ban-sao-trich-luc',
      category: 'fee',
      name: { vi: 'Phí cấp bản sao trích lục hộ tịch', en: 'Fee for an extract copy' },
      // 8,000 đ per copy per event: Circular 281/2016/TT-BTC (verify it is still in force).
      rule: { kind: 'perUnit', field: 'copies', unitAmount: 8_000 },
      legalBasis: 'Thông tư 281/2016/TT-BTC',
    },
  ],
  deadline: sameDay, // Decree 123/2015/NĐ-CP: same day; after 15:00, the next working day
  onlineLevel: 'full',
  result: { name: { vi: 'Bản sao trích lục hộ tịch', en: 'Copy of the civil status extract' } },
  legalBasis: [{ ...laws.civilStatusLaw, articles: 'Điều 63–64' }, laws.civilStatusDecree],
  eForm: form(
    'Tờ khai cấp bản sao trích lục hộ tịch',
    {
      eventType: choice('Loại việc hộ tịch', 'Civil status event', [
        ['birth', 'Khai sinh', 'Birth'],
        ['marriage', 'Kết hôn', 'Marriage'],
        ['death', 'Khai tử', 'Death'],
        ['change', 'Thay đổi, cải chính hộ tịch', 'Change or correction'],
        ['other', 'Việc hộ tịch khác', 'Other'],
      ]),
      subjectFullName: text('Họ, chữ đệm và tên người được cấp trích lục', 'Full name on the record', { maxLength: 100 }),
      subjectDateOfBirth: date('Ngày sinh', 'Date of birth'),
      registrationNumber: text('Số đăng ký (nếu biết)', 'Registration number (if known)', { minLength: 0, maxLength: 50 }),
      copies: count('Số bản sao đề nghị cấp', 'Number of copies', 1, 20),
      requesterRelationship: relationship,
      phone,
    },
    ['eventType', 'subjectFullName', 'subjectDateOfBirth', 'copies', 'requesterRelationship', 'phone'],
  ),
  workflowKey: 'standard-one-stop',
};

export const civilStatusChange: Procedure = {
  ...commune,
  code: '1.004859', // verify
  name: { vi: 'Đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch', en: 'Change, correction or supplement of civil status details' },
  documents: [
    doc('to-khai', 'Tờ khai đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch', 'Request form', { types: formTypes }),
    doc('giay-to-ho-tich', 'Giấy tờ hộ tịch đã cấp cần thay đổi, cải chính', 'The civil status paper to change'),
    doc('giay-to-lam-can-cu', 'Giấy tờ làm căn cứ thay đổi, cải chính, bổ sung', 'Papers supporting the request', { originals: 0, copies: 1 }),
    authorization,
  ],
  fees: [
    {
      id: 'le-phi-thay-doi-cai-chinh',
      category: 'charge',
      name: { vi: 'Lệ phí thay đổi, cải chính, bổ sung hộ tịch', en: 'Charge for changing civil status details' },
      rule: { kind: 'fixed', amount: 15_000 }, // illustrative: the Da Nang People's Council sets the amount
      exemptions: [freeOnlineDaNang],
    },
  ],
  deadline: { unit: 'workingDays', value: 3 }, // Law on Civil Status art. 28(2)
  conditionalDeadlines: [
    {
      id: 'can-xac-minh',
      condition: { vi: 'Cần xác minh (kéo dài thêm 03 ngày làm việc)', en: 'Verification needed (3 more working days)' },
      deadline: { unit: 'workingDays', value: 6 },
    },
  ],
  onlineLevel: 'full',
  result: { name: { vi: 'Trích lục thay đổi, cải chính, bổ sung thông tin hộ tịch', en: 'Extract of the change or correction' } },
  legalBasis: [{ ...laws.civilStatusLaw, articles: 'Điều 26–29' }, laws.civilStatusDecree, laws.civilStatusCircular, laws.danangOnlineZero],
  eForm: form(
    'Tờ khai đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch',
    {
      requestType: choice('Loại yêu cầu', 'Kind of request', [
        ['change', 'Thay đổi', 'Change'],
        ['correction', 'Cải chính', 'Correction'],
        ['supplement', 'Bổ sung', 'Supplement'],
      ]),
      subjectFullName: text('Họ, chữ đệm và tên người có thông tin cần thay đổi', 'Full name of the person concerned', { maxLength: 100 }),
      subjectIdNumber: idNumber(),
      currentContent: text('Nội dung hiện tại', 'Current content', { maxLength: 500 }),
      requestedContent: text('Nội dung đề nghị', 'Requested content', { maxLength: 500 }),
      reason: text('Lý do', 'Reason', { maxLength: 1000 }),
      phone,
    },
    ['requestType', 'subjectFullName', 'subjectIdNumber', 'currentContent', 'requestedContent', 'reason', 'phone'],
  ),
  workflowKey: 'standard-one-stop',
};

export const maritalStatusCertificate: Procedure = {
  ...commune,
  code: '1.004873', // verify
  name: { vi: 'Cấp Giấy xác nhận tình trạng hôn nhân', en: 'Certificate of marital status' },
  documents: [doc('to-khai', 'Tờ khai cấp Giấy xác nhận tình trạng hôn nhân', 'Request form', { types: formTypes }), authorization],
  fees: [
    {
      id: 'le-phi-xac-nhan',
      category: 'charge',
      name: { vi: 'Lệ phí cấp Giấy xác nhận tình trạng hôn nhân', en: 'Charge for the certificate' },
      rule: { kind: 'fixed', amount: 15_000 }, // illustrative: set by the Da Nang People's Council
      exemptions: [freeOnlineDaNang],
    },
  ],
  deadline: { unit: 'workingDays', value: 3 }, // Decree 123/2015/NĐ-CP art. 22
  onlineLevel: 'full',
  result: { name: { vi: 'Giấy xác nhận tình trạng hôn nhân', en: 'Certificate of marital status' } },
  legalBasis: [laws.civilStatusLaw, { ...laws.civilStatusDecree, articles: 'Điều 21–23' }, laws.danangOnlineZero],
  eForm: form(
    'Tờ khai cấp Giấy xác nhận tình trạng hôn nhân',
    {
      fullName: text('Họ, chữ đệm và tên', 'Full name', { maxLength: 100 }),
      dateOfBirth: date('Ngày sinh', 'Date of birth'),
      idNumber: idNumber(),
      maritalStatus: choice('Tình trạng hôn nhân', 'Marital status', [
        ['single', 'Chưa đăng ký kết hôn với ai', 'Never married'],
        ['divorced', 'Đã ly hôn', 'Divorced'],
        ['widowed', 'Vợ/chồng đã chết', 'Widowed'],
        ['married', 'Đang có vợ/chồng', 'Married'],
      ]),
      purpose: text('Mục đích sử dụng', 'Purpose', { maxLength: 500 }),
      phone,
    },
    ['fullName', 'dateOfBirth', 'idNumber', 'maritalStatus', 'purpose', 'phone'],
  ),
  workflowKey: 'standard-one-stop',
};
