import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { createWorker, type WorkerTask } from './worker.js';

const log = pino({ level: 'silent' });

describe('the worker loop', () => {
  it('a task that throws does not keep the others from running', async () => {
    const ran: string[] = [];
    const tasks: WorkerTask[] = [
      { name: 'broken', runOnce: async () => { ran.push('broken'); throw new Error('mail server down'); } },
      { name: 'fine', runOnce: async () => { ran.push('fine'); return 3; } },
    ];
    expect(await createWorker({ log }, tasks).runOnce()).toEqual({ broken: 0, fine: 3 });
    expect(ran).toEqual(['broken', 'fine']);
  });

  it('stop() waits for the round in progress, then no round starts', async () => {
    let rounds = 0;
    let release: () => void = () => undefined;
    const task: WorkerTask = {
      name: 'slow',
      runOnce: () => {
        rounds += 1;
        return new Promise<number>((resolve) => { release = () => resolve(0); });
      },
    };
    const worker = createWorker({ log }, [task], { idleMs: 5 });
    worker.start();
    await new Promise((r) => setTimeout(r, 10));
    let stopped = false;
    const stopping = worker.stop().then(() => { stopped = true; });
    await new Promise((r) => setTimeout(r, 10));
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(stopped).toBe(true);
    expect(rounds).toBe(1);
  });

  it('a worker without tasks does not loop', async () => {
    const worker = createWorker({ log }, []);
    worker.start();
    await worker.stop();
    expect(await worker.runOnce()).toEqual({});
  });
});
