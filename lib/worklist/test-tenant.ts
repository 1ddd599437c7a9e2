/**
 * Test double for lib/worklist tests (not shipped: only *.test.ts import this): a simulated Partner
 * Center tenant behind lib/api's fake fetch, answering after a latency in (fake) time, with customer
 * pages and continuation tokens, a retiring Kaizala subscription for every 7th customer, and hooks to
 * fail a customer or throttle a request. Every request is logged with the fake time it started.
 */
import { vi } from 'vitest';
import { createSessionClient, type SessionClient } from '@/lib/api';
import { collection, customer, fakeFetch, json, type RecordedRequest, subscription } from '@/lib/api/test-support';
import { createScheduler, type Scheduler, SCAN_MAX_IN_FLIGHT, SCAN_PER_MINUTE } from './scheduler';

export const PAGE_SIZE = 300;
export const LATENCY_MS = 200;

export const customerId = (n: number) => customer(n).id;
export const isRetiringCustomer = (n: number) => n % 7 === 0;

export interface LoggedRequest {
  at: number;
  path: string;
  requestId: string;
}

export interface TenantOptions {
  customers: number;
  /** Answer a request differently (a 403, a 429): return a Response, or undefined for the normal answer. */
  override?: (request: LoggedRequest, index: number) => Response | undefined;
}

function answer(path: string, count: number, headers: Record<string, string>): Response {
  if (path.startsWith('/customers?')) {
    const token = headers['ms-continuationtoken'];
    const start = token ? Number(token.replace('page-', '')) * PAGE_SIZE : 0;
    const items = [];
    for (let n = start + 1; n <= Math.min(count, start + PAGE_SIZE); n += 1) items.push(customer(n));
    const more = start + PAGE_SIZE < count;
    const nextToken = `page-${start / PAGE_SIZE + 1}`;
    const next = more ? { uri: '/customers?size=300&seekOperation=Next', token: nextToken } : undefined;
    return json(collection(items, next));
  }
  const n = Number(/^\/customers\/(\d{8})-/.exec(path)?.[1]);
  const subs = [subscription({ id: `${customerId(n).slice(0, 8)}-0000-4000-8000-000000000001` })];
  if (isRetiringCustomer(n)) {
    subs.push(
      subscription({
        id: `${customerId(n).slice(0, 8)}-0000-4000-8000-000000000002`,
        offerId: '16A0DEF9-0000-4000-8000-000000000001',
        offerName: 'Kaizala Pro',
        friendlyName: 'Kaizala Pro',
        autoRenewEnabled: false,
      }),
    );
  }
  return json(collection(subs));
}

export interface Tenant {
  client: SessionClient;
  scheduler: Scheduler;
  log: LoggedRequest[];
  readonly maxConcurrent: number;
}

export function fakeTenant(options: TenantOptions, scheduler?: Scheduler): Tenant {
  const log: LoggedRequest[] = [];
  const fake = fakeFetch(async (request: RecordedRequest, index) => {
    const path = request.url.replace('https://api.partnercenter.microsoft.com/v1', '');
    const entry = { at: Date.now(), path, requestId: request.headers['ms-requestid'] ?? '' };
    log.push(entry);
    await new Promise((resolve) => setTimeout(resolve, LATENCY_MS));
    return options.override?.(entry, index) ?? answer(path, options.customers, request.headers);
  });
  const gate = scheduler ?? createScheduler({ maxInFlight: SCAN_MAX_IN_FLIGHT, perWindow: SCAN_PER_MINUTE });
  const client = createSessionClient({ getToken: () => 'token', fetch: fake.fetch, limiter: gate });
  return {
    client,
    scheduler: gate,
    log,
    get maxConcurrent() {
      return fake.maxConcurrent;
    },
  };
}

/** Advances fake time until `promise` settles; returns its value. */
export async function drive<T>(promise: Promise<T>, step = 100): Promise<T> {
  let settled = false;
  const watched = promise.finally(() => {
    settled = true;
  });
  while (!settled) await vi.advanceTimersByTimeAsync(step);
  return watched;
}

/** The most requests that started in any window of `windowMs` (sliding over every start). */
export function mostInAnyWindow(times: readonly number[], windowMs = 60_000): number {
  let most = 0;
  let from = 0;
  for (let i = 0; i < times.length; i += 1) {
    while ((times[i] ?? 0) - (times[from] ?? 0) >= windowMs) from += 1;
    most = Math.max(most, i - from + 1);
  }
  return most;
}
