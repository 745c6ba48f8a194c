/**
 * The demonstration catalogue: procedures a Da Nang citizen or business meets, with their
 * statutory deadlines, documents and fees as far as known. Values marked "illustrative"
 * or "verify" in the source files must be checked before real use.
 */
import type { Procedure } from '../domain/types.js';
import { alcoholRetailLicence, foodSafetyCertificate, householdBusinessRegistration, singleMemberCompanyRegistration } from './business.js';
import { certifiedCopy, contractCertification, signatureCertification } from './certification.js';
import {
  birthRegistration,
  civilStatusChange,
  civilStatusExtractCopy,
  deathRegistration,
  maritalStatusCertificate,
  marriageRegistration,
} from './civil-status.js';
import { firstLandCertificate, houseConstructionPermit } from './construction-land.js';
import { identityCardRenewal, judicialRecordCertificate, permanentResidence, temporaryResidence } from './justice-residence.js';

export {
  alcoholRetailLicence,
  birthRegistration,
  certifiedCopy,
  civilStatusChange,
  civilStatusExtractCopy,
  contractCertification,
  deathRegistration,
  firstLandCertificate,
  foodSafetyCertificate,
  householdBusinessRegistration,
  houseConstructionPermit,
  identityCardRenewal,
  judicialRecordCertificate,
  maritalStatusCertificate,
  marriageRegistration,
  permanentResidence,
  signatureCertification,
  singleMemberCompanyRegistration,
  temporaryResidence,
};

/** All demonstration procedures, grouped by field. */
export const demoCatalog: readonly Procedure[] = [
  birthRegistration,
  marriageRegistration,
  deathRegistration,
  civilStatusExtractCopy,
  civilStatusChange,
  maritalStatusCertificate,
  certifiedCopy,
  signatureCertification,
  contractCertification,
  judicialRecordCertificate,
  permanentResidence,
  temporaryResidence,
  identityCardRenewal,
  houseConstructionPermit,
  firstLandCertificate,
  householdBusinessRegistration,
  singleMemberCompanyRegistration,
  foodSafetyCertificate,
  alcoholRetailLicence,
];
