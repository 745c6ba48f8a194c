/**
 * The dossier test world (test/support/dossiers.ts) without the demonstration dossiers, so that
 * the statistics tests count only the dossiers they create themselves.
 */
import { dossierWorld, type World } from '../support/dossiers.js';

/** The whole system with the Da Nang registries and catalogue, no demo dossiers, a manual clock. */
export function statsWorld(startLocal: string): Promise<World> {
  return dossierWorld(startLocal, { demoDossiers: false });
}
