import type { PlatformServices, SeedReport } from '../../platform/context.js';
import { DEPARTMENT_OF_CONSTRUCTION_CODE } from '../registry/index.js';
import { constructionPermit, interLevelTransfer, sameDayCertification, standardOneStop } from './demo-definitions.js';
import { parseDefinition } from './schema.js';
import { insertPublished } from './store.js';
import type { AgencySelector, ProcessDefinition } from './types.js';

/**
 * The demo definitions under the keys the demo catalogue's procedures name
 * (`workflowKey`), so that every demo procedure runs on a published workflow.
 */
export const DEMO_WORKFLOW_KEYS = {
  'standard-one-stop': standardOneStop,
  'same-day-certification': sameDayCertification,
  'ward-to-department': interLevelTransfer,
  'construction-permit': constructionPermit,
} as const satisfies Record<string, ProcessDefinition>;

/** The demo definitions name the construction department by a placeholder code; the seeded registry uses its real one. */
function withRegistryCodes(selector: AgencySelector): AgencySelector {
  return selector.kind === 'named' && selector.code === 'DN.SXD' ? { kind: 'named', code: DEPARTMENT_OF_CONSTRUCTION_CODE } : selector;
}

/** The seeded form of one demo definition: re-keyed and pointing at registry agencies. */
export function demoDefinition(key: string, def: ProcessDefinition): ProcessDefinition {
  return {
    ...def,
    key,
    version: 1,
    steps: def.steps.map((s) => ({ ...s, agency: withRegistryCodes(s.agency) })),
    ...(def.legs ? { legs: def.legs.map((l) => ({ ...l, agency: withRegistryCodes(l.agency) })) } : {}),
  };
}

/** Loads the demonstration process definitions, published at version 1. */
export async function seedWorkflowDemo(services: PlatformServices): Promise<SeedReport> {
  const stamp = { actorId: null, at: services.clock.now(), newId: services.newId };
  for (const [key, def] of Object.entries(DEMO_WORKFLOW_KEYS)) {
    const parsed = parseDefinition(demoDefinition(key, def));
    if (!parsed.ok) throw new Error(`demo workflow ${key} is invalid: ${parsed.errors.map((e) => `${e.path} ${e.message.en}`).join('; ')}`);
    await insertPublished(services.db, parsed.definition, stamp);
  }
  return { summary: [`${Object.keys(DEMO_WORKFLOW_KEYS).length} process definitions`] };
}
