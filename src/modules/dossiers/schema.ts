import { Type } from '@sinclair/typebox';

/** Request schemas of the dossier routes. */

export const CreateDossierSchema = Type.Object({
  procedureCode: Type.String({ minLength: 1, maxLength: 40 }),
  deskCode: Type.String({ minLength: 1, maxLength: 40 }),
  owner: Type.Object({ kind: Type.Union([Type.Literal('citizen'), Type.Literal('organization')]), number: Type.String({ minLength: 10, maxLength: 14 }) }),
  submitterName: Type.Optional(Type.String({ minLength: 2, maxLength: 100 })),
  formData: Type.Record(Type.String(), Type.Unknown()),
  delivery: Type.Object({ method: Type.Union([Type.Literal('counter'), Type.Literal('post'), Type.Literal('online')]), address: Type.Optional(Type.String({ maxLength: 300 })) }),
  documents: Type.Optional(Type.Array(Type.Object({ requirementId: Type.String(), sha256: Type.String({ pattern: '^[0-9a-f]{64}$' }), fileName: Type.String({ minLength: 1, maxLength: 255 }) }), { maxItems: 50 })),
  draft: Type.Optional(Type.Boolean()),
});

export const ActionSchema = Type.Object({
  actionId: Type.String({ minLength: 1, maxLength: 80 }),
  version: Type.Integer({ minimum: 1 }),
  note: Type.Optional(Type.String({ maxLength: 2000 })),
  toAgencyCode: Type.Optional(Type.String({ maxLength: 40 })),
  assigneeId: Type.Optional(Type.String({ maxLength: 40 })),
  supplementItems: Type.Optional(Type.Array(Type.Object({ name: Type.String({ minLength: 1, maxLength: 300 }), note: Type.Optional(Type.String({ maxLength: 500 })) }), { minItems: 1, maxItems: 50 })),
  reason: Type.Optional(Type.String({ minLength: 1, maxLength: 2000 })),
  result: Type.Optional(Type.Object({ number: Type.String({ minLength: 1, maxLength: 60 }), date: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }), signer: Type.String({ minLength: 2, maxLength: 100 }), summary: Type.String({ minLength: 2, maxLength: 1000 }) })),
  delivery: Type.Optional(Type.Object({ receivedBy: Type.Optional(Type.String({ minLength: 2, maxLength: 100 })), trackingNumber: Type.Optional(Type.String({ minLength: 4, maxLength: 40 })) })),
  documents: Type.Optional(Type.Array(Type.Object({ requirementId: Type.Optional(Type.String()), sha256: Type.String({ pattern: '^[0-9a-f]{64}$' }), fileName: Type.String({ minLength: 1, maxLength: 255 }) }), { maxItems: 50 })),
  payment: Type.Optional(Type.Object({ amount: Type.Integer({ minimum: 0 }), reference: Type.String({ minLength: 1, maxLength: 60 }), method: Type.Union([Type.Literal('cash'), Type.Literal('transfer'), Type.Literal('card')]) })),
});

export const EventSchema = Type.Object({
  seq: Type.Integer(),
  at: Type.String(),
  action: Type.String(),
  label: Type.Object({ vi: Type.String(), en: Type.String() }),
  actorName: Type.String(),
  fromStep: Type.Union([Type.String(), Type.Null()]),
  toStep: Type.Union([Type.String(), Type.Null()]),
  fromAgency: Type.Union([Type.String(), Type.Null()]),
  toAgency: Type.Union([Type.String(), Type.Null()]),
  stepDueAt: Type.Union([Type.String(), Type.Null()]),
  previousStepDueAt: Type.Union([Type.String(), Type.Null()]),
  onTime: Type.Union([Type.Boolean(), Type.Null()]),
  statusAfter: Type.String(),
  note: Type.Union([Type.String(), Type.Null()]),
});

export const AvailableActionSchema = Type.Object({
  id: Type.String(),
  type: Type.String(),
  label: Type.Object({ vi: Type.String(), en: Type.String() }),
  needsTargetAgency: Type.Boolean(),
});
