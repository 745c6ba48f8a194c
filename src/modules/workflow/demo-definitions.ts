/**
 * Demonstration process definitions, shipped as data. Deadlines and thresholds are
 * illustrative: the real ones come from each procedure's published catalogue entry.
 */
import type { ProcessDefinition } from './types.js';

const receiving = { kind: 'receiving' } as const;
const current = { kind: 'current' } as const;

/** (1) The standard one-stop flow at one agency: reception → specialist → leader → clerk → return. */
export const standardOneStop = {
  key: 'demo.one-stop',
  version: 1,
  name: { vi: 'Quy trình một cửa chuẩn tại một cơ quan', en: 'Standard one-stop flow at one agency' },
  legalDeadline: { unit: 'workingDays', value: 5 },
  startStepId: 'reception',
  steps: [
    { id: 'reception', name: { vi: 'Tiếp nhận hồ sơ', en: 'Reception' }, kind: 'reception', role: 'receptionOfficer', agency: receiving, allotted: { unit: 'workingHours', value: 4 } },
    { id: 'examine', name: { vi: 'Thẩm định hồ sơ', en: 'Examination' }, kind: 'processing', role: 'specialist', agency: receiving, allotted: { unit: 'workingDays', value: 3 } },
    { id: 'approve', name: { vi: 'Lãnh đạo phê duyệt', en: 'Leader approval' }, kind: 'approval', role: 'leader', agency: receiving, allotted: { unit: 'workingDays', value: 1 } },
    { id: 'issue', name: { vi: 'Vào sổ, đóng dấu, phát hành', en: 'Numbering and issuing' }, kind: 'result', role: 'clerk', agency: receiving, allotted: { unit: 'workingHours', value: 4 } },
    { id: 'return', name: { vi: 'Trả kết quả', en: 'Returning the result' }, kind: 'return', role: 'receptionOfficer', agency: receiving, allotted: { unit: 'sameDay' } },
  ],
  actions: [
    { id: 'receive', type: 'forward', from: 'reception', to: 'examine', label: { vi: 'Tiếp nhận, chuyển xử lý', en: 'Receive and pass on' } },
    { id: 'receptionSupplement', type: 'requestSupplement', from: 'reception' },
    { id: 'receptionRefuse', type: 'refuse', from: 'reception', label: { vi: 'Từ chối tiếp nhận', en: 'Refuse to receive' } },
    { id: 'submitToLeader', type: 'forward', from: 'examine', to: 'approve', label: { vi: 'Trình lãnh đạo', en: 'Submit to the leader' } },
    { id: 'examineSupplement', type: 'requestSupplement', from: 'examine' },
    { id: 'examinePayment', type: 'requestPayment', from: 'examine' },
    { id: 'leaderApprove', type: 'approve', from: 'approve', to: 'issue' },
    { id: 'leaderSendBack', type: 'sendBack', from: 'approve', to: 'examine' },
    { id: 'leaderRefuse', type: 'refuse', from: 'approve', label: { vi: 'Dừng xử lý', en: 'Stop processing' } },
    { id: 'issueResult', type: 'issueResult', from: 'issue', to: 'return' },
    { id: 'returnResult', type: 'returnResult', from: 'return' },
  ],
} as const satisfies ProcessDefinition;

/**
 * (2) Same-day certification of copies (chứng thực bản sao từ bản chính): the reception officer
 * does everything. Decree 23/2015/NĐ-CP: certified the same working day, or the next one when
 * received after 15:00 (the calendar module applies that cut-off).
 */
export const sameDayCertification = {
  key: 'demo.certify-copy',
  version: 1,
  name: { vi: 'Chứng thực bản sao từ bản chính', en: 'Certifying copies of originals' },
  legalDeadline: { unit: 'sameDay' },
  startStepId: 'reception',
  steps: [
    { id: 'reception', name: { vi: 'Tiếp nhận yêu cầu', en: 'Reception' }, kind: 'reception', role: 'receptionOfficer', agency: receiving, allotted: { unit: 'sameDay' } },
    { id: 'certify', name: { vi: 'Chứng thực', en: 'Certification' }, kind: 'result', role: 'receptionOfficer', agency: receiving, allotted: { unit: 'sameDay' } },
    { id: 'return', name: { vi: 'Trả bản sao đã chứng thực', en: 'Returning the copies' }, kind: 'return', role: 'receptionOfficer', agency: receiving, allotted: { unit: 'sameDay' } },
  ],
  actions: [
    { id: 'receive', type: 'forward', from: 'reception', to: 'certify' },
    { id: 'refuse', type: 'refuse', from: 'reception', label: { vi: 'Từ chối chứng thực', en: 'Refuse to certify' } },
    { id: 'certify', type: 'issueResult', from: 'certify', to: 'return' },
    { id: 'hand', type: 'returnResult', from: 'return' },
  ],
} as const satisfies ProcessDefinition;

