import { describe, expect, it } from 'vitest';
import type { PurchasableOffer } from '@/lib/catalog/schema';
import { validateQuantity } from './index';
import { dynamics, kaizala, must } from './test-fixtures';

const offerOf = (planKey: string, name?: string): PurchasableOffer => {
  const plan = must(
    [...kaizala.replacements, ...dynamics.replacements].find((p) => p.key === planKey),
    planKey,
  );
  return must(name ? plan.offers.find((o) => o.name === name) : plan.offers[0], `${planKey} offer`);
};

const business = { offer: offerOf('m365-business-basic') };
const e3 = { offer: offerOf('o365-e3') };
const tier1 = {
  offer: offerOf('d365-customer-engagement-plan', 'Dynamics 365 Customer Engagement Plan Tier 1 (1-99 users)'),
};
const tier5 = {
  offer: offerOf('d365-customer-engagement-plan', 'Dynamics 365 Customer Engagement Plan Tier 5 (1000+ Users)'),
};

const rows: [
  name: string,
  option: { offer: PurchasableOffer },
  quantity: number,
  users: number,
  error: string | null,
][] = [
  ['exactly the users to move', business, 10, 10, null],
  ['more than the users to move', business, 12, 10, null],
  ['the Business maximum itself', business, 300, 300, null],
  ['not a whole number', business, 2.5, 1, 'whole number'],
  ['not a number at all', business, Number.NaN, 1, 'whole number'],
  ['zero, below the minimum of 1', business, 0, 0, 'needs at least 1 seat.'],
  ['above the Business maximum of 300', business, 301, 10, 'at most 300 seats'],
  ['Enterprise takes 5000', e3, 5000, 5000, null],
  ['fewer than the users who must move', e3, 8, 10, '10 users need a seat; 8 seats would leave 2'],
  ['inside the volume tier band', tier1, 99, 50, null],
  ['outside the volume tier band', tier1, 150, 150, 'volume tier for 1-99 seats'],
  ['open-ended top tier', tier5, 25000, 1200, null],
  ['below the top tier band', tier5, 999, 900, 'volume tier for 1000+ seats'],
];

describe('validateQuantity', () => {
  it.each(rows)('%s', (_, option, quantity, users, error) => {
    const result = validateQuantity(option, quantity, users);
    if (error === null) {
      expect(result).toBeNull();
    } else {
      expect(result?.en).toContain(error);
      expect(result?.ko).toMatch(/\p{Script=Hangul}/u);
    }
  });
});
