import type { paths } from '../../api/schema';

/** Response and body types of the admin endpoints, taken from the generated OpenAPI schema. */
type Ok<P extends keyof paths, M extends 'get' | 'post' | 'put' | 'patch'> = paths[P][M] extends { responses: infer R }
  ? R extends { 200: { content: { 'application/json': infer B } } }
    ? B
    : R extends { 201: { content: { 'application/json': infer B } } }
      ? B
      : never
  : never;

export type Unit = Ok<'/api/v1/registry/units', 'get'>['items'][number];
export type Agency = Ok<'/api/v1/registry/agencies', 'get'>['items'][number];
export type AgencyDetail = Ok<'/api/v1/registry/agencies/{code}', 'get'>;
export type Official = Ok<'/api/v1/registry/officials', 'get'>['items'][number];
export type OfficialDetail = Ok<'/api/v1/registry/officials/{id}', 'get'>;
export type Grant = OfficialDetail['grants'][number];
export type StoredProcedure = Ok<'/api/v1/catalog/procedures', 'get'>['items'][number];
export type WorkflowSummary = Ok<'/api/v1/workflows', 'get'>['items'][number];
export type Issue = Ok<'/api/v1/workflows/validate', 'post'>['errors'][number];
export type ImportRun = Ok<'/api/v1/registry/imports/{id}', 'get'>;
export type AuditRow = Ok<'/api/v1/audit', 'get'>['items'][number];
export type DeskHours = Ok<'/api/v1/calendar/desks/{deskCode}/hours', 'get'>;
export type WeeklyHours = DeskHours['hours'];
export type DeskException = Ok<'/api/v1/calendar/desks/{deskCode}/exceptions', 'get'>['items'][number];
export type DeadLetter = Ok<'/api/v1/outbox/dead-letters', 'get'>['items'][number];
export type AccessLogEntry = Ok<'/api/v1/registry/{kind}/{id}/access-log', 'get'>['items'][number];
export type CitizenSummary = Ok<'/api/v1/registry/citizens', 'get'>['items'][number];

/** The roles an administrator can grant, in the order they appear in forms. */
export const ROLES: Grant['role'][] = ['receptionOfficer', 'specialist', 'leader', 'clerk', 'agencyAdmin', 'systemAdmin', 'statsViewer'];
export const SCOPE_KINDS: Grant['scopeKind'][] = ['agency', 'adminUnit', 'system'];
