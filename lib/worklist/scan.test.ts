import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { json } from '@/lib/api/test-support';
import { builtInCatalog } from '@/lib/catalog';
import { runScan, type ScanApi } from './scan';
import { MINUTE_MS, SCAN_MAX_IN_FLIGHT, SCAN_PER_MINUTE } from './scheduler';
import { newScan, refreshScan, ScanState } from './state';
import { customerId, drive, fakeTenant, isRetiringCustomer, LATENCY_MS, mostInAnyWindow } from './test-tenant';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

const retiringIn = (n: number) => Array.from({ length: n }, (_, i) => i + 1).filter(isRetiringCustomer).length;
const subsPath = (n: number) => `/customers/${customerId(n)}/subscriptions`;
const isSubsRead = (path: string) => path.endsWith('/subscriptions');

describe('runScan over the session client and its scheduler', () => {
  it('reads 2,000 customers in at least 2,001 requests, within the budget, in under 1.5× the lower bound', async () => {
    const tenant = fakeTenant({ customers: 2000 });
    const api: ScanApi = tenant.client;
    const t0 = Date.now();
    const { state, progress } = await drive(runScan(api, newScan(t0), { catalog: builtInCatalog }), 1000);
    const elapsed = Date.now() - t0;

    expect(progress).toMatchObject({ phase: 'done', customersRead: 2000, customersTotal: 2000, failed: 0 });
    expect(progress.retiringFound).toBe(retiringIn(2000));
    expect(Object.keys(state.results)).toHaveLength(2000);
    expect(tenant.log.length).toBeGreaterThanOrEqual(2001);
    expect(tenant.log.filter((r) => isSubsRead(r.path))).toHaveLength(2000);
    expect(mostInAnyWindow(tenant.log.map((r) => r.at))).toBeLessThanOrEqual(SCAN_PER_MINUTE);
    expect(tenant.maxConcurrent).toBeLessThanOrEqual(SCAN_MAX_IN_FLIGHT);
    // The contract's 500 a minute makes 2,001 reads take at least 2,001 / 500 minutes.
    const lowerBound = (2001 / 500) * MINUTE_MS;
    expect(elapsed).toBeLessThanOrEqual(1.5 * lowerBound);
    // The state is plain data that survives storage and its schema check.
    expect(ScanState.parse(JSON.parse(JSON.stringify(state)))).toEqual(state);
    // 2,000 customers through fake timers take a few seconds of CPU: more than vitest's default 5 s on a busy machine.
  }, 30_000);

  it('on a 429 holds every request for Retry-After and retries only the throttled one', async () => {
    let throttledAt = -1;
    const tenant = fakeTenant({
      customers: 40,
      override: (request, index) => {
        if (index !== 10) return undefined;
        throttledAt = Date.now();
        return json({ statusCode: 429, message: 'Rate limit is exceeded. Try again in 10 seconds.' }, 429, {
          'Retry-After': '10',
        });
      },
    });
    const { progress } = await drive(runScan(tenant.client, newScan(Date.now()), { catalog: builtInCatalog }));

    expect(progress).toMatchObject({ phase: 'done', customersRead: 40, failed: 0 });
    const throttled = tenant.log[10];
    expect(throttledAt).toBe((throttled?.at ?? 0) + LATENCY_MS);
    // Nothing started during the pause: every request after the 429's answer waited the full 10 s.
    const after = tenant.log.filter((r) => r.at > throttledAt);
    expect(after.length).toBeGreaterThan(20);
    expect(Math.min(...after.map((r) => r.at))).toBe(throttledAt + 10_000);
    // One extra request, and it is the throttled one again (same path, same MS-RequestId).
    expect(tenant.log).toHaveLength(1 + 40 + 1);
    const again = tenant.log.filter((r) => r.path === throttled?.path);
    expect(again).toHaveLength(2);
    expect(again[1]?.requestId).toBe(throttled?.requestId);
  });

  it('lists a failing customer with the reason, goes on, and finds it on refresh', async () => {
    let broken = true;
    const tenant = fakeTenant({
      customers: 30,
      override: (r) => (broken && r.path === subsPath(14) ? json({ code: 0, description: 'denied' }, 403) : undefined),
    });
    const first = await drive(runScan(tenant.client, newScan(Date.now()), { catalog: builtInCatalog }));
    expect(first.progress).toMatchObject({ phase: 'done', customersRead: 30, failed: 1 });
    expect(first.state.failures[customerId(14)]).toMatchObject({ reason: 'forbidden', status: 403 });
    expect(first.progress.retiringFound).toBe(retiringIn(30) - 1);

    broken = false;
    await vi.advanceTimersByTimeAsync(60_000);
    const before = tenant.log.length;
    const refreshed = refreshScan(first.state, Date.now(), 24 * 60 * MINUTE_MS);
    const second = await drive(runScan(tenant.client, refreshed, { catalog: builtInCatalog }));
    // Only the customer list and the failed customer are read again: the others are fresh.
    expect(tenant.log.slice(before).map((r) => r.path)).toEqual(['/customers?size=300', subsPath(14)]);
    expect(second.progress).toMatchObject({ phase: 'done', customersRead: 30, failed: 0 });
    expect(second.progress.retiringFound).toBe(retiringIn(30));
    expect(second.state.redo).toBeNull();
  });

  it('a refresh re-reads results older than its limit', async () => {
    const tenant = fakeTenant({ customers: 5 });
    const first = await drive(runScan(tenant.client, newScan(Date.now()), { catalog: builtInCatalog }));
    await vi.advanceTimersByTimeAsync(2 * MINUTE_MS);
    const before = tenant.log.length;
    await drive(runScan(tenant.client, refreshScan(first.state, Date.now(), MINUTE_MS), { catalog: builtInCatalog }));
    expect(tenant.log.slice(before).filter((r) => isSubsRead(r.path))).toHaveLength(5);
  });

  it('stops on cancel: no request starts after the abort', async () => {
    const tenant = fakeTenant({ customers: 600 });
    const controller = new AbortController();
    let startedAtAbort = 0;
    const outcome = await drive(
      runScan(tenant.client, newScan(Date.now()), {
        catalog: builtInCatalog,
        signal: controller.signal,
        onProgress: (p) => {
          if (p.customersRead === 50 && !controller.signal.aborted) {
            controller.abort();
            startedAtAbort = tenant.log.length;
          }
        },
      }),
    );
    expect(outcome.progress.phase).toBe('stopped');
    expect(outcome.progress.customersRead).toBe(50);
    expect(tenant.log.length).toBe(startedAtAbort);
    await vi.advanceTimersByTimeAsync(5 * MINUTE_MS);
    expect(tenant.log.length).toBe(startedAtAbort);
  });

  it.each([
    ['while listing customers', (p: { phase: string; customersTotal: number }) => p.customersTotal === 600],
    ['while reading subscriptions', (p: { phase: string; customersRead: number }) => p.customersRead === 250],
  ])('resumes from a saved state %s and reads no customer twice', async (_label, stopWhen) => {
    const tenant = fakeTenant({ customers: 1000 });
    const controller = new AbortController();
    let saved = '';
    await drive(
      runScan(tenant.client, newScan(Date.now()), {
        catalog: builtInCatalog,
        signal: controller.signal,
        onProgress: (p, state) => {
          // What the background stores: a copy taken at once.
          saved = JSON.stringify(state);
          if (stopWhen(p as never)) controller.abort();
        },
      }),
    );
    // After a reload: a new client and scheduler, the state read back and checked.
    const restored = ScanState.parse(JSON.parse(saved));
    const doneBefore = new Set(Object.keys(restored.results));
    const pagesBefore = tenant.log.filter((r) => !isSubsRead(r.path)).length;
    const reloaded = fakeTenant({ customers: 1000 });
    const { progress } = await drive(runScan(reloaded.client, restored, { catalog: builtInCatalog }), 1000);

    expect(progress).toMatchObject({ phase: 'done', customersRead: 1000, failed: 0 });
    expect(progress.retiringFound).toBe(retiringIn(1000));
    const readAgain = reloaded.log.filter((r) => isSubsRead(r.path) && doneBefore.has(r.path.split('/')[2] ?? ''));
    expect(readAgain).toEqual([]);
    const subsReads = reloaded.log.filter((r) => isSubsRead(r.path)).map((r) => r.path);
    expect(new Set(subsReads).size).toBe(subsReads.length);
    expect(subsReads.length + doneBefore.size).toBe(1000);
    // Customer pages are not read again either: the listing goes on from its continuation token.
    expect(reloaded.log.filter((r) => !isSubsRead(r.path)).length + pagesBefore).toBe(4);
  });

  it('starts the listing over when a stored continuation token is refused, and reads each customer once', async () => {
    // A listing stopped after its first page (its 300 customers kept), the token since expired.
    const token = [{ key: 'MS-ContinuationToken', value: 'page-1' }];
    const listing = Array.from({ length: 300 }, (_, i) => ({ id: customerId(i + 1), name: `Customer ${i + 1}` }));
    const next = { path: '/customers?size=300&seekOperation=Next', headers: token };
    const stopped = { ...newScan(Date.now()), listing, next };
    const tenant = fakeTenant({
      customers: 700,
      override: (r, index) => (index === 0 ? json({ code: 400, description: 'token expired' }, 400) : undefined),
    });
    const { progress, state } = await drive(runScan(tenant.client, stopped, { catalog: builtInCatalog }));
    expect(progress).toMatchObject({ phase: 'done', customersRead: 700, customersTotal: 700 });
    expect(state.listFailure).toBeNull();
    const subsReads = tenant.log.filter((r) => isSubsRead(r.path)).map((r) => r.path);
    expect(new Set(subsReads).size).toBe(700);
    expect(subsReads).toHaveLength(700);
  });

  it('says why when the customer list cannot be read', async () => {
    const tenant = fakeTenant({ customers: 10, override: () => json({ code: 0, description: 'no' }, 403) });
    const { progress, state } = await drive(runScan(tenant.client, newScan(Date.now()), { catalog: builtInCatalog }));
    expect(progress).toMatchObject({ phase: 'done', customersRead: 0, customersTotal: 0 });
    expect(state.listFailure).toMatchObject({ reason: 'forbidden', status: 403 });
    expect(state.listed).toBe(false);
  });
});
