/**
 * Procedures businesses meet: household business and enterprise registration, food safety
 * certificates and alcohol retail licences.
 */
import type { Procedure } from '../domain/types.js';
import { authorization, choice, count, doc, email, form, formTypes, freeOnlineDaNang, idNumber, phone, taxCode, text } from './parts.js';

const businessRegistrationDecree = {
  number: '168/2025/NĐ-CP',
  title: { vi: 'Nghị định về đăng ký doanh nghiệp', en: 'Decree on enterprise registration' },
};

const businessLines = text('Ngành, nghề kinh doanh', 'Lines of business', { maxLength: 1000 });

export const householdBusinessRegistration: Procedure = {
  code: '2.000720', // verify
  version: 1,
  status: 'published',
  name: { vi: 'Đăng ký thành lập hộ kinh doanh', en: 'Household business registration' },
  fieldCode: 'householdBusiness',
  level: 'commune',
  competentAgencyType: 'peoplesCommittee:commune',
  receivingAgencies: ['peoplesCommittee:commune'],
  documents: [
    doc('giay-de-nghi', 'Giấy đề nghị đăng ký hộ kinh doanh', 'Household business registration application', { types: formTypes, template: 'giay-de-nghi-dang-ky-ho-kinh-doanh.docx' }),
    doc('bien-ban-hop', 'Biên bản họp thành viên hộ gia đình về việc thành lập hộ kinh doanh', 'Minutes of the family members’ meeting', {
      mandatory: false,
      note: { vi: 'Khi các thành viên hộ gia đình cùng đăng ký hộ kinh doanh.', en: 'When family members register the business together.' },
    }),
    authorization,
  ],
  fees: [
    {
      id: 'le-phi-dang-ky-ho-kinh-doanh',
      category: 'charge',
      name: { vi: 'Lệ phí đăng ký hộ kinh doanh', en: 'Household business registration charge' },
      rule: { kind: 'fixed', amount: 100_000 }, // illustrative: set by the Da Nang People's Council
      exemptions: [freeOnlineDaNang],
    },
  ],
  deadline: { unit: 'workingDays', value: 3 }, // Decree 168/2025/NĐ-CP (formerly Decree 01/2021/NĐ-CP art. 87)
  onlineLevel: 'full',
  result: { name: { vi: 'Giấy chứng nhận đăng ký hộ kinh doanh', en: 'Household business registration certificate' } },
  legalBasis: [businessRegistrationDecree],
  eForm: form(
    'Giấy đề nghị đăng ký hộ kinh doanh',
    {
      businessName: text('Tên hộ kinh doanh', 'Business name', { maxLength: 200 }),
      ownerFullName: text('Họ và tên chủ hộ kinh doanh', 'Owner', { maxLength: 100 }),
      ownerIdNumber: idNumber(),
      businessAddress: text('Địa điểm kinh doanh', 'Business address', { maxLength: 500 }),
      businessLines,
      capital: count('Vốn kinh doanh (đồng)', 'Capital (VND)', 0, 1_000_000_000_000),
      employees: count('Số lao động', 'Number of workers', 0, 1000),
      phone,
      email,
    },
    ['businessName', 'ownerFullName', 'ownerIdNumber', 'businessAddress', 'businessLines', 'capital', 'phone'],
  ),
  workflowKey: 'standard-one-stop',
  supplementRestartsClock: false,
};

