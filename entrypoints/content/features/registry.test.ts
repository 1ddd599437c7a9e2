import { describe, expect, it } from 'vitest';
import type { PageKind, PortalRoute } from '@/lib/portal/routes';
import { FEATURES } from './registry';

const route = (page: PageKind, tenantId: string | null = 't1'): PortalRoute => ({
  page,
  locale: null,
  tenantId,
  subscriptionId: null,
  userIds: [],
});
const running = (r: PortalRoute) => FEATURES.filter((f) => f.include(r)).map((f) => f.name);

describe('the feature registry: each feature declares where it runs', () => {
  it('runs the banners where subscriptions are listed or shown, and the badges on the customer list', () => {
    expect(running(route('subscriptions'))).toEqual(['customer-page', 'subscription-banners']);
    expect(running(route('subscription-detail'))).toEqual(['customer-page', 'detail-banner']);
    expect(running(route('customer-list', null))).toEqual(['customer-badges']);
  });

  it('brings back an interrupted migration on every page of a customer, including those a step drives', () => {
    for (const page of ['users', 'manage-licenses', 'add-subscription', 'customer-account'] as const) {
      expect(running(route(page))).toEqual(['customer-page']);
    }
  });

  it('names each feature once', () => {
    const names = FEATURES.map((f) => f.name);
    expect(new Set(names).size).toBe(names.length);
  });
});
