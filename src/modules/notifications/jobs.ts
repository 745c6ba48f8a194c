import type { PlatformServices } from '../../platform/context.js';
import { consumeOutbox } from '../../platform/jobs/outbox-consumer.js';
import type { WorkerTask } from '../../platform/jobs/worker.js';
import { createChannels, type Channels } from '../../platform/notify/index.js';
import { deliverDue, type DeliverOptions } from './deliver.js';
import { fanOut } from './fan-out.js';
import { remindIfDue } from './reminders.js';

export interface NotificationJobOptions extends DeliverOptions {
  /** Replaces the real senders (tests: a sender that "dies" after sending). */
  channels?: Channels;
  /** Leave out the daily reminder (e.g. a second worker in a test). */
  reminders?: boolean;
}

/**
 * The worker tasks of notifications, in the order a round runs them: the daily reminder
 * (writes outbox messages), the outbox fan-out (messages → deliveries and in-app
 * notifications, in the acknowledging transaction), then the deliveries themselves.
 */
export function notificationJobs(services: PlatformServices, options: NotificationJobOptions = {}): WorkerTask[] {
  const channels = options.channels ?? createChannels(services.config, services.clock, services.log);
  const tasks: WorkerTask[] = [];
  if (options.reminders !== false) tasks.push({ name: 'reminders', runOnce: async () => ((await remindIfDue(services)) ? 1 : 0) });
  tasks.push(
    { name: 'outbox', runOnce: () => consumeOutbox(services.db, services.clock.now(), (trx, message) => fanOut(services, trx, message)) },
    { name: 'deliveries', runOnce: () => deliverDue(services, channels, options) },
  );
  return tasks;
}
