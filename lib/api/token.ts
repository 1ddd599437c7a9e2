/**
 * The portal's own access token, read from the page's sessionStorage (contract section 2). The
 * portal refreshes it in place, so callers read it again for every request instead of keeping a
 * copy; this module never stores, logs or returns it anywhere but to its caller.
 */

export const AUTH_STORAGE_KEY = 'AuthContextData';

/** Tokens are JWTs: visible ASCII only. Anything else would not be a valid header value anyway. */
const TOKEN_SHAPE = /^[\x21-\x7e]+$/;
/** Far above a real token's size; guards against a page that put something huge under the key. */
const MAX_TOKEN_LENGTH = 16_384;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The access token, or null when there is no usable one (signed out, key missing, JSON broken,
 * another shape, storage blocked). Never throws: a missing session is an ordinary state.
 */
export function readSessionToken(area?: Pick<Storage, 'getItem'>): string | null {
  try {
    // Reading the global can itself throw (SecurityError in sandboxed frames), hence inside the try.
    const source = area ?? globalThis.sessionStorage;
    if (!source) return null;
    const raw = source.getItem(AUTH_STORAGE_KEY);
    if (typeof raw !== 'string' || raw === '') return null;
    const parsed: unknown = JSON.parse(raw);
    if (!isRecord(parsed) || !isRecord(parsed.tokenMetadata)) return null;
    const app = parsed.tokenMetadata.accountsFirstPartyApp;
    if (!isRecord(app)) return null;
    const token = app.accessToken;
    if (typeof token !== 'string' || token.length > MAX_TOKEN_LENGTH || !TOKEN_SHAPE.test(token)) return null;
    return token;
  } catch {
    // Deliberately silent: the error could quote the stored value.
    return null;
  }
}
