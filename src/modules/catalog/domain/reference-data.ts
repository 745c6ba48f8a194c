/**
 * Reference lists the catalogue checks procedures against. They are defaults: the lead may
 * load the real lists from the database and pass them to `validateProcedure`.
 */
import type { Bilingual } from './types.js';

/** A field of administrative procedures (lĩnh vực). */
export interface ProcedureField {
  /** Internal stable code; the national portal's own field codes differ per ministry. */
  code: string;
  name: Bilingual;
}

/** The fields the demonstration catalogue uses. */
export const procedureFields = [
  { code: 'civilStatus', name: { vi: 'Hộ tịch', en: 'Civil status' } },
  { code: 'certification', name: { vi: 'Chứng thực', en: 'Certification' } },
  { code: 'judicialRecord', name: { vi: 'Lý lịch tư pháp', en: 'Judicial records' } },
  { code: 'construction', name: { vi: 'Xây dựng', en: 'Construction' } },
  { code: 'land', name: { vi: 'Đất đai', en: 'Land' } },
  { code: 'businessRegistration', name: { vi: 'Đăng ký kinh doanh', en: 'Business registration' } },
  { code: 'householdBusiness', name: { vi: 'Thành lập và hoạt động của hộ kinh doanh', en: 'Household businesses' } },
  { code: 'residence', name: { vi: 'Đăng ký, quản lý cư trú', en: 'Residence registration' } },
  { code: 'identity', name: { vi: 'Căn cước', en: 'Identity cards' } },
  { code: 'foodSafety', name: { vi: 'An toàn thực phẩm', en: 'Food safety' } },
  { code: 'domesticTrade', name: { vi: 'Lưu thông hàng hóa trong nước', en: 'Domestic trade' } },
] as const satisfies readonly ProcedureField[];

/** Workflow keys another module defines; a procedure must name one of them. */
export const defaultWorkflowKeys = [
  'standard-one-stop',
  'same-day-certification',
  'ward-to-department',
  'construction-permit',
] as const;

/** Agency type: `kind` or `kind:qualifier`, camelCase words, e.g. `department:construction`. */
export const agencyTypePattern = /^[a-z][A-Za-z]*(:[a-z][A-Za-z0-9]*)?$/;

/** Electronic agency identification code, e.g. `000.00.22.H56`. */
export const agencyCodePattern = /^[0-9A-Z]{2,3}(\.[0-9A-Z]{2,3}){3}$/;

/** National procedure code: one digit, a dot, six digits (`1.001193`). */
export const procedureCodePattern = /^[0-9]\.[0-9]{6}$/;
