import type { FastifyInstance } from 'fastify';
import { catalogAdminRoutes } from './routes-admin.js';
import { catalogPublicRoutes } from './routes-public.js';
import { catalogTransferRoutes } from './routes-transfer.js';

/** Every route of the catalogue module (mounted under /api/v1). */
export async function catalogRoutes(app: FastifyInstance): Promise<void> {
  await app.register(catalogAdminRoutes);
  await app.register(catalogTransferRoutes);
  await app.register(catalogPublicRoutes);
}
