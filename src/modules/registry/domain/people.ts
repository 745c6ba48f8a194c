/**
 * Records of applicants held in the base registries: citizens (công dân) and organizations
 * (tổ chức, doanh nghiệp). Personal data under the Personal Data Protection Law: the
 * identification number, address and phone are read only through the logged accessor.
 */
import type { Sex } from './citizen-id.js';
import type { IsoDate } from './dates.js';

export interface PostalAddress {
  /** Commune-level unit (current two-tier code). */
  readonly unitCode: string;
  /** House number and street, or hamlet, e.g. `15 Lê Duẩn`, `Thôn Phú Sơn Tây`. */
  readonly street: string;
}

export interface CitizenRecord {
  /** 12-digit personal identification number. */
  readonly id: string;
  readonly fullName: string;
  readonly surname: string;
  readonly middleName: string;
  readonly givenName: string;
  readonly sex: Sex;
  readonly dateOfBirth: IsoDate;
  readonly address: PostalAddress;
  /** National 10-digit mobile number. */
  readonly phone: string;
  readonly email: string;
}

export type LegalForm =
  | 'singleMemberLlc'
  | 'multiMemberLlc'
  | 'jointStock'
  | 'privateEnterprise'
  | 'partnership'
  | 'branch';

export interface OrganizationRecord {
  /** 10-digit tax code, or `NNNNNNNNNN-NNN` for a dependent unit. */
  readonly taxCode: string;
  /** Registered Vietnamese name, e.g. `Công ty TNHH Thương mại Sông Hàn`. */
  readonly name: string;
  /** Registered foreign-language name. */
  readonly englishName: string;
  readonly legalForm: LegalForm;
  /** For a branch, the 10-digit tax code of the enterprise it belongs to. */
  readonly parentTaxCode?: string;
  readonly legalRepresentative: { readonly fullName: string; readonly citizenId: string };
  readonly address: PostalAddress;
  readonly phone: string;
  readonly email: string;
  readonly registeredOn: IsoDate;
}
