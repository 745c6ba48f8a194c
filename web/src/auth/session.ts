import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, unwrap } from '../api/client';
import type { paths } from '../api/schema';

/** The signed-in account as `/api/v1/auth/me` returns it. */
export type Me = paths['/api/v1/auth/me']['get']['responses'][200]['content']['application/json'];

const ME_KEY = ['auth', 'me'] as const;

/**
 * The current session: `me` is null when nobody is signed in (the API answers 401), so
 * pages can tell "anonymous" from "still loading" and from a real error.
 */
export function useSession() {
  const query = useQuery({
    queryKey: ME_KEY,
    queryFn: async (): Promise<Me | null> => {
      try {
        return await unwrap(api.GET('/api/v1/auth/me'));
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: 60_000,
    retry: false,
  });
  return { me: query.data ?? null, loading: query.isPending, error: query.error };
}

/** True when the account holds the role in any scope. */
export function hasRole(me: Me | null, role: string): boolean {
  return me?.grants.some((g) => g.role === role) ?? false;
}

/** Logs in; on success the session cookies are set by the server and `me` is refreshed. */
export function useLogin() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { username: string; password: string }) => unwrap(api.POST('/api/v1/auth/login', { body })),
    onSuccess: (result) => {
      client.setQueryData(ME_KEY, result.account);
    },
  });
}

/** Logs out and forgets everything cached for the account. */
export function useLogout() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/auth/logout')),
    onSettled: () => {
      client.clear();
      client.setQueryData(ME_KEY, null);
    },
  });
}
