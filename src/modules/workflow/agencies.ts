import type { AgencyDirectory, AgencySelector, EngineError, WorkflowState } from './types.js';

/** One node of the agency tree, as the registry module stores it. */
export interface AgencyNode {
  readonly id: string;
  readonly code: string;
  readonly parentId: string | null;
}

/**
 * Builds an `AgencyDirectory` from the agency tree as data. The depth is not fixed: the same
 * code serves the two-tier structure (city → ward, since 01/07/2025) and the older three-tier
 * one (city → district → ward) that the seed data and older dossiers still use.
 */
export function directoryFromTree(nodes: readonly AgencyNode[]): AgencyDirectory {
  const parents = new Map<string, string | null>();
  const byCode = new Map<string, string>();
  for (const node of nodes) {
    parents.set(node.id, node.parentId);
    byCode.set(node.code, node.id);
  }
  return {
    parentOf: (id) => parents.get(id) ?? null,
    idByCode: (code) => byCode.get(code) ?? null,
  };
}

/** The outcome of resolving an agency selector. */
export type AgencyResolution = { readonly ok: true; readonly agencyId: string } | { readonly ok: false; readonly error: EngineError };

function notResolved(vi: string, en: string): AgencyResolution {
  return { ok: false, error: { code: 'AGENCY_NOT_RESOLVED', message: { vi, en } } };
}

/**
 * Finds the agency a selector designates, relative to `baseAgencyId` (the agency holding the
 * dossier when the selector is applied). `chosenAgencyId` is the officer's pick for `child`.
 */
export function resolveAgency(
  selector: AgencySelector,
  baseAgencyId: string,
  state: Pick<WorkflowState, 'receivingAgencyId' | 'competentAgencyId'>,
  agencies: AgencyDirectory,
  chosenAgencyId?: string,
): AgencyResolution {
  switch (selector.kind) {
    case 'receiving':
      return { ok: true, agencyId: state.receivingAgencyId };
    case 'current':
      return { ok: true, agencyId: baseAgencyId };
    case 'competent':
      return state.competentAgencyId === null
        ? notResolved('Hồ sơ chưa xác định cơ quan có thẩm quyền.', 'The dossier has no competent agency.')
        : { ok: true, agencyId: state.competentAgencyId };
    case 'named': {
      const id = agencies.idByCode(selector.code);
      return id === null
        ? notResolved(`Không tìm thấy cơ quan có mã ${selector.code}.`, `No agency has the code ${selector.code}.`)
        : { ok: true, agencyId: id };
    }
    case 'parent': {
      const id = agencies.parentOf(baseAgencyId);
      return id === null
        ? notResolved('Cơ quan hiện tại không có cấp trên.', 'The current agency has no parent level.')
        : { ok: true, agencyId: id };
    }
    case 'child':
      if (chosenAgencyId === undefined) {
        return notResolved('Cần chọn cơ quan cấp dưới nhận hồ sơ.', 'Choose the lower-level agency to receive the dossier.');
      }
      return agencies.parentOf(chosenAgencyId) === baseAgencyId
        ? { ok: true, agencyId: chosenAgencyId }
        : notResolved(
            'Cơ quan được chọn không phải cấp dưới trực tiếp của cơ quan hiện tại.',
            'The chosen agency is not directly below the current agency.',
          );
  }
}
