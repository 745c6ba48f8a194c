import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { existsSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface WebAppOptions {
  /** The built web app (Vite's output); defaults to `web/dist` of this repository. */
  root?: string;
}

/** `web/dist` of the repository: this file sits three folders down, in src/ or in dist/. */
export const defaultWebRoot = fileURLToPath(new URL('../../../web/dist', import.meta.url));

// Vite puts content-hashed files under /assets/: they never change, so browsers may keep
// them for a year. index.html names the current hashes, so it is always revalidated.
const IMMUTABLE = { maxAge: 365 * 24 * 3600 * 1000, immutable: true } as const;
const REVALIDATE = { maxAge: 0 } as const;

// Paths that name a file the browser loads itself; a procedure address such as
// /thu-tuc/1.009994 also has a dot but is a page of the app.
const ASSET = /\.(js|mjs|css|map|json|txt|xml|webmanifest|ico|png|jpe?g|gif|svg|webp|avif|woff2?|ttf|pdf|docx?|xlsx?)$/i;

function isApiPath(path: string): boolean {
  return path === '/api' || path.startsWith('/api/');
}

/** The file a request path names inside `root`, or undefined (missing, a folder, or outside root). */
function fileUnder(root: string, path: string): string | undefined {
  const full = resolve(root, `.${path}`);
  const rel = relative(root, full);
  if (rel === '' || rel.startsWith('..') || rel.split(sep).some((part) => part.startsWith('.'))) return undefined;
  try {
    return statSync(full).isFile() ? rel.split(sep).join('/') : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Serves the web app (`web/dist`) at `/`: its files as they are, and `index.html` for every
 * other GET that is not under `/api`, so that client-side addresses such as `/tra-cuu` load
 * the app (SPA fallback). Unknown `/api/*` addresses and missing asset files keep the API's
 * 404 problem+json. Register after the API routes; its `/*` route is the least specific.
 */
export async function webApp(app: FastifyInstance, options: WebAppOptions = {}): Promise<void> {
  const root = options.root ?? defaultWebRoot;
  await app.register(fastifyStatic, { root, serve: false });

  app.get('/*', { schema: { hide: true } }, async (request: FastifyRequest, reply: FastifyReply) => {
    let path: string;
    try {
      path = decodeURIComponent(request.url.split('?')[0] ?? '/');
    } catch {
      return reply.callNotFound();
    }
    if (isApiPath(path) || path.includes('\0')) return reply.callNotFound();
    const file = fileUnder(root, path);
    if (file) return reply.sendFile(file, root, file.startsWith('assets/') ? IMMUTABLE : REVALIDATE);
    // A missing file (a stale hashed asset, a typo) is a 404, not the app's HTML.
    if (path.startsWith('/assets/') || ASSET.test(path) || !existsSync(join(root, 'index.html'))) return reply.callNotFound();
    return reply.header('cache-control', 'no-cache').sendFile('index.html', root, { ...REVALIDATE, cacheControl: false });
  });
}
