import { describe, expect, it, type Mock, vi } from 'vitest';
import type { ApiResult } from '@/lib/api';
import { builtInCatalog } from '@/lib/catalog';
import { checkCustomer, type PreflightApi } from './preflight-read';
import { preflightDue, preflightProgress, runPreflightPass } from './preflight-pass';
import { newScan, type RetiringSubscription } from './state';

const KAIZALA_SKU = 'c93fe0ce-7375-4b8d-a55e-bf562ae7154f';
const ok = <T>(data: T): Promise<ApiResult<T>> => Promise.resolve({ ok: true, data });
const retiring: RetiringSubscription = { subscriptionId: 'S1', offerId: '16A0DEF9-0000-4000-8000-000000000001', offerName: 'Kaizala Pro', quantity: 3, endDate: '2026-12-21', autoRenew: false, retirementId: 'kaizala-pro-standalone', retiredOfferKey: 'kaizala-pro' };

/** A customer with three Kaizala Pro holders, one of them without a usage location. */
type FakeApi = { [K in keyof PreflightApi]: PreflightApi[K] & Mock };

function fakeApi(status = 'active'): FakeApi {
  const user = (id: string, usageLocation: string) => ({ id, userPrincipalName: `${id}@x`, displayName: id, usageLocation });
  return {
    getCustomer: vi.fn((id: string) => ok({ id, companyProfile: { companyName: 'Contoso' } })),
    getQualifications: vi.fn(() => ok([])),
    listSubscriptions: vi.fn(() => ok([{ id: 's1', offerId: retiring.offerId, offerName: 'Kaizala Pro', quantity: 3, status, commitmentEndDate: '2026-12-21' }])),
    listSubscribedSkus: vi.fn(() => ok([{ productSku: { id: KAIZALA_SKU, name: 'Kaizala Pro' }, totalUnits: 3, consumedUnits: 3, availableUnits: 0, servicePlans: [{ serviceName: 'KAIZALA_STANDALONE' }] }])),
    listUsers: vi.fn(() => ok([user('u1', 'US'), user('u2', ''), user('u3', 'US')])),
    listOffers: vi.fn(() => ok([{ id: retiring.offerId, name: 'Kaizala Pro', product: { id: KAIZALA_SKU } }])),
    getUserLicenses: vi.fn(() => ok([{ productSku: { id: KAIZALA_SKU, name: 'Kaizala Pro' }, servicePlans: [] }])),
  } as unknown as FakeApi;
}
const ctx = () => ({ catalog: builtInCatalog, today: '2026-11-21', now: () => 42, offers: new Map() });

describe('checking a customer through the API', () => {
  it('reads the licenses of users without a usage location only, and judges each retiring subscription', async () => {
    const api = fakeApi();
    const result = await checkCustomer(api, 'c1', [retiring], ctx());
    expect(api.getUserLicenses).toHaveBeenCalledTimes(1);
    expect(api.getUserLicenses).toHaveBeenCalledWith('c1', 'u2', expect.anything());
    expect(result).toMatchObject({ checkedAt: 42, failure: null, subscriptions: { s1: { verdict: 'attention', issues: [{ kind: 'missing-location', users: 1 }] } } });
  });

  it('calls a subscription the API shows suspended done', async () => {
    const result = await checkCustomer(fakeApi('suspended'), 'c1', [retiring], ctx());
    expect(result?.subscriptions.s1).toMatchObject({ verdict: 'done', api: { state: 'done' } });
  });

  it('stores a failed read as the customer failure, with its kind', async () => {
    const api = fakeApi();
    api.listSubscribedSkus.mockReturnValue(Promise.resolve({ ok: false, error: { kind: 'server', status: 503 } }));
    expect(await checkCustomer(api, 'c1', [retiring], ctx())).toEqual({ checkedAt: 42, subscriptions: {}, failure: 'server' });
  });

  it('checks every due customer once in a pass, reading the offers once per country', async () => {
    const api = fakeApi();
    const state = {
      ...newScan(0),
      listed: true,
      customers: ['c1', 'c2', 'c3', 'c4'].map((id) => ({ id, name: id })),
      results: { c1: { readAt: 1, retiring: [retiring] }, c2: { readAt: 1, retiring: [] }, c3: { readAt: 1, retiring: [retiring] }, c4: { readAt: 1, retiring: [retiring] } },
      // c4 was checked since the pass began: it is not checked again.
      preflight: { c4: { checkedAt: 50, subscriptions: {}, failure: null } },
      preflightPass: { startedAt: 40 },
    };
    const todo = preflightDue(state);
    expect(todo.map((c) => c.id)).toEqual(['c1', 'c3']);
    const seen: string[] = [];
    expect(await runPreflightPass(api, todo, ctx(), (id) => seen.push(id))).toBe('done');
    expect(seen.sort()).toEqual(['c1', 'c3']);
    expect(api.listOffers).toHaveBeenCalledTimes(1);
  });

  it("the pass after a scan checks only customers whose check is missing, failed or older than their read", () => {
    const checked = (checkedAt: number, failure: string | null = null) => ({ checkedAt, subscriptions: {}, failure });
    const state = {
      ...newScan(0),
      listed: true,
      customers: ['c1', 'c2', 'c3', 'c4', 'c5'].map((id) => ({ id, name: id })),
      results: Object.fromEntries(['c1', 'c2', 'c3', 'c4', 'c5'].map((id) => [id, { readAt: 100, retiring: [retiring] }])),
      // c1 never checked; c2 checked before its subscriptions were read again; c3 failed; c4 and c5 current.
      preflight: { c2: checked(90), c3: checked(120, 'server'), c4: checked(100), c5: checked(130) },
      preflightPass: { startedAt: 200, scope: 'stale' as const },
    };
    expect(preflightDue(state).map((c) => c.id)).toEqual(['c1', 'c2', 'c3']);
    expect(preflightProgress(state)).toEqual({ checked: 2, total: 5 });
    // The agent's own pass begun at 200 wants all five again.
    const all = { ...state, preflightPass: { startedAt: 200, scope: 'all' as const } };
    expect(preflightDue(all)).toHaveLength(5);
  });

  it('stops a pass when cancelled, storing nothing half read', async () => {
    const abort = new AbortController();
    abort.abort();
    const seen: string[] = [];
    const todo = [{ id: 'c1', retiring: [retiring] }];
    expect(await runPreflightPass(fakeApi(), todo, { ...ctx(), signal: abort.signal }, (id) => seen.push(id))).toBe('stopped');
    expect(seen).toEqual([]);
  });
});
