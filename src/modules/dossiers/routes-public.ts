import rateLimit from '@fastify/rate-limit';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import { AppError } from '../../platform/errors.js';
import { problemResponses } from '../../platform/http/problem.js';
import { ownerNumberHash, STATUS_NAMES } from './domain.js';
import { agencyName } from '../registry/index.js';
import { asPlatformDb } from '../../platform/db/database.js';
import { dossierDb } from './tables.js';

const Bilingual = Type.Object({ vi: Type.String(), en: Type.String() });
const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);

const PublicDossierSchema = Type.Object({
  code: Type.String(),
  status: Type.String(),
  statusName: Bilingual,
  procedure: Type.String(),
  agency: Bilingual,
  receivedAt: Nullable(Type.String()),
  dueAt: Nullable(Type.String()),
  resolvedAt: Nullable(Type.String()),
  history: Type.Array(Type.Object({ at: Type.String(), label: Bilingual, status: Type.String() })),
});

function equal(a: string, b: string): boolean {
  const ba = Buffer.from(a);
  const bb = Buffer.from(b);
  return ba.length === bb.length && timingSafeEqual(ba, bb);
}

/**
 * Public lookup (tra cứu hồ sơ) without login: the dossier code with the owner's ID or tax
 * number, or the lookup secret printed in the receipt's QR code. Shows status, procedure,
 * agency, dates and the steps' history — no officials' names, no personal data. A wrong or
 * missing pair gets the same 404 whether or not the code exists; rate-limited per client.
 */
export async function publicDossierRoutes(app: FastifyInstance): Promise<void> {
  const limit = app.services.config.publicRateLimit;
  if (limit > 0) await app.register(rateLimit, { global: false });
  app.get(
    '/public/dossiers/:code',
    {
      ...(limit > 0 ? { config: { rateLimit: { max: limit, timeWindow: '1 minute' } } } : {}),
      schema: {
        tags: ['public'],
        summary: 'Look up a dossier by code and the owner\'s ID/tax number (or the receipt\'s lookup secret)',
        params: Type.Object({ code: Type.String({ maxLength: 60 }) }),
        querystring: Type.Object({ idNumber: Type.Optional(Type.String({ maxLength: 20 })), secret: Type.Optional(Type.String({ maxLength: 40 })) }),
        response: { 200: PublicDossierSchema, ...problemResponses(400, 404, 429) },
      },
    },
    async (request) => {
      const { code } = request.params as { code: string };
      const { idNumber, secret } = request.query as { idNumber?: string; secret?: string };
      const db = dossierDb(app.services.db);
      const row = await db
        .selectFrom('dossiers')
        .select(['id', 'code', 'status', 'procedure_name', 'receiving_agency_code', 'received_at', 'due_at', 'resolved_at', 'owner_number_hash', 'lookup_secret'])
        .where('code', '=', code.trim().toUpperCase())
        .executeTakeFirst();
      const matches = !!row && ((!!idNumber && equal(ownerNumberHash(idNumber), row.owner_number_hash)) || (!!secret && equal(secret, row.lookup_secret)));
      if (!row || !matches) {
        throw new AppError('NOT_FOUND', {
          detail: { vi: 'Không tìm thấy hồ sơ với mã và số giấy tờ đã nhập.', en: 'No dossier matches this code and number.' },
        });
      }
      const events = await db.selectFrom('dossier_events').select(['at', 'label_vi', 'label_en', 'status_after']).where('dossier_id', '=', row.id).orderBy('seq').execute();
      // One agency's name, not the whole tree: this route is hit hard (bench P1).
      const agency = await agencyName(asPlatformDb(db), row.receiving_agency_code);
      return {
        code: row.code ?? code,
        status: row.status,
        statusName: STATUS_NAMES[row.status] ?? { vi: row.status, en: row.status },
        procedure: row.procedure_name,
        agency: agency ?? { vi: row.receiving_agency_code, en: row.receiving_agency_code },
        receivedAt: row.received_at,
        dueAt: row.due_at,
        resolvedAt: row.resolved_at,
        history: events.map((e) => ({ at: e.at, label: { vi: e.label_vi, en: e.label_en }, status: e.status_after })),
      };
    },
  );
}
