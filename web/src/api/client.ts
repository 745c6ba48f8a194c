import createClient, { type Middleware } from 'openapi-fetch';
import i18n from '../i18n';
import type { components, paths } from './schema';

/** An RFC 9457 problem as the API sends it (generated from the OpenAPI document). */
export type Problem = components['schemas']['Problem'];

const CSRF_COOKIE = 'egov_csrf';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The value of a cookie readable by scripts (the CSRF token is; the session cookie is not). */
function readCookie(name: string): string | undefined {
  for (const part of document.cookie.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return undefined;
}

/**
 * Adds what every call needs: the language for server messages, and on mutations the CSRF
 * token the server set at login (double-submit; the session cookie travels by itself).
 */
const sessionMiddleware: Middleware = {
  onRequest({ request }) {
    request.headers.set('Accept-Language', i18n.language === 'en' ? 'en' : 'vi');
    if (!SAFE_METHODS.has(request.method)) {
      const csrf = readCookie(CSRF_COOKIE);
      if (csrf) request.headers.set('X-CSRF-Token', csrf);
    }
    return request;
  },
};

/** The typed API client: paths, parameters and bodies come from the generated schema. */
export const api = createClient<paths>({ baseUrl: '', credentials: 'same-origin' });
api.use(sessionMiddleware);

/** A failed API call: the problem when the server sent one, else just the status (0 = network). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem | undefined,
  ) {
    super(problem?.detail ?? `HTTP ${status}`);
    this.name = 'ApiError';
  }

  /** The message in the user's language: the problem's own detail when there is one. */
  localized(lang: 'vi' | 'en'): string | undefined {
    return this.problem?.messages?.[lang]?.detail ?? this.problem?.detail;
  }

  /** The field-level message for a request field such as `/body/date`. */
  fieldMessage(field: string, lang: 'vi' | 'en'): string | undefined {
    return this.problem?.errors?.find((e) => e.field === field)?.message[lang];
  }
}

function isProblem(value: unknown): value is Problem {
  return typeof value === 'object' && value !== null && 'status' in value && 'detail' in value && 'code' in value;
}

/**
 * Returns the data of a successful call or throws an `ApiError` (for TanStack Query).
 * A network failure arrives as a rejected promise from fetch and is wrapped with status 0.
 */
export async function unwrap<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await call;
  } catch {
    throw new ApiError(0, undefined);
  }
  const { data, error, response } = result;
  if (response.ok) return data as T; // 204 responses have no body; their T is null or undefined.
  throw new ApiError(response.status, isProblem(error) ? error : undefined);
}

/**
 * GET of an endpoint not yet in the OpenAPI document (e.g. the public dossier lookup being
 * built). Same errors as `unwrap`; the caller narrows the unknown body.
 */
export async function getUntyped(path: string): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(path, { credentials: 'same-origin', headers: { Accept: 'application/json', 'Accept-Language': i18n.language === 'en' ? 'en' : 'vi' } });
  } catch {
    throw new ApiError(0, undefined);
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) throw new ApiError(response.status, isProblem(body) ? body : undefined);
  return body;
}
