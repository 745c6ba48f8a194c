/**
 * Baseline of P6: dossiers pushed through `p6-approval.bpmn` by bpmn-engine, each user task
 * signalled programmatically as soon as it waits. The XML is parsed once and the parsed
 * model reused, as a server holding its process definitions would.
 */
import { readFileSync } from 'node:fs';
import { EventEmitter } from 'node:events';
import { Engine } from 'bpmn-engine';
import BpmnModdle from 'bpmn-moddle';

const STEPS = ['receive', 'submitToLeader', 'leaderApprove', 'issueResult', 'returnResult'];

/** Parses the approval process once. */
export async function loadApprovalProcess(): Promise<unknown> {
  return new BpmnModdle().fromXML(readFileSync(new URL('./p6-approval.bpmn', import.meta.url), 'utf8'));
}

interface WaitApi {
  id: string;
  signal(message?: unknown): void;
}

/** Runs one dossier from submission to return; resolves with the user tasks it passed. */
async function runDossier(moddleContext: unknown, i: number): Promise<string[]> {
  const listener = new EventEmitter();
  const passed: string[] = [];
  listener.on('wait', (api: WaitApi) => {
    passed.push(api.id);
    api.signal({ actor: `${api.id}-1`, dossier: i });
  });
  const engine = new Engine({ name: `dossier-${i}`, moddleContext, listener });
  const ended = engine.waitFor('end');
  await engine.execute({ listener });
  await ended;
  return passed;
}

/** Pushes `n` dossiers through the process one after another; throws if one takes another path. */
export async function pushDossiersBpmn(moddleContext: unknown, n: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    const passed = await runDossier(moddleContext, i);
    if (passed.join() !== STEPS.join()) throw new Error(`bpmn dossier ${i} passed ${passed.join(' → ')}`);
  }
}
