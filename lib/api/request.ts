import type * as z from 'zod/mini';
import { type ApiError, type ApiResult, fail, kindForStatus, ok, safeDescription } from './errors';
import type { Limiter } from './limit';
import { backoffDelay, retryAfterMs } from './retry';
import { ErrorBody, ThrottleBody } from './schemas';

/**
 * One authorised GET, with everything that makes it safe to repeat: a slot from the client's
 * limiter, a per-attempt timeout, retries of throttling/server/network failures, and a schema check
 * of the body. Nothing in here throws for an HTTP, network or validation problem; the result says.
 */

/** The only origin the token is ever sent to (contract section 2). */
export const API_ORIGIN = 'https://api.partnercenter.microsoft.com';

export interface HeaderPair {
  key: string;
  value: string;
}

/** A request relative to the API base: `/customers?size=300`, plus headers a `links.next` asked for. */
export interface Target {
  path: string;
  headers?: readonly HeaderPair[];
}

export interface RequestContext {
  baseUrl: string;
  getToken: () => string | null;
  fetch: typeof fetch;
  limiter: Limiter;
  timeoutMs: number;
  maxAttempts: number;
  random: () => number;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  newId: () => string;
  correlationId: string;
}

/** Headers a link may not set: ours, and ones fetch forbids or that would change who we are. */
const RESERVED_HEADERS = new Set(['authorization', 'accept', 'ms-requestid', 'ms-correlationid']);

type Attempt<T> = { result: ApiResult<T>; retry: false } | { result: ApiResult<T>; retry: true; waitMs?: number };

/**
 * The token, or null; a throwing getter or a value that cannot be a header counts as signed out
 * (an invalid header value would make fetch throw an error quoting it).
 */
function tokenOf(ctx: RequestContext): string | null {
  try {
    const token = ctx.getToken();
    return typeof token === 'string' && /^[\x21-\x7e]+$/.test(token) ? token : null;
  } catch {
    return null;
  }
}

/** The full URL for `path`, or null when it would leave the API base (a hostile or broken link). */
export function resolveUrl(baseUrl: string, path: string): string | null {
  // A path must be relative to the base; `//host` and backslashes are not what the API writes.
  if (!path.startsWith('/') || path.startsWith('//') || path.includes('\\')) return null;
  try {
    const base = new URL(baseUrl);
    const url = new URL(baseUrl + path);
    if (url.origin !== API_ORIGIN) return null;
    if (!url.pathname.startsWith(`${base.pathname}/`)) return null;
    return url.href;
  } catch {
    return null;
  }
}

/** Link headers must be `MS-*` names with printable values; anything else is not followed. */
export function acceptableHeader({ key, value }: HeaderPair): boolean {
  return /^ms-[a-z0-9-]+$/i.test(key) && !RESERVED_HEADERS.has(key.toLowerCase()) && /^[\x20-\x7e]*$/.test(value);
}

/** Rejects when `signal` aborts, even if `promise` ignores the signal (a fetch that never settles). */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    if (signal.aborted) return reject(new Error('aborted'));
    const onAbort = () => reject(new Error('aborted'));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/** Where a body failed the schema, by field path and issue code only: the values are data, not for errors. */
