/**
 * Judicial-record certificates (Department of Justice), residence registration and identity
 * cards (police). Deadlines are the statutory ones; amounts carry their source or are
 * marked illustrative.
 */
import type { FeeExemption, Procedure } from '../domain/types.js';
import { authorization, choice, count, date, doc, form, formTypes, idNumber, laws, phone, sex, text } from './parts.js';

const shared = { version: 1, status: 'published', supplementRestartsClock: false } satisfies Partial<Procedure>;

export const judicialRecordCertificate: Procedure = {
  ...shared,
  code: '2.000505', // illustrative: check the national code of this procedure
  name: {
    vi: 'Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam',
    en: 'Criminal record certificate for Vietnamese citizens and foreigners residing in Viet Nam',
  },
  fieldCode: 'judicialRecord',
  level: 'province',
  competentAgencyType: 'department:justice',
  receivingAgencies: ['department:justice', 'publicServiceCentre:province'],
  documents: [
    doc('to-khai', 'Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp', 'Request form', { types: formTypes, template: 'to-khai-ly-lich-tu-phap.docx' }),
    doc('giay-to-mien-giam', 'Giấy tờ chứng minh thuộc đối tượng được miễn, giảm phí', 'Proof of entitlement to a fee exemption or reduction', {
      originals: 0,
      copies: 1,
      mandatory: false,
    }),
    { ...authorization, note: { vi: 'Không áp dụng với Phiếu số 2.', en: 'Not allowed for certificate no. 2.' } },
  ],
  fees: [
    {
      id: 'phi-ly-lich-tu-phap',
      category: 'fee',
      name: { vi: 'Phí cung cấp thông tin lý lịch tư pháp', en: 'Fee for judicial record information' },
      // 200,000 đ; 100,000 đ for students and people with meritorious services (Circular
      // 244/2016/TT-BTC art. 4). Circular 16/2025/TT-BTC replaced it: verify the amounts.
      rule: { kind: 'fixed', amount: 200_000 },
      exemptions: [
        {
          id: 'giam-sinh-vien-nguoi-co-cong',
          reason: { vi: 'Sinh viên, người có công với cách mạng, thân nhân liệt sĩ: 100.000 đồng', en: 'Students, people with meritorious services, relatives of martyrs: 100,000 đồng' },
          when: { kind: 'fieldIn', field: 'applicantCategory', values: ['student', 'meritorious'] },
          effect: { kind: 'percent', payPercent: 50 },
        },
        {
          id: 'mien-phi',
          reason: { vi: 'Trẻ em, người cao tuổi, người khuyết tật, người thuộc hộ nghèo: miễn phí', en: 'Children, the elderly, people with disabilities, poor households: free' },
          when: { kind: 'fieldIn', field: 'applicantCategory', values: ['child', 'elderly', 'disabled', 'poorHousehold'] },
          effect: { kind: 'percent', payPercent: 0 },
        },
      ],
      legalBasis: 'Thông tư 244/2016/TT-BTC; Thông tư 16/2025/TT-BTC',
    },
    {
      id: 'phi-phieu-tu-thu-ba',
      category: 'fee',
      name: { vi: 'Phí in Phiếu từ Phiếu thứ 3 trở đi', en: 'Printing fee from the third certificate' },
      // Two certificates per request are included; each further one costs 5,000 đ.
      rule: {
        kind: 'tiered',
        field: 'copies',
        tiers: [
          { upTo: 2, unitAmount: 0 },
          { upTo: null, unitAmount: 5_000 },
        ],
      },
      legalBasis: 'Thông tư 244/2016/TT-BTC',
    },
  ],
  deadline: { unit: 'workingDays', value: 10 }, // Law on Judicial Records 2009 art. 48(1): within 10 days
  conditionalDeadlines: [
    {
      id: 'nhieu-noi-cu-tru',
      condition: { vi: 'Người đã cư trú ở nhiều nơi, người nước ngoài, hoặc cần xác minh', en: 'Lived in several places, foreigner, or verification needed' },
      deadline: { unit: 'workingDays', value: 15 },
    },
  ],
  onlineLevel: 'full',
  result: { name: { vi: 'Phiếu lý lịch tư pháp', en: 'Criminal record certificate' } },
  legalBasis: [
    { number: '28/2009/QH12', title: { vi: 'Luật Lý lịch tư pháp', en: 'Law on Judicial Records' }, issuedOn: '2009-06-17', articles: 'Điều 44–48' },
    { number: '16/2025/TT-BTC', title: { vi: 'Thông tư quy định mức thu phí cung cấp thông tin lý lịch tư pháp', en: 'Circular on judicial record fees' } },
  ],
  eForm: form(
    'Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp',
    {
      fullName: text('Họ, chữ đệm và tên', 'Full name', { maxLength: 100 }),
      dateOfBirth: date('Ngày sinh', 'Date of birth'),
      sex,
      idNumber: idNumber(),
      permanentAddress: text('Nơi thường trú', 'Permanent residence', { maxLength: 500 }),
      certificateType: choice('Loại Phiếu', 'Certificate type', [
        ['1', 'Phiếu lý lịch tư pháp số 1', 'Certificate no. 1'],
        ['2', 'Phiếu lý lịch tư pháp số 2', 'Certificate no. 2'],
      ]),
      purpose: text('Mục đích sử dụng', 'Purpose', { maxLength: 500 }),
      copies: count('Số lượng Phiếu', 'Number of certificates', 1, 10),
      applicantCategory: choice('Đối tượng', 'Applicant category', [
        ['standard', 'Thông thường', 'Standard'],
        ['student', 'Sinh viên', 'Student'],
        ['meritorious', 'Người có công, thân nhân liệt sĩ', 'Person with meritorious services or relative of a martyr'],
        ['child', 'Trẻ em', 'Child'],
        ['elderly', 'Người cao tuổi', 'Elderly person'],
        ['disabled', 'Người khuyết tật', 'Person with a disability'],
        ['poorHousehold', 'Người thuộc hộ nghèo', 'Member of a poor household'],
      ]),
      phone,
    },
    ['fullName', 'dateOfBirth', 'sex', 'idNumber', 'permanentAddress', 'certificateType', 'purpose', 'copies', 'applicantCategory', 'phone'],
  ),
  workflowKey: 'standard-one-stop',
};