/**
 * (3) Inter-level flow (liên thông): reception at a ward, the ward's specialist transfers the
 * dossier one level up (a city department in the two-tier structure) for review, which returns
 * it to the ward's leader for approval.
 */
export const interLevelTransfer = {
  key: 'demo.inter-level',
  version: 1,
  name: { vi: 'Quy trình liên thông cấp xã – cấp trên', en: 'Inter-level flow: ward and the level above' },
  legalDeadline: { unit: 'workingDays', value: 10 },
  startStepId: 'reception',
  steps: [
    { id: 'reception', name: { vi: 'Tiếp nhận hồ sơ', en: 'Reception' }, kind: 'reception', role: 'receptionOfficer', agency: receiving, allotted: { unit: 'workingHours', value: 4 } },
    { id: 'wardExamine', name: { vi: 'Chuyên viên cấp xã xử lý', en: 'Ward specialist' }, kind: 'processing', role: 'specialist', agency: receiving, allotted: { unit: 'workingDays', value: 1 } },
    { id: 'deptExamine', name: { vi: 'Chuyên viên Sở thẩm định', en: 'Department specialist review' }, kind: 'appraisal', role: 'specialist', agency: current, allotted: { unit: 'workingDays', value: 3 }, leg: 'cityReview' },
    { id: 'deptApprove', name: { vi: 'Lãnh đạo Sở cho ý kiến', en: 'Department leader sign-off' }, kind: 'approval', role: 'leader', agency: current, allotted: { unit: 'workingDays', value: 1 }, leg: 'cityReview' },
    { id: 'wardApprove', name: { vi: 'Lãnh đạo cấp xã phê duyệt', en: 'Ward leader approval' }, kind: 'approval', role: 'leader', agency: receiving, allotted: { unit: 'workingDays', value: 1 } },
    { id: 'wardIssue', name: { vi: 'Văn thư phát hành', en: 'Clerk issues' }, kind: 'result', role: 'clerk', agency: receiving, allotted: { unit: 'workingHours', value: 4 } },
    { id: 'return', name: { vi: 'Trả kết quả', en: 'Returning the result' }, kind: 'return', role: 'receptionOfficer', agency: receiving, allotted: { unit: 'sameDay' } },
  ],
  legs: [
    {
      id: 'cityReview',
      name: { vi: 'Liên thông lên cấp trên thẩm định', en: 'Review at the level above' },
      agency: { kind: 'parent' },
      allotted: { unit: 'workingDays', value: 5 },
      startStepId: 'deptExamine',
      returnTo: 'wardApprove',
    },
  ],
  actions: [
    { id: 'receive', type: 'forward', from: 'reception', to: 'wardExamine' },
    { id: 'receptionSupplement', type: 'requestSupplement', from: 'reception' },
    { id: 'receptionRefuse', type: 'refuse', from: 'reception' },
    { id: 'transferUp', type: 'transfer', from: 'wardExamine', leg: 'cityReview' },
    { id: 'deptSubmit', type: 'forward', from: 'deptExamine', to: 'deptApprove' },
    { id: 'deptSupplement', type: 'requestSupplement', from: 'deptExamine' },
    { id: 'deptSendBack', type: 'sendBack', from: 'deptApprove', to: 'deptExamine' },
    { id: 'deptReturn', type: 'completeTransfer', from: 'deptApprove' },
    { id: 'wardLeaderApprove', type: 'approve', from: 'wardApprove', to: 'wardIssue' },
    { id: 'wardLeaderSendBack', type: 'sendBack', from: 'wardApprove', to: 'wardExamine' },
    { id: 'wardLeaderRefuse', type: 'refuse', from: 'wardApprove' },
    { id: 'issueResult', type: 'issueResult', from: 'wardIssue', to: 'return' },
    { id: 'returnResult', type: 'returnResult', from: 'return' },
  ],
} as const satisfies ProcessDefinition;

/** The demonstration code of the city's Department of Construction (Sở Xây dựng). */
export const DEMO_CONSTRUCTION_DEPARTMENT_CODE = 'DN.SXD';

