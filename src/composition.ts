import { calendarModule } from './modules/calendar/index.js';
import { catalogModule } from './modules/catalog/index.js';
import { dossierModule } from './modules/dossiers/index.js';
import { documentsModule } from './modules/documents/index.js';
import { notificationsModule } from './modules/notifications/index.js';
import { registryModule } from './modules/registry/index.js';
import { statsModule } from './modules/stats/index.js';
import { workflowModule } from './modules/workflow/index.js';
import type { AppModule } from './platform/context.js';

/**
 * The composition root: every module the running system consists of, in dependency order.
 * A module appears here through its `index.ts` only.
 */
export const appModules: readonly AppModule[] = [registryModule, workflowModule, catalogModule, calendarModule, dossierModule, documentsModule, notificationsModule, statsModule];
