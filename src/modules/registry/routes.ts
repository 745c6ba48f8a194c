import type { FastifyInstance } from 'fastify';
import { importRoutes } from './routes-imports.js';
import { officialRoutes } from './routes-officials.js';
import { peopleRoutes } from './routes-people.js';
import { placeRoutes } from './routes-places.js';

/** Every route of the registry module (mounted under /api/v1). */
export async function registryRoutes(app: FastifyInstance): Promise<void> {
  await app.register(placeRoutes);
  await app.register(peopleRoutes);
  await app.register(officialRoutes);
  await app.register(importRoutes);
}
