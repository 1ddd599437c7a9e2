import { describe, expect, it } from 'vitest';
import { builtInCatalog } from '@/lib/catalog';
import { pickReplacement } from './index';
import { must, tenant } from './test-fixtures';

/**
 * Every retired offer of the built-in catalog, for a plain customer (no qualification, no other
 * subscriptions, 10 users holding the license): the top option is the plan that replaces its own
 * workload, at the retired offer's own audience.
 */
const TOP_PLAN: Record<string, string> = {
  kaizala: 'm365-business-basic',
  sales: 'd365-sales-professional',
  cep: 'd365-customer-engagement-plan',
};

const cases = builtInCatalog.retirements.flatMap((retirement) =>
  retirement.retiredOffers.map((offer) => ({ retirement, offer })),
);

describe('pickReplacement: every retired offer in the catalog', () => {
  it('covers the 25 retired offers of the two guides', () => {
    expect(cases).toHaveLength(25);
  });

  it.each(cases.map((c) => [c.offer.key, c] as const))('%s', (_, { retirement, offer }) => {
    const r = pickReplacement(tenant({ retirement, offer }));
    if (!r.ok) throw new Error(`${r.code}: ${r.reason.en}`);
    const top = must(r.options[0], 'top option');
    expect(top.plan.key).toBe(must(TOP_PLAN[offer.workload], `expected plan for ${offer.workload}`));
    expect(top.offer.audience).toBe(offer.audience);
    expect(top.eligible).toBe(true);
    expect(top.quantity).toBe(10);
    expect(r.usersToMove).toBe(10);
    expect(r.purchaseNeeded).toBe(true);
    // Only the CEP plan grants the retired CEP offers' own SKU: there users keep their license.
    expect(r.reassignNeeded).toBe(offer.workload !== 'cep');
    expect(r.retiredOffer).toBe(offer);
    expect(r.retirement).toBe(retirement);
  });
});
