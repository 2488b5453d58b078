import type { ErrorBody, ErrorCode, FieldErrors } from '@shared/errors/error-codes';

/** The one way the client talks to the API: JSON, same-origin cookies, CSRF header, typed errors. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    /** The server's code; NETWORK when it could not be reached, UNKNOWN when it answered no code. */
    readonly code: ErrorCode | 'NETWORK' | 'UNKNOWN',
    message: string,
    readonly fields?: FieldErrors,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The CSRF token the server keeps in its readable cookie (set at sign-in and on every /api/auth/me). */
export function csrfToken(): string | null {
  const match = /(?:^|;\s*)visio_csrf=([^;]+)/.exec(document.cookie);
  return match ? decodeURIComponent(match[1]!) : null;
}

export async function fetchApi<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const method = init.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (init.body !== undefined) headers['Content-Type'] = 'application/json';
  const csrf = method === 'GET' ? null : csrfToken();
  if (csrf) headers['X-CSRF-Token'] = csrf;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
  } catch {
    throw new ApiError(0, 'NETWORK', 'network');
  }
  if (response.status === 204) return undefined as T;
  const payload: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const p = (payload ?? {}) as Partial<ErrorBody>;
    throw new ApiError(response.status, p.code ?? 'UNKNOWN', p.message ?? response.statusText, p.errors);
  }
  return payload as T;
}

/** A query string from the defined values only (the API rejects empty ids). */
export function query(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const s = search.toString();
  return s ? `?${s}` : '';
}
