/**
 * The one-stop dossier lifecycle (Một cửa điện tử, liên thông): submission online and at the
 * counter, reception with dossier codes and appointments, processing through the pinned
 * workflow with transfers between agencies and levels, supplements and payments that pause
 * the clock, apologies, results and their return, ratings, queues and public lookup.
 */
import type { FastifyInstance } from 'fastify';
import type { AppModule } from '../../platform/context.js';
import { dossierMigrations } from './migrations.js';
import { dossierRoutes } from './routes.js';
import { publicDossierRoutes } from './routes-public.js';
import { documentRoutes } from './routes-documents.js';
import { seedDossierDemo } from './seed.js';

export { createDossier, type CreateDossierInput } from './create-dossier.js';
export { performAction, type ActionInput } from './perform-action.js';
export { dossierCode, localDayYYMMDD, timeliness, STATUS_NAMES } from './domain.js';
export type { DossierTables } from './tables.js';
export { agenciesOfDesks, generateDossiers, type GenAgency, type GenerateOptions, type GenerateResult, type GenProcedure } from './generate.js';
export { seedDossierDemo, type DossierDemoOptions } from './seed.js';
export { dossierNotice, openDossiersDueBefore, type DossierNotice } from './notice-reads.js';
export { findDossierId, listDeskDossiers, loadDossierForDocuments, visibleDossierRow, type DossierDocumentRow, type DossierEventRow, type DossierForDocuments, type DossierRequestRow } from './read-model.js';
export type { DossierRow } from './tables.js';

/** The dossier module as the composition root mounts it. */
export const dossierModule: AppModule = {
  name: 'dossiers',
  migrations: dossierMigrations,
  seedDemo: (services) => seedDossierDemo(services),
  routes: async (app: FastifyInstance) => {
    await app.register(dossierRoutes);
    await app.register(documentRoutes);
    await app.register(publicDossierRoutes);
  },
};
export { readDossiersForStats, type StatsFeedItem, type StatsFeedRow } from './stats-feed.js';
