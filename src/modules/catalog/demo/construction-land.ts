/**
 * Construction permits and first land-use certificates. Since 07/2025 both are decided by
 * the commune People's Committee for households and individuals in Da Nang.
 */
import type { Procedure } from '../domain/types.js';
import { authorization, choice, count, date, doc, drawingTypes, form, formTypes, freeOnlineDaNang, idNumber, laws, phone, text } from './parts.js';

const constructionLaw = {
  number: '50/2014/QH13',
  title: { vi: 'Luật Xây dựng (sửa đổi, bổ sung bởi Luật số 62/2020/QH14)', en: 'Law on Construction (as amended by Law 62/2020/QH14)' },
  issuedOn: '2014-06-18',
};

const area = (vi: string, en: string) => ({ type: 'number', title: vi, 'x-title-en': en, exclusiveMinimum: 0, minimum: 0, maximum: 1_000_000 }) as const;

export const houseConstructionPermit: Procedure = {
  code: '1.009994', // verify
  version: 1,
  status: 'published',
  name: { vi: 'Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ', en: 'Construction permit for a new detached house' },
  fieldCode: 'construction',
  level: 'commune',
  competentAgencyType: 'peoplesCommittee:commune',
  receivingAgencies: ['peoplesCommittee:commune'],
  documents: [
    doc('don-de-nghi', 'Đơn đề nghị cấp giấy phép xây dựng', 'Application for a construction permit', { types: formTypes, template: 'don-de-nghi-cap-giay-phep-xay-dung.docx' }),
    doc('giay-to-dat', 'Giấy tờ hợp pháp về quyền sử dụng đất', 'Proof of land use rights', { originals: 0, copies: 1 }),
    doc('ban-ve-thiet-ke', 'Bản vẽ thiết kế (mặt bằng, mặt cắt, mặt đứng, móng, đấu nối hạ tầng)', 'Design drawings (plans, sections, elevations, foundations, connections)', {
      originals: 0,
      copies: 2,
      types: drawingTypes,
      maxMb: 50,
    }),
    doc('cam-ket-an-toan', 'Bản cam kết bảo đảm an toàn đối với công trình liền kề', 'Safety undertaking for adjoining buildings', {
      mandatory: false,
      note: { vi: 'Khi công trình xây chen, có tầng hầm hoặc liền kề công trình khác.', en: 'When building between or against other buildings, or with a basement.' },
    }),
    authorization,
  ],
  fees: [
    {
      id: 'le-phi-gpxd',
      category: 'charge',
      name: { vi: 'Lệ phí cấp giấy phép xây dựng', en: 'Construction permit charge' },
      // Da Nang Resolution 14/2025/NQ-HĐND: 50,000 đ per permit for detached houses, 0 đ online.
      rule: { kind: 'fixed', amount: 50_000 },
      exemptions: [{ ...freeOnlineDaNang, legalBasis: 'Nghị quyết 14/2025/NQ-HĐND thành phố Đà Nẵng' }],
      legalBasis: 'Nghị quyết 14/2025/NQ-HĐND thành phố Đà Nẵng',
    },
  ],
  // Law on Construction art. 102(1)(e) as amended: 15 days for detached houses, counted as
  // working days in the national procedure catalogue.
  deadline: { unit: 'workingDays', value: 15 },
  onlineLevel: 'full',
  result: { name: { vi: 'Giấy phép xây dựng', en: 'Construction permit' } },
  legalBasis: [
    { ...constructionLaw, articles: 'Điều 89, 93, 95, 102' },
    { number: '175/2024/NĐ-CP', title: { vi: 'Nghị định quy định chi tiết một số điều và biện pháp thi hành Luật Xây dựng về quản lý hoạt động xây dựng', en: 'Decree on construction activity management' } },
    { number: '14/2025/NQ-HĐND', title: { vi: 'Nghị quyết của HĐND thành phố Đà Nẵng về lệ phí cấp giấy phép xây dựng', en: 'Da Nang resolution on construction permit charges' } },
  ],
  eForm: form(
    'Đơn đề nghị cấp giấy phép xây dựng nhà ở riêng lẻ',
    {
      ownerFullName: text('Họ và tên chủ đầu tư', "Owner's full name", { maxLength: 100 }),
      ownerIdNumber: idNumber(),
      plotAddress: text('Địa điểm xây dựng', 'Construction site', { maxLength: 500 }),
      landCertificateNumber: text('Số Giấy chứng nhận quyền sử dụng đất', 'Land-use certificate number', { maxLength: 50 }),
      plotNumber: text('Số thửa', 'Plot number', { maxLength: 20 }),
      mapSheetNumber: text('Số tờ bản đồ', 'Map sheet number', { maxLength: 20 }),
      plotArea: area('Diện tích thửa đất (m²)', 'Plot area (m²)'),
      totalFloorArea: area('Tổng diện tích sàn (m²)', 'Total floor area (m²)'),
      floors: count('Số tầng', 'Number of floors', 1, 50),
      height: area('Chiều cao công trình (m)', 'Building height (m)'),
      phone,
    },
    ['ownerFullName', 'ownerIdNumber', 'plotAddress', 'landCertificateNumber', 'plotArea', 'totalFloorArea', 'floors', 'height', 'phone'],
  ),
  workflowKey: 'construction-permit',
  // Law on Construction art. 102: the time limit runs from receipt of a complete dossier,
  // so a dossier sent back for supplement starts the count again.
  supplementRestartsClock: true,
};

