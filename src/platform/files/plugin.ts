import { join } from 'node:path';
import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { LocalFileStore } from './local-store.js';
import type { FileStore } from './store.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The content-addressed file store (local disk, or an S3-compatible adapter). */
    files: FileStore;
  }
}

export interface FilesPluginOptions {
  /** The store to use; default a `LocalFileStore` under `DATA_DIR/files`. */
  store?: FileStore;
}

/**
 * The platform's file service: decorates `app.files` with the store and registers multipart
 * parsing once, at the root, so that any route plugin can call `acceptUpload` (modules must
 * not register `@fastify/multipart` again: Fastify refuses a second multipart parser).
 * Per-route limits are passed to `request.file()`; the root limits below are only a safe
 * default for a route that forgets.
 */
export const filesPlugin = fp(
  async (app: FastifyInstance, opts: FilesPluginOptions) => {
    app.decorate('files', opts.store ?? new LocalFileStore(join(app.services.config.dataDir, 'files')));
    await app.register(multipart, {
      limits: { files: 1, fileSize: 1024 * 1024, fields: 50, fieldSize: 64 * 1024, parts: 100, headerPairs: 100 },
    });
  },
  { name: 'egov-files', fastify: '5.x', decorators: { fastify: ['services'] } },
);
