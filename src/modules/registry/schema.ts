import { Type, type Static } from '@sinclair/typebox';

/** TypeBox schemas shared by the registry's routes. */

export const Bilingual = Type.Object({ vi: Type.String({ minLength: 1, maxLength: 300 }), en: Type.String({ minLength: 1, maxLength: 300 }) });
export const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });
const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);

export const UnitSchema = Type.Object(
  {
    id: Type.String(),
    code: Type.String(),
    name: Bilingual,
    shortName: Type.String(),
    level: Type.Union([Type.Literal('province'), Type.Literal('district'), Type.Literal('commune')]),
    kind: Type.String(),
    parentCode: Nullable(Type.String()),
    validFrom: Type.String(),
    validTo: Nullable(Type.String()),
    successorCode: Nullable(Type.String()),
  },

);

export const NewUnitSchema = Type.Object({
  code: Type.String({ pattern: '^\\d{2}(\\d{1}|\\d{3})?$', description: '2 digits (province), 3 (district) or 5 (commune level)' }),
  name: Bilingual,
  shortName: Type.String({ minLength: 1, maxLength: 100 }),
  level: Type.Union([Type.Literal('province'), Type.Literal('district'), Type.Literal('commune')]),
  kind: Type.Union(['city', 'province', 'urbanDistrict', 'ruralDistrict', 'ward', 'commune', 'specialZone'].map((k) => Type.Literal(k))),
  parentCode: Type.Optional(Type.String()),
  validFrom: IsoDate,
  validTo: Type.Optional(IsoDate),
  successorCode: Type.Optional(Type.String()),
});
export type NewUnit = Static<typeof NewUnitSchema>;

export const AgencySchema = Type.Object(
  {
    id: Type.String(),
    code: Type.String(),
    name: Bilingual,
    type: Type.String(),
    unitCode: Type.String(),
    parentCode: Nullable(Type.String()),
    validFrom: Type.String(),
    validTo: Nullable(Type.String()),
    successorCode: Nullable(Type.String()),
  },

);

export const NewAgencySchema = Type.Object({
  code: Type.String({ pattern: '^\\d{3}\\.\\d{2}\\.\\d{2}\\.[A-Z]\\d{2}$', description: 'Electronic identification code, e.g. 000.00.06.H17' }),
  name: Bilingual,
  type: Type.Union(['peoplesCommittee', 'department', 'office', 'serviceCentre', 'police'].map((k) => Type.Literal(k))),
  unitCode: Type.String(),
  parentCode: Type.Optional(Type.String()),
  validFrom: IsoDate,
  validTo: Type.Optional(IsoDate),
});
export type NewAgency = Static<typeof NewAgencySchema>;

export const DeskSchema = Type.Object({ id: Type.String(), code: Type.String(), name: Bilingual, agencyCode: Type.String() });
export const NewDeskSchema = Type.Object({ code: Type.String({ pattern: '^[A-Z0-9][A-Z0-9._-]{1,39}$' }), name: Bilingual });

/** A citizen in lists: the identification number masked, no phone or address. */
export const CitizenSummarySchema = Type.Object(
  {
    id: Type.String(),
    fullName: Type.String(),
    idNumberMasked: Type.String({ description: 'e.g. 048*******01' }),
    birthYear: Type.Integer(),
    sex: Type.String(),
  },

);

export const CitizenSchema = Type.Object(
  {
    id: Type.String(),
    idNumber: Type.String(),
    fullName: Type.String(),
    dateOfBirth: Type.String(),
    sex: Type.Union([Type.Literal('male'), Type.Literal('female')]),
    address: Type.Object({ unitCode: Type.String(), street: Type.String() }),
    phone: Nullable(Type.String()),
    email: Nullable(Type.String()),
  },

);

export const NewCitizenSchema = Type.Object({
  idNumber: Type.String({ minLength: 1, maxLength: 20 }),
  fullName: Type.String({ minLength: 2, maxLength: 100 }),
  dateOfBirth: IsoDate,
  sex: Type.Union([Type.Literal('male'), Type.Literal('female')]),
  address: Type.Object({ unitCode: Type.String({ minLength: 2, maxLength: 10 }), street: Type.String({ minLength: 1, maxLength: 200 }) }),
  phone: Type.Optional(Type.String({ maxLength: 20 })),
  email: Type.Optional(Type.String({ maxLength: 200 })),
});
export type NewCitizen = Static<typeof NewCitizenSchema>;

export const OrganizationSummarySchema = Type.Object(
  { id: Type.String(), taxCode: Type.String(), name: Type.String(), legalForm: Nullable(Type.String()), unitCode: Type.String() },

);

export const OrganizationSchema = Type.Object(
  {
    id: Type.String(),
    taxCode: Type.String(),
    name: Type.String(),
    englishName: Nullable(Type.String()),
    legalForm: Nullable(Type.String()),
    address: Type.Object({ unitCode: Type.String(), street: Type.String() }),
    legalRepresentative: Type.Object({ fullName: Type.String(), idNumber: Nullable(Type.String()) }),
    phone: Nullable(Type.String()),
    email: Nullable(Type.String()),
  },

);

export const NewOrganizationSchema = Type.Object({
  taxCode: Type.String({ minLength: 10, maxLength: 14 }),
  name: Type.String({ minLength: 2, maxLength: 300 }),
  englishName: Type.Optional(Type.String({ maxLength: 300 })),
  legalForm: Type.Optional(Type.String({ maxLength: 40 })),
  address: Type.Object({ unitCode: Type.String({ minLength: 2, maxLength: 10 }), street: Type.String({ minLength: 1, maxLength: 200 }) }),
  legalRepresentative: Type.Object({ fullName: Type.String({ minLength: 2, maxLength: 100 }), idNumber: Type.Optional(Type.String({ maxLength: 20 })) }),
  phone: Type.Optional(Type.String({ maxLength: 20 })),
  email: Type.Optional(Type.String({ maxLength: 200 })),
});
export type NewOrganization = Static<typeof NewOrganizationSchema>;

export const OfficialSchema = Type.Object(
  {
    id: Type.String(),
    username: Type.String(),
    fullName: Type.String(),
    position: Bilingual,
    agencyCode: Type.String(),
    email: Nullable(Type.String()),
    status: Type.String(),
  },

);

export const GrantSchema = Type.Object({
  role: Type.Union(['receptionOfficer', 'specialist', 'leader', 'clerk', 'agencyAdmin', 'systemAdmin', 'statsViewer'].map((r) => Type.Literal(r))),
  scopeKind: Type.Union([Type.Literal('agency'), Type.Literal('adminUnit'), Type.Literal('system')]),
  scopeCode: Type.String({ minLength: 1, maxLength: 40 }),
});

export const NewOfficialSchema = Type.Object({
  username: Type.String({ pattern: '^[a-z0-9][a-z0-9._-]{2,63}$' }),
  fullName: Type.String({ minLength: 2, maxLength: 100 }),
  agencyCode: Type.String(),
  position: Bilingual,
  email: Type.Optional(Type.String({ format: 'email' })),
  phone: Type.Optional(Type.String({ maxLength: 20 })),
  initialPassword: Type.String({ minLength: 10, maxLength: 256 }),
  grants: Type.Array(GrantSchema, { minItems: 1, maxItems: 20 }),
});
export type NewOfficial = Static<typeof NewOfficialSchema>;