/** Circular 75/2022/TT-BTC: online filings pay a lower, set amount. */
function onlineRate(amount: number): FeeExemption {
  // Vietnamese groups thousands with dots; written out so the text does not depend on ICU data.
  const vi = String(amount).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return {
    id: 'nop-truc-tuyen',
    reason: { vi: `Nộp qua Cổng dịch vụ công: ${vi} đồng`, en: `Filed through the public service portal: ${amount} đồng` },
    when: { kind: 'channel', channels: ['online'] },
    effect: { kind: 'amount', amount },
    legalBasis: 'Thông tư 75/2022/TT-BTC',
  };
}

const policeCommune = {
  ...shared,
  fieldCode: 'residence',
  level: 'commune',
  competentAgencyType: 'police:commune',
  receivingAgencies: ['police:commune'],
  onlineLevel: 'full',
  workflowKey: 'standard-one-stop',
} satisfies Partial<Procedure>;

const residenceForm = (title: string) =>
  form(
    title,
    {
      fullName: text('Họ, chữ đệm và tên', 'Full name', { maxLength: 100 }),
      idNumber: idNumber(),
      address: text('Địa chỉ đề nghị đăng ký', 'Address to register', { maxLength: 500 }),
      residenceBasis: choice('Chỗ ở hợp pháp', 'Lawful residence', [
        ['owned', 'Nhà thuộc sở hữu của mình', 'Own home'],
        ['rented', 'Thuê, mượn, ở nhờ', 'Rented or borrowed'],
        ['relative', 'Về ở với người thân', 'Living with relatives'],
      ]),
      householdHeadFullName: text('Họ và tên chủ hộ', 'Head of household', { minLength: 0, maxLength: 100 }),
      relationshipToHead: text('Quan hệ với chủ hộ', 'Relationship to the head of household', { minLength: 0, maxLength: 50 }),
      phone,
    },
    ['fullName', 'idNumber', 'address', 'residenceBasis', 'phone'],
  );

const residenceDocuments = [
  doc('to-khai-ct01', 'Tờ khai thay đổi thông tin cư trú (Mẫu CT01)', 'Residence information change form (CT01)', { types: formTypes, template: 'CT01.docx' }),
  doc('cho-o-hop-phap', 'Giấy tờ, tài liệu chứng minh chỗ ở hợp pháp', 'Proof of lawful residence', { originals: 0, copies: 1 }),
  doc('y-kien-chu-ho', 'Ý kiến đồng ý của chủ hộ, chủ sở hữu chỗ ở', 'Consent of the head of household or owner', {
    mandatory: false,
    note: { vi: 'Khi đăng ký vào chỗ ở không thuộc sở hữu của mình.', en: 'When registering at a home one does not own.' },
  }),
];