export const singleMemberCompanyRegistration: Procedure = {
  code: '2.001610', // illustrative: check the national code of this procedure
  version: 1,
  status: 'published',
  name: { vi: 'Đăng ký thành lập công ty trách nhiệm hữu hạn một thành viên', en: 'Registration of a single-member limited liability company' },
  fieldCode: 'businessRegistration',
  level: 'province',
  // The business registration office belongs to the Department of Finance since the
  // Department of Planning and Investment merged into it in 03/2025.
  competentAgencyType: 'department:finance',
  receivingAgencies: ['department:finance', 'publicServiceCentre:province'],
  documents: [
    doc('giay-de-nghi', 'Giấy đề nghị đăng ký doanh nghiệp', 'Enterprise registration application', { types: formTypes, template: 'giay-de-nghi-dang-ky-doanh-nghiep.docx' }),
    doc('dieu-le', 'Điều lệ công ty', 'Company charter', { types: formTypes }),
    doc('giay-to-chu-so-huu', 'Bản sao giấy tờ pháp lý của chủ sở hữu (khi chủ sở hữu là tổ chức)', 'Legal papers of the owner (when the owner is an organisation)', {
      originals: 0,
      copies: 1,
      mandatory: false,
    }),
    authorization,
  ],
  fees: [
    {
      id: 'le-phi-dang-ky-doanh-nghiep',
      category: 'charge',
      name: { vi: 'Lệ phí đăng ký doanh nghiệp', en: 'Enterprise registration charge' },
      rule: { kind: 'fixed', amount: 50_000 }, // Circular 47/2019/TT-BTC
      exemptions: [
        {
          id: 'dang-ky-qua-mang',
          reason: { vi: 'Đăng ký qua mạng thông tin điện tử: miễn lệ phí', en: 'Registered online: exempt' },
          when: { kind: 'channel', channels: ['online'] },
          effect: { kind: 'percent', payPercent: 0 },
          legalBasis: 'Thông tư 47/2019/TT-BTC',
        },
      ],
      legalBasis: 'Thông tư 47/2019/TT-BTC',
    },
    {
      id: 'phi-cong-bo',
      category: 'fee',
      name: { vi: 'Phí công bố nội dung đăng ký doanh nghiệp', en: 'Fee for publishing the registration' },
      rule: { kind: 'fixed', amount: 100_000 }, // Circular 47/2019/TT-BTC
      legalBasis: 'Thông tư 47/2019/TT-BTC',
    },
  ],
  deadline: { unit: 'workingDays', value: 3 }, // Law on Enterprises 2020 art. 26(5)
  onlineLevel: 'full',
  result: { name: { vi: 'Giấy chứng nhận đăng ký doanh nghiệp', en: 'Enterprise registration certificate' } },
  legalBasis: [
    { number: '59/2020/QH14', title: { vi: 'Luật Doanh nghiệp', en: 'Law on Enterprises' }, issuedOn: '2020-06-17', articles: 'Điều 24–27' },
    businessRegistrationDecree,
    { number: '47/2019/TT-BTC', title: { vi: 'Thông tư quy định mức thu phí, lệ phí đăng ký doanh nghiệp', en: 'Circular on enterprise registration fees' } },
  ],
  eForm: form(
    'Giấy đề nghị đăng ký công ty TNHH một thành viên',
    {
      companyName: text('Tên công ty viết bằng tiếng Việt', 'Company name in Vietnamese', { maxLength: 255 }),
      companyNameForeign: text('Tên công ty viết bằng tiếng nước ngoài', 'Company name in a foreign language', { minLength: 0, maxLength: 255 }),
      headOfficeAddress: text('Địa chỉ trụ sở chính', 'Head office address', { maxLength: 500 }),
      charterCapital: count('Vốn điều lệ (đồng)', 'Charter capital (VND)', 1, 1_000_000_000_000_000),
      ownerFullName: text('Họ và tên chủ sở hữu', 'Owner', { maxLength: 100 }),
      ownerIdNumber: idNumber(),
      mainBusinessLine: text('Mã ngành kinh tế chính (cấp 4)', 'Main business line (VSIC level 4)', {
        pattern: '^[0-9]{4}$',
        maxLength: 4,
        'x-pattern-message': { vi: 'phải gồm 4 chữ số theo Hệ thống ngành kinh tế Việt Nam.', en: 'must be the 4-digit VSIC code.' },
      }),
      email,
      phone,
    },
    ['companyName', 'headOfficeAddress', 'charterCapital', 'ownerFullName', 'ownerIdNumber', 'mainBusinessLine', 'email', 'phone'],
  ),
  workflowKey: 'standard-one-stop',
  supplementRestartsClock: true, // Law on Enterprises art. 26: the 3 days run from a valid dossier
};

export const foodSafetyCertificate: Procedure = {
  code: '2.000591', // illustrative: check the national code of this procedure
  version: 1,
  status: 'published',
  name: {
    vi: 'Cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm đối với cơ sở kinh doanh dịch vụ ăn uống',
    en: 'Food safety certificate for food service establishments',
  },
  fieldCode: 'foodSafety',
  level: 'province',
  // Da Nang runs a dedicated Food Safety Management Board instead of sector departments.
  competentAgencyType: 'board:foodSafety',
  receivingAgencies: ['board:foodSafety', 'publicServiceCentre:province'],
  documents: [
    doc('don-de-nghi', 'Đơn đề nghị cấp Giấy chứng nhận', 'Application', { types: formTypes }),
    doc('thuyet-minh', 'Bản thuyết minh về cơ sở vật chất, trang thiết bị, dụng cụ', 'Description of premises and equipment', { types: formTypes }),
    doc('xac-nhan-kien-thuc', 'Giấy xác nhận đủ kiến thức về an toàn thực phẩm', 'Food safety knowledge certificates', { originals: 0, copies: 1 }),
    doc('xac-nhan-suc-khoe', 'Giấy xác nhận đủ sức khỏe của chủ cơ sở và người trực tiếp chế biến', 'Health certificates of the owner and food handlers', { originals: 0, copies: 1 }),
  ],
  fees: [
    {
      id: 'phi-tham-dinh',
      category: 'fee',
      name: { vi: 'Phí thẩm định cấp Giấy chứng nhận', en: 'Appraisal fee' },
      // Under 200 meals: 700,000 đ; 200 meals and more: 1,000,000 đ per appraisal
      // (Circular 67/2021/TT-BTC; verify it is still the one in force).
      rule: {
        kind: 'table',
        field: 'servingsPerDay',
        brackets: [
          { from: 0, to: 200, amount: 700_000 },
          { from: 200, to: null, amount: 1_000_000 },
        ],
      },
      legalBasis: 'Thông tư 67/2021/TT-BTC',
    },
  ],
  deadline: { unit: 'workingDays', value: 20 }, // verify: appraisal on site, then issuance
  onlineLevel: 'partial', // the premises are inspected on site
  result: { name: { vi: 'Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm', en: 'Food safety certificate' } },
  legalBasis: [
    { number: '55/2010/QH12', title: { vi: 'Luật An toàn thực phẩm', en: 'Law on Food Safety' }, issuedOn: '2010-06-17' },
    { number: '67/2021/TT-BTC', title: { vi: 'Thông tư quy định phí trong công tác an toàn thực phẩm', en: 'Circular on food safety fees' } },
  ],
  eForm: form(
    'Đơn đề nghị cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm',
    {
      facilityName: text('Tên cơ sở', 'Establishment name', { maxLength: 200 }),
      facilityAddress: text('Địa chỉ cơ sở', 'Establishment address', { maxLength: 500 }),
      ownerFullName: text('Họ và tên chủ cơ sở', 'Owner', { maxLength: 100 }),
      taxCode,
      businessType: choice('Loại hình', 'Kind of establishment', [
        ['restaurant', 'Nhà hàng ăn uống', 'Restaurant'],
        ['canteen', 'Bếp ăn tập thể', 'Canteen'],
        ['catering', 'Cơ sở chế biến suất ăn sẵn', 'Catering kitchen'],
        ['hotelRestaurant', 'Nhà hàng trong khách sạn', 'Hotel restaurant'],
      ]),
      servingsPerDay: count('Số suất ăn phục vụ mỗi lần', 'Meals served at a time', 0, 100_000),
      phone,
      email,
    },
    ['facilityName', 'facilityAddress', 'ownerFullName', 'taxCode', 'businessType', 'servingsPerDay', 'phone'],
  ),
  workflowKey: 'standard-one-stop',
  supplementRestartsClock: false,
};

