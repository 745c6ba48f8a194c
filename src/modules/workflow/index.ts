/**
 * Process definitions (quy trình nội bộ) and the engine that runs them. The only file other
 * modules import from this module. The dossier module starts a dossier on
 * `getPublishedDefinition(db, key)`, records the version with `pinDefinition` in the same
 * transaction, and later loads exactly that version with `getDefinition(db, key, version)`
 * to run `applyAction` / `availableActions` on it.
 */
import type { AppModule } from '../../platform/context.js';
import { workflowMigrations } from './migrations.js';
import { workflowRoutes } from './routes.js';
import { seedWorkflowDemo } from './seed.js';

export { applyAction, startDossier } from './engine.js';
export type { StartInput } from './engine.js';
export { availableActions } from './available.js';
export type { AvailableAction } from './available.js';
export { directoryFromTree } from './agencies.js';
export type { AgencyNode } from './agencies.js';
export { toDiagram, toMermaid } from './diagram.js';
export { parseDefinition } from './schema.js';
export { validateDefinition } from './validate.js';
export type { Issue as DefinitionIssue, ValidationReport, ValidateOptions } from './validate.js';
export { definitionFor, formatRef, parseRef, pinnedRef } from './versioning.js';
export { DOSSIER_STATUSES, TERMINAL_STATUSES, BUILT_IN_ACTIONS } from './types.js';
export type {
  Action,
  ActionRequest,
  Actor as WorkflowActor,
  AgencyDirectory,
  ApplyResult,
  DeadlineRule,
  DefinitionRef,
  DossierStatus,
  Effect,
  EngineContext,
  EngineError,
  FormData as WorkflowFormData,
  ProcessDefinition,
  Step,
  WorkflowState,
} from './types.js';
export { getDefinition, getPublishedDefinition, listPublishedKeys, pinDefinition } from './store.js';
export type { StoredDefinition } from './store.js';
export { DEMO_WORKFLOW_KEYS } from './seed.js';

/** The workflow module as the composition root mounts it. */
export const workflowModule: AppModule = {
  name: 'workflow',
  migrations: workflowMigrations,
  routes: workflowRoutes,
  seedDemo: seedWorkflowDemo,
};
