/** The session client's public surface; import from 'lib/api' rather than its files. */
export { createCustomerCache, type CustomerCache, type CustomerCacheOptions } from './cache';
export {
  createSessionClient,
  DEFAULT_BASE_URL,
  type Paged,
  type RequestOptions,
  type SessionClient,
  type SessionClientOptions,
} from './client';
export type { ApiError, ApiErrorKind, ApiResult } from './errors';
export { joinQueue, type Limiter } from './limit';
export type { Page } from './paging';
export type { HeaderPair, Target } from './request';
export { defaultSleep } from './retry';
export * from './schemas';
export { AUTH_STORAGE_KEY, readSessionToken } from './token';
