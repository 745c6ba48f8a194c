// Baseline of P1: a minimal Fastify + better-sqlite3 server doing the public lookup's
// indexed work over the same file: the dossier by its unique code, the owner-number hash
// compared, its history by (dossier_id, seq), the same JSON fields. No schemas, no
// validation, no error catalogue, no logging, no plugins, no Kysely, no rate limiting.
// Environment: DATABASE_URL (sqlite:<file>), PORT, HOST.
import { createHash } from 'node:crypto';
import Fastify from 'fastify';
import SQLite from 'better-sqlite3';

const file = (process.env.DATABASE_URL ?? '').replace(/^sqlite:/, '');
const db = new SQLite(file, { timeout: 5_000 });
// The same connection settings as the system's (src/platform/db/database.ts).
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.pragma('foreign_keys = ON');
const byCode = db.prepare('select id, code, status, procedure_name, receiving_agency_code, received_at, due_at, resolved_at, owner_number_hash from dossiers where code = ?');
const history = db.prepare('select at, label_vi, label_en, status_after from dossier_events where dossier_id = ? order by seq');
const agencies = new Map(db.prepare('select code, name_vi from agencies').all().map((a) => [a.code, a.name_vi]));

const app = Fastify({ logger: false });
app.get('/readyz', async () => ({ status: 'ready' }));
app.get('/api/v1/public/dossiers/:code', async (request, reply) => {
  const row = byCode.get(request.params.code);
  const hash = createHash('sha256').update(`egov-owner:${String(request.query.idNumber ?? '').trim().toUpperCase()}`).digest('hex');
  if (!row || row.owner_number_hash !== hash) return reply.code(404).send({ status: 404 });
  return {
    code: row.code,
    status: row.status,
    procedure: row.procedure_name,
    agency: agencies.get(row.receiving_agency_code) ?? row.receiving_agency_code,
    receivedAt: row.received_at,
    dueAt: row.due_at,
    resolvedAt: row.resolved_at,
    history: history.all(row.id).map((e) => ({ at: e.at, label: { vi: e.label_vi, en: e.label_en }, status: e.status_after })),
  };
});
await app.listen({ port: Number(process.env.PORT ?? 3000), host: process.env.HOST ?? '127.0.0.1' });
const stop = () => app.close().then(() => {
  db.close();
  process.exit(0);
});
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
