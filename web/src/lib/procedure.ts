import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import type { paths } from '../api/schema';
import { readDocument, type DocumentView } from './catalog-view';
import { readFields, type Field } from './eform';

export type ProcedureDetail = paths['/api/v1/public/procedures/{code}']['get']['responses'][200]['content']['application/json'];

/** A published procedure with its e-form fields and document list read out. */
export function useProcedure(code: string | undefined) {
  return useQuery({
    queryKey: ['public', 'procedure-form', code],
    enabled: !!code,
    queryFn: async (): Promise<{ procedure: ProcedureDetail; fields: Field[]; documents: DocumentView[] }> => {
      const procedure = await unwrap(api.GET('/api/v1/public/procedures/{code}', { params: { path: { code: code ?? '' } } }));
      return { procedure, fields: readFields(procedure.eForm), documents: procedure.documents.flatMap((d, i) => readDocument(d, i) ?? []) };
    },
    staleTime: 5 * 60_000,
  });
}

/** The published procedures (for the counter's procedure picker). */
export function useProcedureList() {
  return useQuery({
    queryKey: ['public', 'procedures', 'all'],
    queryFn: () => unwrap(api.GET('/api/v1/public/procedures', { params: { query: { limit: 100 } } })),
    staleTime: 5 * 60_000,
  });
}