export const alcoholRetailLicence: Procedure = {
  code: '2.000620', // illustrative: check the national code of this procedure
  version: 1,
  status: 'published',
  name: { vi: 'Cấp Giấy phép bán lẻ rượu', en: 'Alcohol retail licence' },
  fieldCode: 'domesticTrade',
  level: 'commune', // formerly the district; moved to the commune with the 2025 reform
  competentAgencyType: 'peoplesCommittee:commune',
  receivingAgencies: ['peoplesCommittee:commune'],
  documents: [
    doc('don-de-nghi', 'Đơn đề nghị cấp Giấy phép bán lẻ rượu', 'Application for an alcohol retail licence', { types: formTypes }),
    doc('dang-ky-kinh-doanh', 'Giấy chứng nhận đăng ký doanh nghiệp hoặc hộ kinh doanh', 'Business registration certificate', { originals: 0, copies: 1 }),
    doc('dia-diem', 'Giấy tờ chứng minh quyền sử dụng địa điểm kinh doanh', 'Proof of the right to use the premises', { originals: 0, copies: 1 }),
    doc('van-ban-nha-cung-cap', 'Văn bản giới thiệu hoặc hợp đồng với thương nhân cung cấp rượu', 'Letter or contract from the alcohol supplier', { originals: 0, copies: 1 }),
  ],
  fees: [
    {
      id: 'phi-tham-dinh',
      category: 'fee',
      name: { vi: 'Phí thẩm định cấp Giấy phép bán lẻ rượu', en: 'Licence appraisal fee' },
      // Cities under central authority: 1,200,000 đ per outlet per appraisal (Circular 168/2016/TT-BTC; verify).
      rule: { kind: 'fixed', amount: 1_200_000 },
      legalBasis: 'Thông tư 168/2016/TT-BTC',
    },
  ],
  deadline: { unit: 'workingDays', value: 10 }, // Decree 105/2017/NĐ-CP as amended by Decree 17/2020/NĐ-CP
  onlineLevel: 'partial',
  result: { name: { vi: 'Giấy phép bán lẻ rượu', en: 'Alcohol retail licence' } },
  legalBasis: [
    { number: '105/2017/NĐ-CP', title: { vi: 'Nghị định về kinh doanh rượu', en: 'Decree on alcohol trading' }, issuedOn: '2017-09-14' },
    { number: '17/2020/NĐ-CP', title: { vi: 'Nghị định sửa đổi, bổ sung một số điều của các Nghị định liên quan đến điều kiện đầu tư kinh doanh thuộc lĩnh vực quản lý nhà nước của Bộ Công Thương', en: 'Decree amending business conditions in the trade sector' } },
  ],
  eForm: form(
    'Đơn đề nghị cấp Giấy phép bán lẻ rượu',
    {
      traderName: text('Tên thương nhân', 'Trader', { maxLength: 200 }),
      taxCode,
      storeAddress: text('Địa điểm bán lẻ', 'Retail outlet address', { maxLength: 500 }),
      representativeFullName: text('Người đại diện theo pháp luật', 'Legal representative', { maxLength: 100 }),
      representativeIdNumber: idNumber(),
      businessLines,
      phone,
    },
    ['traderName', 'taxCode', 'storeAddress', 'representativeFullName', 'representativeIdNumber', 'phone'],
  ),
  workflowKey: 'standard-one-stop',
  supplementRestartsClock: false,
};