export const firstLandCertificate: Procedure = {
  code: '1.012756', // illustrative: check the national code under Decree 101/2024/NĐ-CP
  version: 1,
  status: 'published',
  name: {
    vi: 'Đăng ký đất đai, tài sản gắn liền với đất, cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất lần đầu',
    en: 'First registration of land and issuance of the land-use certificate',
  },
  fieldCode: 'land',
  level: 'commune',
  competentAgencyType: 'peoplesCommittee:commune',
  receivingAgencies: ['peoplesCommittee:commune', 'landRegistrationOffice:branch'],
  documents: [
    doc('don-dang-ky', 'Đơn đăng ký đất đai, tài sản gắn liền với đất (Mẫu 04/ĐK)', 'Land registration form (form 04/ĐK)', { types: formTypes, template: 'mau-04-dk.docx' }),
    doc('giay-to-quyen-su-dung', 'Giấy tờ về quyền sử dụng đất (nếu có)', 'Papers on land use rights (if any)', { mandatory: false }),
    doc('giay-to-tai-san', 'Giấy tờ về quyền sở hữu tài sản gắn liền với đất (nếu có)', 'Papers on ownership of buildings (if any)', { mandatory: false }),
    doc('chung-tu-nghia-vu-tai-chinh', 'Chứng từ thực hiện nghĩa vụ tài chính (nếu có)', 'Receipts for financial obligations (if any)', { originals: 0, copies: 1, mandatory: false }),
    authorization,
  ],
  // Land use levy and registration fee (lệ phí trước bạ) are assessed by the tax office
  // after transfer of the file; they are not computed from the e-form.
  fees: [
    {
      id: 'le-phi-cap-giay-chung-nhan',
      category: 'charge',
      name: { vi: 'Lệ phí cấp Giấy chứng nhận', en: 'Certificate charge' },
      rule: { kind: 'fixed', amount: 100_000 }, // illustrative: set by the Da Nang People's Council
      exemptions: [freeOnlineDaNang],
    },
    {
      id: 'phi-tham-dinh-ho-so',
      category: 'fee',
      name: { vi: 'Phí thẩm định hồ sơ cấp Giấy chứng nhận', en: 'Dossier appraisal fee' },
      // Illustrative brackets by plot area; the People's Council sets the real table.
      rule: {
        kind: 'table',
        field: 'plotArea',
        brackets: [
          { from: 0, to: 500, amount: 400_000 },
          { from: 500, to: 1_000, amount: 600_000 },
          { from: 1_000, to: null, amount: 800_000 },
        ],
      },
      exemptions: [freeOnlineDaNang],
    },
  ],
  deadline: { unit: 'workingDays', value: 20 }, // Decree 101/2024/NĐ-CP (verify article)
  conditionalDeadlines: [
    {
      id: 'vung-kho-khan',
      condition: { vi: 'Xã miền núi, hải đảo, vùng có điều kiện kinh tế - xã hội đặc biệt khó khăn (thêm 10 ngày)', en: 'Mountain, island or disadvantaged communes (10 more days)' },
      deadline: { unit: 'workingDays', value: 30 },
    },
  ],
  onlineLevel: 'partial',
  result: { name: { vi: 'Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất', en: 'Certificate of land use rights and ownership of attached assets' } },
  legalBasis: [
    { number: '31/2024/QH15', title: { vi: 'Luật Đất đai', en: 'Land Law' }, issuedOn: '2024-01-18', articles: 'Điều 131–140' },
    { number: '101/2024/NĐ-CP', title: { vi: 'Nghị định quy định về điều tra cơ bản đất đai; đăng ký, cấp Giấy chứng nhận', en: 'Decree on land registration and certificates' } },
    laws.danangOnlineZero,
  ],
  eForm: form(
    'Đơn đăng ký đất đai, tài sản gắn liền với đất',
    {
      ownerFullName: text('Họ và tên người sử dụng đất', 'Land user', { maxLength: 100 }),
      ownerIdNumber: idNumber(),
      plotAddress: text('Địa chỉ thửa đất', 'Plot address', { maxLength: 500 }),
      plotNumber: text('Số thửa', 'Plot number', { maxLength: 20 }),
      mapSheetNumber: text('Số tờ bản đồ', 'Map sheet number', { maxLength: 20 }),
      plotArea: area('Diện tích (m²)', 'Area (m²)'),
      landUsePurpose: choice('Mục đích sử dụng đất', 'Land use purpose', [
        ['ODT', 'Đất ở tại đô thị', 'Urban residential land'],
        ['ONT', 'Đất ở tại nông thôn', 'Rural residential land'],
        ['CLN', 'Đất trồng cây lâu năm', 'Perennial crop land'],
        ['LUC', 'Đất chuyên trồng lúa', 'Paddy land'],
      ]),
      usedSince: date('Thời điểm bắt đầu sử dụng đất', 'Used since'),
      hasHouse: { type: 'boolean', title: 'Có nhà ở, tài sản trên đất', 'x-title-en': 'Has a house or other asset on the land' },
      phone,
    },
    ['ownerFullName', 'ownerIdNumber', 'plotAddress', 'plotNumber', 'mapSheetNumber', 'plotArea', 'landUsePurpose', 'usedSince', 'hasHouse', 'phone'],
  ),
  workflowKey: 'ward-to-department',
  supplementRestartsClock: false,
};
