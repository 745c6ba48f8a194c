import type { AppModule, PlatformServices } from '../context.js';

/**
 * The background worker: runs the modules' jobs (outbox fan-out, deliveries, scheduled
 * reminders) in a loop, after their transactions committed. It runs inside `egov start`
 * (unless `WORKER=off`) and on its own as `egov worker`; on PostgreSQL any number of
 * workers can run side by side, because every job claims its rows with
 * `FOR UPDATE SKIP LOCKED`.
 */

/** One kind of background work; `runOnce` does one batch and says how much it did. */
export interface WorkerTask {
  name: string;
  /** Processes one batch; returns how many items it handled (0: nothing to do now). */
  runOnce(): Promise<number>;
}

declare module '../context.js' {
  interface AppModule {
    /** Background tasks this module gives the worker (see `src/platform/jobs/worker.ts`). */
    jobs?: (services: PlatformServices) => WorkerTask[];
  }
}

export interface WorkerOptions {
  /** Pause between two rounds when a round found nothing to do. */
  idleMs?: number;
}

export interface Worker {
  /** Runs every task once, in order; returns what each handled. Tests call this instead of sleeping. */
  runOnce(): Promise<Record<string, number>>;
  /** Starts the loop (no-op when already running or when there are no tasks). */
  start(): void;
  /** Stops the loop and waits for the round in progress to finish. */
  stop(): Promise<void>;
  readonly tasks: readonly WorkerTask[];
}

/** The tasks every module contributes. */
export function moduleJobs(services: PlatformServices, modules: readonly AppModule[]): WorkerTask[] {
  return modules.flatMap((m) => m.jobs?.(services) ?? []);
}

/**
 * Creates a worker over the given tasks. A task that throws is logged and the others still
 * run; the loop goes on (the rows it failed on carry their own retry state).
 */
export function createWorker(services: Pick<PlatformServices, 'log'>, tasks: readonly WorkerTask[], options: WorkerOptions = {}): Worker {
  const idleMs = options.idleMs ?? 1_000;
  let running = false;
  let current: Promise<unknown> = Promise.resolve();
  let stopped: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  let wake: (() => void) | undefined;

  const runOnce = async (): Promise<Record<string, number>> => {
    const done: Record<string, number> = {};
    for (const task of tasks) {
      try {
        done[task.name] = await task.runOnce();
      } catch (error) {
        services.log.error({ err: error, task: task.name }, 'worker task failed');
        done[task.name] = 0;
      }
    }
    return done;
  };

  const loop = async () => {
    while (running) {
      const round = runOnce();
      current = round;
      const done = await round;
      if (!running) break;
      // Busy: go on at once; idle: wait, but wake up early on stop().
      if (Object.values(done).every((n) => n === 0)) {
        await new Promise<void>((resolve) => {
          wake = resolve;
          timer = setTimeout(resolve, idleMs);
        });
      }
    }
  };

  return {
    tasks,
    runOnce,
    start() {
      if (running || tasks.length === 0) return;
      running = true;
      stopped = loop().catch((error: unknown) => services.log.error({ err: error }, 'worker loop stopped'));
    },
    async stop() {
      running = false;
      if (timer) clearTimeout(timer);
      wake?.();
      await stopped;
      await current.catch(() => undefined);
    },
  };
}