function describeIssues(issues: ReadonlyArray<{ path: readonly PropertyKey[]; code: string }>): string {
  const where = issues
    .slice(0, 3)
    .map((issue) => `${issue.path.map(String).join('.') || '(root)'} (${issue.code})`)
    .join(', ');
  return `response does not match the expected shape at ${where}`;
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

/** Turns a finished response into a result, and says whether it is worth another attempt. */
function classify<S extends z.ZodMiniType>(
  response: Response,
  text: string,
  schema: S,
  path: string,
  token: string,
): Attempt<z.output<S>> {
  const body = parseJson(text);
  if (response.ok) {
    // A cut-off or non-JSON body is never trusted, and neither is JSON of another shape.
    if (!body.ok) {
      const description = 'response is not JSON';
      return { result: fail('malformed', path, { status: response.status, description }), retry: false };
    }
    const parsed = schema.safeParse(body.value);
    if (!parsed.success) {
      return {
        result: fail('malformed', path, { status: response.status, description: describeIssues(parsed.error.issues) }),
        retry: false,
      };
    }
    return { result: ok(parsed.data), retry: false };
  }

  const status = response.status;
  const error: Omit<ApiError, 'kind' | 'path'> = { status };
  let message: string | undefined;
  if (body.ok) {
    const known = ErrorBody.safeParse(body.value);
    const throttle = known.success ? undefined : ThrottleBody.safeParse(body.value);
    if (known.success) {
      error.code = known.data.code;
      error.description = safeDescription(known.data.description, token);
    } else if (throttle?.success) {
      error.code = throttle.data.statusCode;
      message = throttle.data.message;
      error.description = safeDescription(message, token);
    }
  }
  const kind = kindForStatus(status);
  const result = fail<z.output<S>>(kind, path, error);
  if (kind === 'throttled') {
    const waitMs = retryAfterMs(response.headers.get('Retry-After'), message ?? error.description, Date.now());
    return waitMs === undefined ? { result, retry: true } : { result, retry: true, waitMs };
  }
  return { result, retry: kind === 'server' };
}

async function attempt<S extends z.ZodMiniType>(
  ctx: RequestContext,
  url: string,
  target: Target,
  schema: S,
  requestId: string,
  signal: AbortSignal | undefined,
): Promise<Attempt<z.output<S>>> {
  const { path } = target;
  const release = await ctx.limiter.acquire(signal);
  if (!release) return { result: fail('aborted', path), retry: false };
  try {
    if (signal?.aborted) return { result: fail('aborted', path), retry: false };
    // Read fresh each attempt: the portal refreshes the token, and a retry may come a minute later.
    const token = tokenOf(ctx);
    if (token === null) return { result: fail('no-session', path), retry: false };

    const headers: Record<string, string> = {};
    for (const header of target.headers ?? []) headers[header.key] = header.value;
    headers.Accept = 'application/json';
    headers.Authorization = `Bearer ${token}`;
    headers['MS-RequestId'] = requestId;
    headers['MS-CorrelationId'] = ctx.correlationId;

    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, ctx.timeoutMs);
    const onCallerAbort = () => controller.abort();
    signal?.addEventListener('abort', onCallerAbort, { once: true });
    try {
      const response = await untilAborted(
        ctx.fetch(url, {
          method: 'GET',
          headers,
          signal: controller.signal,
          // Bearer auth only: no cookies, no cached copies of customer data, and no redirect that
          // could carry the Authorization header off the API host.
          credentials: 'omit',
          cache: 'no-store',
          redirect: 'error',
        }),
        controller.signal,
      );
      // The body is read inside the same timeout: a response that stalls mid-body is a timeout too.
      const text = await untilAborted(response.text(), controller.signal);
      return classify(response, text, schema, path, token);
    } catch {
      // The thrown error is dropped on purpose: its message is the platform's and may quote headers.
      if (signal?.aborted) return { result: fail('aborted', path), retry: false };
      if (timedOut) return { result: fail('timeout', path), retry: true };
      return { result: fail('network', path), retry: true };
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onCallerAbort);
    }
  } finally {
    release();
  }
}

/**
 * GET `target` and validate the body with `schema`. One MS-RequestId for the whole operation, so
 * the service can tell a retry from a new request; 429, 5xx, network failures and timeouts are
 * retried up to `maxAttempts` times in all, and the last failure is returned.
 */
export async function request<S extends z.ZodMiniType>(
  ctx: RequestContext,
  target: Target,
  schema: S,
  signal?: AbortSignal,
): Promise<ApiResult<z.output<S>>> {
  const { path } = target;
  if (signal?.aborted) return fail('aborted', path);
  const url = resolveUrl(ctx.baseUrl, path);
  if (url === null || !(target.headers ?? []).every(acceptableHeader)) {
    return fail('malformed', path, { description: 'link leads outside the API or carries unexpected headers' });
  }
  if (tokenOf(ctx) === null) return fail('no-session', path);

  const requestId = ctx.newId();
  let last: ApiResult<z.output<S>> = fail('network', path);
  for (let n = 1; n <= ctx.maxAttempts; n += 1) {
    const outcome = await attempt(ctx, url, target, schema, requestId, signal);
    if (!outcome.retry) return outcome.result;
    last = outcome.result;
    const waitMs = outcome.waitMs ?? backoffDelay(n, ctx.random);
    // A 429 speaks for the whole tenant: a shared limiter holds every other request as long, even
    // when this request has no attempt left.
    if (!outcome.result.ok && outcome.result.error.kind === 'throttled') ctx.limiter.pause?.(waitMs);
    if (n === ctx.maxAttempts) break;
    try {
      await ctx.sleep(waitMs, signal);
    } catch {
      // An injected sleep may reject on abort; the signal check below decides what that means.
    }
    if (signal?.aborted) return fail('aborted', path);
  }
  return last;
}