/**
 * (4) Construction permit for a private house at a ward, where the e-form's floor area decides
 * the route: above 250 m² the city's Department of Construction must appraise the design
 * first (an illustrative threshold, not the legal one).
 */
export const constructionPermit = {
  key: 'demo.construction-permit',
  version: 1,
  name: { vi: 'Cấp giấy phép xây dựng nhà ở riêng lẻ', en: 'Construction permit for a private house' },
  legalDeadline: { unit: 'workingDays', value: 15 },
  startStepId: 'reception',
  steps: [
    { id: 'reception', name: { vi: 'Tiếp nhận hồ sơ', en: 'Reception' }, kind: 'reception', role: 'receptionOfficer', agency: receiving, allotted: { unit: 'workingHours', value: 4 } },
    { id: 'examine', name: { vi: 'Chuyên viên thẩm định', en: 'Specialist examination' }, kind: 'processing', role: 'specialist', agency: receiving, allotted: { unit: 'workingDays', value: 5 } },
    { id: 'sxdExamine', name: { vi: 'Sở Xây dựng thẩm định thiết kế', en: 'Design appraisal at the Department' }, kind: 'appraisal', role: 'specialist', agency: current, allotted: { unit: 'workingDays', value: 5 }, leg: 'appraisal' },
    { id: 'sxdApprove', name: { vi: 'Lãnh đạo Sở ký văn bản thẩm định', en: 'Department leader signs the appraisal' }, kind: 'approval', role: 'leader', agency: current, allotted: { unit: 'workingDays', value: 2 }, leg: 'appraisal' },
    { id: 'approve', name: { vi: 'Lãnh đạo ký giấy phép', en: 'Leader signs the permit' }, kind: 'approval', role: 'leader', agency: receiving, allotted: { unit: 'workingDays', value: 2 } },
    { id: 'issue', name: { vi: 'Văn thư phát hành giấy phép', en: 'Clerk issues the permit' }, kind: 'result', role: 'clerk', agency: receiving, allotted: { unit: 'workingHours', value: 4 } },
    { id: 'return', name: { vi: 'Trả giấy phép', en: 'Returning the permit' }, kind: 'return', role: 'receptionOfficer', agency: receiving, allotted: { unit: 'sameDay' } },
  ],
  legs: [
    {
      id: 'appraisal',
      name: { vi: 'Thẩm định tại Sở Xây dựng', en: 'Appraisal at the Department of Construction' },
      agency: { kind: 'named', code: DEMO_CONSTRUCTION_DEPARTMENT_CODE },
      allotted: { unit: 'workingDays', value: 7 },
      startStepId: 'sxdExamine',
      returnTo: 'approve',
    },
  ],
  actions: [
    { id: 'receive', type: 'forward', from: 'reception', to: 'examine' },
    { id: 'receptionSupplement', type: 'requestSupplement', from: 'reception' },
    { id: 'receptionRefuse', type: 'refuse', from: 'reception' },
    {
      id: 'submitToLeader',
      type: 'forward',
      from: 'examine',
      to: 'approve',
      label: { vi: 'Trình lãnh đạo ký', en: 'Submit for signature' },
      when: { field: 'totalFloorArea', op: 'lte', value: 250 },
    },
    {
      id: 'sendForAppraisal',
      type: 'transfer',
      from: 'examine',
      leg: 'appraisal',
      label: { vi: 'Chuyển Sở Xây dựng thẩm định', en: 'Send to the Department for appraisal' },
      when: { field: 'totalFloorArea', op: 'gt', value: 250 },
    },
    { id: 'examineSupplement', type: 'requestSupplement', from: 'examine' },
    { id: 'sxdSubmit', type: 'forward', from: 'sxdExamine', to: 'sxdApprove' },
    { id: 'sxdReturn', type: 'completeTransfer', from: 'sxdApprove' },
    { id: 'sxdSendBack', type: 'sendBack', from: 'sxdApprove', to: 'sxdExamine' },
    { id: 'leaderApprove', type: 'approve', from: 'approve', to: 'issue' },
    { id: 'leaderSendBack', type: 'sendBack', from: 'approve', to: 'examine' },
    { id: 'leaderRefuse', type: 'refuse', from: 'approve' },
    { id: 'issueResult', type: 'issueResult', from: 'issue', to: 'return' },
    { id: 'returnResult', type: 'returnResult', from: 'return' },
  ],
} as const satisfies ProcessDefinition;

/** All demonstration definitions, for seeding. */
export const DEMO_DEFINITIONS: readonly ProcessDefinition[] = [standardOneStop, sameDayCertification, interLevelTransfer, constructionPermit];
