import type { Bilingual, DefinitionRef, ProcessDefinition, WorkflowState } from './types.js';

/** A pinned reference as text, e.g. `ho-tich.khai-sinh@3`. */
export type PinnedRef = `${string}@${number}`;

/** Formats the exact definition version a dossier runs on. */
export function formatRef(ref: DefinitionRef): PinnedRef {
  return `${ref.key}@${ref.version}`;
}

/** Parses `key@version`; null when malformed. */
export function parseRef(text: string): DefinitionRef | null {
  const at = text.lastIndexOf('@');
  const key = text.slice(0, at);
  const versionText = text.slice(at + 1);
  if (at <= 0 || !/^[1-9][0-9]*$/.test(versionText)) return null;
  return { key, version: Number(versionText) };
}

/** The version a dossier is pinned to: what the caller must load to run it. */
export function pinnedRef(state: Pick<WorkflowState, 'definition'>): PinnedRef {
  return formatRef(state.definition);
}

/**
 * Picks, among stored versions of a definition, the exact one a running dossier is pinned to.
 * A dossier never moves to a newer version: published definitions are immutable.
 */
export function definitionFor<D extends Pick<ProcessDefinition, 'key' | 'version'>>(
  state: Pick<WorkflowState, 'definition'>,
  versions: readonly D[],
): D | undefined {
  return versions.find((d) => d.key === state.definition.key && d.version === state.definition.version);
}

/** Deep equality on JSON values, ignoring key order in objects. */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ak = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const bk = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (ak.length !== bk.length) return false;
  return ak.every((k) => sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

export type NextVersionErrorCode = 'KEY_MISMATCH' | 'STALE_VERSION';

/** The outcome of publishing an edit. `changed: false` means nothing to publish. */
export type NextVersionResult =
  | { readonly ok: true; readonly changed: boolean; readonly definition: ProcessDefinition }
  | { readonly ok: false; readonly error: { readonly code: NextVersionErrorCode; readonly message: Bilingual } };

/**
 * Turns an edit of the latest published definition into the next version, leaving the stored
 * one untouched (published definitions are immutable; running dossiers keep their version).
 * The edit must say which version it was based on (`edited.version`), so two admins editing
 * at once cannot silently overwrite each other. Validate the result before saving it.
 */
export function nextVersion(published: ProcessDefinition, edited: ProcessDefinition): NextVersionResult {
  if (edited.key !== published.key) {
    return {
      ok: false,
      error: {
        code: 'KEY_MISMATCH',
        message: {
          vi: `Bản sửa thuộc quy trình "${edited.key}", không phải "${published.key}".`,
          en: `The edit belongs to process "${edited.key}", not "${published.key}".`,
        },
      },
    };
  }
  if (edited.version !== published.version) {
    return {
      ok: false,
      error: {
        code: 'STALE_VERSION',
        message: {
          vi: `Bản sửa dựa trên phiên bản ${edited.version} nhưng phiên bản mới nhất là ${published.version}.`,
          en: `The edit is based on version ${edited.version} but the latest is ${published.version}.`,
        },
      },
    };
  }
  if (sameJson(edited, published)) return { ok: true, changed: false, definition: published };
  return { ok: true, changed: true, definition: { ...edited, version: published.version + 1 } };
}
