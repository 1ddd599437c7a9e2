/**
 * What a failed API read looks like to the rest of the extension. Every failure (HTTP, network,
 * timeout, a body that does not fit) becomes one of these values instead of an exception, so a
 * feature can render "why" without try/catch, and nothing that reaches the UI or a log can carry
 * the access token: an ApiError holds only the request path and what the server said.
 */

export type ApiErrorKind =
  | 'no-session'
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'throttled'
  | 'server'
  | 'timeout'
  | 'network'
  | 'malformed'
  | 'http'
  | 'aborted';

export interface ApiError {
  kind: ApiErrorKind;
  /** The HTTP status, when a response arrived. */
  status?: number;
  /** Partner Center's error code (a number on the live service, a string in its docs). */
  code?: string | number;
  description?: string;
  /** The request path relative to the API base (`/customers/{id}/subscriptions`), never a full URL. */
  path: string;
}

export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiError };

export function ok<T>(data: T): ApiResult<T> {
  return { ok: true, data };
}

export function fail<T = never>(
  kind: ApiErrorKind,
  path: string,
  extra: Omit<ApiError, 'kind' | 'path'> = {},
): ApiResult<T> {
  return { ok: false, error: { kind, path, ...extra } };
}

/** The kind of a non-2xx response. 429 and 5xx are the retryable ones (see client.ts). */
export function kindForStatus(status: number): ApiErrorKind {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  if (status === 429) return 'throttled';
  if (status >= 500) return 'server';
  return 'http';
}

/** Server text is shown to agents; keep it to a readable size. */
const MAX_DESCRIPTION = 500;

/**
 * Server-provided text with the token cut out. The API has no reason to echo the token, but an
 * error description travels to the UI and possibly to logs, so it is scrubbed rather than trusted.
 */
export function safeDescription(text: string, token: string | null): string {
  const scrubbed = token ? text.split(token).join('[redacted]') : text;
  return scrubbed.length > MAX_DESCRIPTION ? `${scrubbed.slice(0, MAX_DESCRIPTION)}…` : scrubbed;
}
