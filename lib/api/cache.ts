import type { RequestOptions, SessionClient } from './client';
import { type ApiResult, fail } from './errors';
import { templates } from './paths';
import type { Customer, CustomerUser, Offer, Qualification, SubscribedSku, Subscription } from './schemas';

/**
 * Memoised reads for the pages of one customer, so that moving between a customer's account,
 * subscriptions and users pages does not fetch the same data again, and two features asking for the
 * same thing at once share one request. Only successes are kept, for `ttlMs`; after a write, call
 * `invalidate(customerId)` so the next read sees it. Results are shared: treat them as read-only.
 */

export type CachedReads = Pick<
  SessionClient,
  'getCustomer' | 'getQualifications' | 'listSubscriptions' | 'listSubscribedSkus' | 'listUsers' | 'listOffers'
>;

export interface CustomerCacheOptions {
  /** How long a successful read is reused (default 60 000 ms). */
  ttlMs?: number;
  now?: () => number;
}

export interface CustomerCache {
  getCustomer(customerId: string, options?: RequestOptions): Promise<ApiResult<Customer>>;
  getQualifications(customerId: string, options?: RequestOptions): Promise<ApiResult<Qualification[]>>;
  listSubscriptions(customerId: string, options?: RequestOptions): Promise<ApiResult<Subscription[]>>;
  listSubscribedSkus(customerId: string, options?: RequestOptions): Promise<ApiResult<SubscribedSku[]>>;
  listUsers(customerId: string, options?: RequestOptions): Promise<ApiResult<CustomerUser[]>>;
  listOffers(country: string, options?: RequestOptions): Promise<ApiResult<Offer[]>>;
  /** Forgets everything read for this customer (after a purchase, a suspension, a license change). */
  invalidate(customerId: string): void;
  /** Forgets everything (e.g. when the signed-in session changes). */
  clear(): void;
}

interface Entry {
  promise: Promise<ApiResult<unknown>>;
  /** Set when the read succeeded; until then the read is in flight. */
  expiresAt: number | undefined;
  /** Callers waiting on the in-flight read; when all have aborted, the read itself is aborted. */
  waiters: number;
  controller: AbortController;
}

export function createCustomerCache(client: CachedReads, options: CustomerCacheOptions = {}): CustomerCache {
  const ttlMs = options.ttlMs ?? 60_000;
  const now = options.now ?? Date.now;
  const entries = new Map<string, Entry>();

  // GUIDs compare without regard to case (contract section 3), so keys are lower case.
  const customerKey = (customerId: string, what: string) => `customer:${customerId.toLowerCase()}:${what}`;

  function sweep(at: number) {
    for (const [key, entry] of entries) {
      if (entry.expiresAt !== undefined && at >= entry.expiresAt) entries.delete(key);
    }
  }

  function start(key: string, path: string, load: (signal: AbortSignal) => Promise<ApiResult<unknown>>): Entry {
    const controller = new AbortController();
    // Only the entry still in the map may be kept: invalidate() may have dropped it meanwhile.
    const settle = (result: ApiResult<unknown>) => {
      if (entries.get(key) === entry) {
        if (result.ok) entry.expiresAt = now() + ttlMs;
        else entries.delete(key);
      }
      return result;
    };
    const promise = Promise.resolve()
      .then(() => load(controller.signal))
      // The client never rejects; should a reader break that rule, the entry must not stay in flight forever.
      .then(settle, () => settle(fail('network', path)));
    // Declared after the promise it holds; `settle` only reads it once the load has finished.
    const entry: Entry = { promise, expiresAt: undefined, waiters: 0, controller };
    entries.set(key, entry);
    return entry;
  }

  /** Waits for an in-flight read on behalf of one caller, who may give up without cancelling it for others. */
  function join(key: string, entry: Entry, path: string, signal?: AbortSignal): Promise<ApiResult<unknown>> {
    entry.waiters += 1;
    return new Promise((resolve) => {
      const leave = () => {
        entry.waiters -= 1;
        signal?.removeEventListener('abort', onAbort);
      };
      const onAbort = () => {
        leave();
        if (entry.waiters === 0 && entry.expiresAt === undefined) {
          if (entries.get(key) === entry) entries.delete(key);
          entry.controller.abort();
        }
        resolve(fail('aborted', path));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      entry.promise.then((result) => {
        if (signal?.aborted) return;
        leave();
        resolve(result);
      });
    });
  }

  function read<T>(
    key: string,
    path: string,
    load: (signal: AbortSignal) => Promise<ApiResult<T>>,
    signal?: AbortSignal,
  ): Promise<ApiResult<T>> {
    if (signal?.aborted) return Promise.resolve(fail('aborted', path));
    const at = now();
    sweep(at);
    const entry = entries.get(key) ?? start(key, path, load);
    if (entry.expiresAt !== undefined) return entry.promise as Promise<ApiResult<T>>;
    return join(key, entry, path, signal) as Promise<ApiResult<T>>;
  }

  return {
    getCustomer: (id, o) =>
      read(customerKey(id, 'customer'), templates.customer, (signal) => client.getCustomer(id, { signal }), o?.signal),
    getQualifications: (id, o) =>
      read(
        customerKey(id, 'qualifications'),
        templates.qualifications,
        (signal) => client.getQualifications(id, { signal }),
        o?.signal,
      ),
    listSubscriptions: (id, o) =>
      read(
        customerKey(id, 'subscriptions'),
        templates.subscriptions,
        (signal) => client.listSubscriptions(id, { signal }),
        o?.signal,
      ),
    listSubscribedSkus: (id, o) =>
      read(
        customerKey(id, 'subscribedskus'),
        templates.subscribedSkus,
        (signal) => client.listSubscribedSkus(id, { signal }),
        o?.signal,
      ),
    listUsers: (id, o) =>
      read(customerKey(id, 'users'), templates.users, (signal) => client.listUsers(id, { signal }), o?.signal),
    listOffers: (country, o) =>
      read(
        `offers:${country.toUpperCase()}`,
        templates.offers,
        (signal) => client.listOffers(country, { signal }),
        o?.signal,
      ),
    invalidate(customerId) {
      const prefix = `customer:${customerId.toLowerCase()}:`;
      for (const key of [...entries.keys()]) if (key.startsWith(prefix)) entries.delete(key);
    },
    clear() {
      entries.clear();
    },
  };
}
