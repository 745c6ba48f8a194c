/**
 * Notifications (thông báo): delivers what state changes wrote to the outbox, after commit:
 * in-app notifications, e-mail, SMS and signed webhooks to other agencies' systems, with
 * de-duplication keys, retries with exponential back-off and dead letters; users choose
 * their channels; a daily job reminds officials of dossiers due soon and overdue.
 */
import type { FastifyInstance } from 'fastify';
import type { AppModule } from '../../platform/context.js';
import { notificationJobs } from './jobs.js';
import { notificationMigrations } from './migrations.js';
import { adminRoutes } from './routes-admin.js';
import { inboxRoutes } from './routes-inbox.js';

export { notificationJobs, type NotificationJobOptions } from './jobs.js';
export { deliverDue, claimDeliveries, type DeliverOptions } from './deliver.js';
export { fanOut } from './fan-out.js';
export { listDeadLetters, retryDeadLetter, maskAddress, type DeadLetter } from './dead-letters.js';
export { writeReminders, remindIfDue, vietnamDay, REMINDER_HOUR } from './reminders.js';
export { renderNotice, emailOf, formatVietnamTime, TEMPLATE_EVENTS, type NoticeFacts, type RenderedNotice } from './templates.js';
export { DEFAULT_PREFERENCES, type ChannelPreferences } from './preferences.js';
export { eventMatches } from './webhooks.js';
export type { NotificationTables } from './tables.js';

/** The notifications module as the composition root mounts it. */
export const notificationsModule: AppModule = {
  name: 'notifications',
  migrations: notificationMigrations,
  routes: async (app: FastifyInstance) => {
    await app.register(inboxRoutes);
    await app.register(adminRoutes);
  },
  jobs: (services) => notificationJobs(services),
};
