import { describe, expect, it } from 'vitest';
import { builtInCatalog } from '@/lib/catalog';
import { assessRetiring } from '@/lib/overlay/assess';
import { countRetiring } from '@/lib/overlay/count';
import { findRetiring, type ScannedSubscription } from './retiring';

const sub = (id: string, over: Partial<ScannedSubscription>): ScannedSubscription => ({
  id,
  offerId: '16A0DEF9-0000-4000-8000-000000000001',
  offerName: 'Kaizala Pro',
  friendlyName: 'Kaizala Pro',
  quantity: 5,
  status: 'active',
  autoRenewEnabled: false,
  commitmentEndDate: '2026-12-21T00:00:00Z',
  ...over,
});

// Every kind the rule must tell apart: retiring by name (both catalogs), by friendly name only,
// whatever the auto-renew, in any case of status; and the ones it must leave out.
const mixed: ScannedSubscription[] = [
  sub('kaizala-active', {}),
  sub('kaizala-autorenew-on', { autoRenewEnabled: true }),
  sub('kaizala-status-case', { status: 'Active' }),
  sub('kaizala-friendly-only', { offerName: null }),
  sub('kaizala-suspended', { status: 'suspended' }),
  sub('kaizala-expired', { status: 'expired' }),
  sub('crm-basic', { offerName: 'Dynamics 365 for Sales Enterprise Edition CRMOL Basic (Qualified Offer)' }),
  sub('crm-basic-pending', {
    offerName: 'Dynamics 365 for Sales Enterprise Edition CRMOL Basic (Qualified Offer)',
    status: 'pending',
  }),
  sub('e3', { offerName: 'Office 365 Enterprise E3', offerId: '796B6B5F-613C-4E24-A17C-EBA730D49C02' }),
  sub('look-alike', { offerName: 'Dynamics 365 for Sales Professional Add-On for CRMOL Basic (Qualified Offer)' }),
];

describe('findRetiring (the worklist) and the banners', () => {
  it('find exactly the same subscriptions on a mixed set', () => {
    // As entrypoints/content/retiring.ts feeds the banners: the offer name falls back to the friendly name.
    const banners = assessRetiring({
      catalog: builtInCatalog,
      customer: null,
      subscriptions: mixed.map((s) => ({
        ...s,
        offerName: s.offerName ?? s.friendlyName ?? '',
        friendlyName: s.friendlyName ?? undefined,
        autoRenewEnabled: s.autoRenewEnabled ?? undefined,
        commitmentEndDate: s.commitmentEndDate ?? undefined,
      })),
      offers: [],
      subscribedSkus: [],
      today: '2026-11-21',
    });
    const worklist = findRetiring(builtInCatalog, mixed);
    const ids = (list: string[]) => [...list].sort();
    expect(ids(worklist.map((r) => r.subscriptionId))).toEqual(ids(banners.map((b) => b.subscription.id)));
    expect(ids(worklist.map((r) => r.subscriptionId))).toEqual(
      ids(['kaizala-active', 'kaizala-autorenew-on', 'kaizala-status-case', 'kaizala-friendly-only', 'crm-basic']),
    );
    expect(countRetiring(builtInCatalog, banners.map((b) => b.subscription))).toBe(worklist.length);
  });

  it('keeps what the worklist shows: the end day, seats and the retirement matched', () => {
    const [found] = findRetiring(builtInCatalog, [sub('k', { quantity: 25 })]);
    expect(found).toEqual({
      subscriptionId: 'k',
      offerId: '16A0DEF9-0000-4000-8000-000000000001',
      offerName: 'Kaizala Pro',
      quantity: 25,
      endDate: '2026-12-21',
      autoRenew: false,
      retirementId: 'kaizala-pro-standalone',
      retiredOfferKey: 'kaizala-pro',
    });
  });
});
