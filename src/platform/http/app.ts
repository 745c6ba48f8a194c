import helmet from '@fastify/helmet';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyRequest, type RawServerDefault } from 'fastify';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { authPlugin } from '../auth/plugin.js';
import { authRoutes } from '../auth/routes.js';
import { auditRoutes } from '../audit/routes.js';
import type { AppDependencies, PlatformServices } from '../context.js';
import { platformMigrations } from '../db/platform-migrations.js';
import { outboxMigrations } from '../jobs/outbox.js';
import type { NamedMigration } from '../db/migrator.js';
import { filesPlugin } from '../files/plugin.js';
import { registerHealthRoutes } from './health.js';
import { metricsPlugin } from './metrics.js';
import { ProblemSchema, buildProblem, problemFromError, sendProblem } from './problem.js';
import { webApp } from './web.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Platform services (database, clock, ids, config, logger) for route handlers. */
    services: PlatformServices;
  }
}

/** The application instance, typed for TypeBox route schemas. */
export type App = FastifyInstance<RawServerDefault, IncomingMessage, ServerResponse, FastifyBaseLogger, TypeBoxTypeProvider>;

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,100}$/;

/** Every migration of the platform and the given modules, in order. */
export function allMigrations(deps: Pick<AppDependencies, 'modules'>): NamedMigration[] {
  return [...platformMigrations, ...outboxMigrations, ...deps.modules.flatMap((m) => m.migrations ?? [])].sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
  );
}

/**
 * Builds the HTTP application: request ids, logging, problem+json errors, OpenAPI 3.1 at
 * `/api/openapi.json` with a reference page at `/api/docs`, health and metrics endpoints,
 * and every module's routes under `/api/v1`. It does not listen; `startServer` does.
 */
export async function buildApp(deps: AppDependencies): Promise<App> {
  const app = Fastify({
    loggerInstance: deps.log as FastifyBaseLogger,
    requestIdHeader: false,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : deps.newId();
    },
    return503OnClosing: true,
    bodyLimit: 1_048_576,
    ajv: { customOptions: { allErrors: true, coerceTypes: 'array', useDefaults: true, removeAdditional: false } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  const services: PlatformServices = {
    config: deps.config,
    db: deps.database.db,
    dialect: deps.database.dialect,
    clock: deps.clock,
    newId: deps.newId,
    log: deps.log,
  };
  app.decorate('services', services);
  app.addSchema(ProblemSchema);

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'e-Government platform API (Hệ thống thông tin Chính quyền điện tử)',
        version: '1.0.0',
        description:
          'Online public services, one-stop dossier processing and shared base registries. Errors are RFC 9457 problem+json with Vietnamese and English messages.',
        license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
      },
      servers: [{ url: deps.config.publicUrl }],
      tags: [
        { name: 'operations', description: 'Health, readiness and metrics' },
        { name: 'auth', description: 'Login, sessions and API tokens (Đăng nhập, phiên làm việc)' },
        { name: 'audit', description: 'Audit log and its hash chain (Nhật ký hệ thống)' },
      ],
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'egov_session', description: 'Browser session; mutations also need the X-CSRF-Token header' },
          bearer: { type: 'http', scheme: 'bearer', description: 'API token for integrations' },
        },
      },
    },
    refResolver: {
      buildLocalReference: (json, _baseUri, _fragment, i) => (typeof json.$id === 'string' ? json.$id : `def-${i}`),
    },
  });
  await app.register(helmet, {
    // The API reference page and the web app load only their own scripts and styles.
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    strictTransportSecurity: deps.config.publicUrl.startsWith('https://'),
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true, uiConfig: { docExpansion: 'list', deepLinking: true } });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  await app.register(metricsPlugin);

  // While shutting down, answer in-flight requests with `Connection: close` so that their
  // keep-alive sockets end with the response instead of holding the shutdown open.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
    app.server.closeIdleConnections();
  });
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', String(request.id));
    if (closing) reply.header('connection', 'close');
  });

  app.setErrorHandler((error, request, reply) => {
    const problem = problemFromError(error, request);
    if (problem.internal) request.log.error({ err: error }, 'unhandled error');
    else if (problem.status >= 500) request.log.warn({ err: error }, 'service error');
    return sendProblem(reply, problem);
  });
  app.setNotFoundHandler((request: FastifyRequest, reply) =>
    sendProblem(
      reply,
      buildProblem('ROUTE_NOT_FOUND', request, {
        vi: `Không có địa chỉ ${request.method} ${request.url.split('?')[0] ?? ''}.`,
        en: `There is no route ${request.method} ${request.url.split('?')[0] ?? ''}.`,
      }),
    ),
  );

  registerHealthRoutes(app, allMigrations(deps));
  await app.register(authPlugin, { resolveScopes: deps.modules.find((m) => m.resolveScopes)?.resolveScopes });
  await app.register(filesPlugin);
  await app.register(authRoutes, { prefix: '/api/v1' });
  await app.register(auditRoutes, { prefix: '/api/v1' });
  for (const module of deps.modules) {
    if (module.routes) await app.register(module.routes, { prefix: '/api/v1' });
  }
  await app.register(webApp);
  return app;
}