export const permanentResidence: Procedure = {
  ...policeCommune,
  code: '1.004194', // verify
  name: { vi: 'Đăng ký thường trú', en: 'Permanent residence registration' },
  documents: residenceDocuments,
  fees: [
    {
      id: 'le-phi-thuong-tru',
      category: 'charge',
      name: { vi: 'Lệ phí đăng ký thường trú', en: 'Permanent residence registration charge' },
      rule: { kind: 'fixed', amount: 20_000 },
      exemptions: [onlineRate(10_000)],
      legalBasis: 'Thông tư 75/2022/TT-BTC',
    },
  ],
  deadline: { unit: 'workingDays', value: 7 }, // Law on Residence art. 22(3)
  result: { name: { vi: 'Thông tin thường trú được cập nhật vào Cơ sở dữ liệu về cư trú', en: 'Permanent residence recorded in the residence database' } },
  legalBasis: [{ ...laws.residenceLaw, articles: 'Điều 20–22' }, laws.residenceFees],
  eForm: residenceForm('Đăng ký thường trú'),
};

export const temporaryResidence: Procedure = {
  ...policeCommune,
  code: '1.004222', // illustrative: check the national code of this procedure
  name: { vi: 'Đăng ký tạm trú', en: 'Temporary residence registration' },
  documents: residenceDocuments,
  fees: [
    {
      id: 'le-phi-tam-tru',
      category: 'charge',
      name: { vi: 'Lệ phí đăng ký tạm trú', en: 'Temporary residence registration charge' },
      rule: { kind: 'fixed', amount: 15_000 },
      exemptions: [onlineRate(7_000)],
      legalBasis: 'Thông tư 75/2022/TT-BTC',
    },
  ],
  deadline: { unit: 'workingDays', value: 3 }, // Law on Residence art. 28(3)
  result: { name: { vi: 'Thông tin tạm trú được cập nhật vào Cơ sở dữ liệu về cư trú', en: 'Temporary residence recorded in the residence database' } },
  legalBasis: [{ ...laws.residenceLaw, articles: 'Điều 27–28' }, laws.residenceFees],
  eForm: residenceForm('Đăng ký tạm trú'),
};

export const identityCardRenewal: Procedure = {
  ...shared,
  code: '1.012345', // illustrative: not a real national code
  name: { vi: 'Cấp đổi, cấp lại thẻ căn cước', en: 'Renewal or replacement of the identity card' },
  fieldCode: 'identity',
  level: 'province',
  competentAgencyType: 'police:province',
  receivingAgencies: ['police:province', 'police:commune'],
  documents: [
    doc('the-cu', 'Thẻ căn cước, thẻ căn cước công dân đang sử dụng', 'The current card', {
      mandatory: false,
      note: { vi: 'Nộp lại khi cấp đổi; không có khi bị mất.', en: 'Handed in on renewal; absent when lost.' },
    }),
  ],
  fees: [
    // Amounts illustrative, following the former citizen-ID charges (Circular 59/2019/TT-BTC);
    // check Circular 73/2024/TT-BTC for the identity card. Renewal at the ages set by law is free.
    {
      id: 'le-phi-cap-doi',
      category: 'charge',
      name: { vi: 'Lệ phí cấp đổi thẻ căn cước', en: 'Identity card renewal charge' },
      rule: { kind: 'fixed', amount: 50_000 },
      appliesWhen: { kind: 'fieldIn', field: 'reason', values: ['damaged', 'detailsChanged'] },
    },
    {
      id: 'le-phi-cap-lai',
      category: 'charge',
      name: { vi: 'Lệ phí cấp lại thẻ căn cước', en: 'Identity card replacement charge' },
      rule: { kind: 'fixed', amount: 70_000 },
      appliesWhen: { kind: 'fieldEquals', field: 'reason', value: 'lost' },
    },
  ],
  deadline: { unit: 'workingDays', value: 7 }, // Law on Identification 2023 art. 26
  onlineLevel: 'partial', // fingerprints, face and iris are captured in person
  result: { name: { vi: 'Thẻ căn cước', en: 'Identity card' } },
  legalBasis: [{ number: '26/2023/QH15', title: { vi: 'Luật Căn cước', en: 'Law on Identification' }, issuedOn: '2023-11-27', articles: 'Điều 24–26' }],
  eForm: form(
    'Đề nghị cấp đổi, cấp lại thẻ căn cước',
    {
      fullName: text('Họ, chữ đệm và tên', 'Full name', { maxLength: 100 }),
      idNumber: idNumber(),
      dateOfBirth: date('Ngày sinh', 'Date of birth'),
      reason: choice('Lý do', 'Reason', [
        ['ageMilestone', 'Đủ tuổi phải đổi thẻ (14, 25, 40, 60)', 'Age milestone (14, 25, 40, 60)'],
        ['damaged', 'Thẻ bị hư hỏng', 'Card damaged'],
        ['detailsChanged', 'Thay đổi thông tin', 'Details changed'],
        ['lost', 'Bị mất thẻ', 'Card lost'],
      ]),
      phone,
    },
    ['fullName', 'idNumber', 'dateOfBirth', 'reason', 'phone'],
  ),
  workflowKey: 'standard-one-stop',
};
