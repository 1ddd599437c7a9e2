import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import type { Sku, Sub } from './panel';
import { findOffer } from '../portal/api/offers';
import { EXPECTED } from './scenarios';
import { apiAll } from './simulator/harness';

type SkuWithId = Sku & { productSku: { id: string }; activeUnits: number };
type SubWithOffer = Sub & { offerId: string };

/**
 * Every Dynamics family and the education customer: the full A-B-C run by one click per step, the
 * step buttons found by what they say they will do.
 */
const FAMILIES = [
  'dynamics-sales-crmol-basic',
  'dynamics-sales-from-sa',
  'dynamics-sales-add-on',
  'dynamics-faculty',
  'dynamics-students',
  'dynamics-government',
  'dynamics-cep',
  'education-kaizala',
];

/** What the panel says, in each language the agents use. */
const SAYS = {
  en: {
    migrate: /^Migrate /,
    buy: /^Buy \d[\d,]* × /,
    bought: /^Bought: order /,
    purchaseNotNeeded: /A\. Buy the new subscription — Not needed/,
    move: /^Move \d[\d,]* users /,
    moveNotNeeded: /B\. Move the users' licenses — Not needed/,
    moved: /B\. Move the users' licenses — Done/,
    suspend: /^Suspend /,
    complete: 'Migration complete.',
  },
  ko: {
    migrate: /마이그레이션$/,
    buy: /에 .+ \d[\d,]*개 구매$/,
    bought: /^구매 완료: 주문 /,
    purchaseNotNeeded: /A\. 새 구독 구매 — 필요 없음/,
    move: /^사용자 \d[\d,]*명을 /,
    moveNotNeeded: /B\. 사용자 라이선스 재할당 — 필요 없음/,
    moved: /B\. 사용자 라이선스 재할당 — 완료/,
    suspend: / 일시 중단 \(120일 후 제거\)$/,
    complete: '마이그레이션이 완료되었습니다.',
  },
} as const;

async function runAll(page: Page, says: (typeof SAYS)[keyof typeof SAYS]) {
  const panel = page.getByRole('dialog');
  const buy = panel.getByRole('button', { name: says.buy });
  await expect(buy.or(panel.getByText(says.purchaseNotNeeded))).toBeVisible({ timeout: 30_000 });
  if (await buy.count()) {
    await buy.click();
    await expect(panel.getByText(says.bought)).toBeVisible({ timeout: 60_000 });
  }
  const move = panel.getByRole('button', { name: says.move });
  await expect(move.or(panel.getByText(says.moveNotNeeded))).toBeVisible({ timeout: 30_000 });
  if (await move.count()) {
    await move.click();
    await expect(panel.getByText(says.moved)).toBeVisible({ timeout: 120_000 });
  }
  await panel.getByRole('button', { name: says.suspend }).click();
  await expect(panel.getByText(says.complete)).toBeVisible({ timeout: 60_000 });
}

for (const lang of ['en', 'ko'] as const) {
  for (const scenario of FAMILIES) {
    test(`${scenario} (${lang}): migrated with one click per step`, async ({ openPortal }) => {
      test.setTimeout(180_000);
      const { portal, page } = await openPortal({ scenario, provisioningDelayMs: 500 });
      const tenant = portal.sim.customerOf(scenario)?.customer.id as string;
      const locale = lang === 'ko' ? '/ko-kr' : '';
      await page.goto(portal.url(`${locale}/dashboard/v2/customers/${tenant}/subscriptions`));
      await page.getByRole('button', { name: SAYS[lang].migrate }).first().click();
      await runAll(page, SAYS[lang]);

      // What Partner Center now holds: at most one order, the retiring subscription suspended, and
      // no user holding a license that no active subscription pays for.
      const orders = portal.sim.log.filter((e) => e.method === 'POST' && e.path.endsWith('/orders') && e.status < 300);
      expect(orders.length).toBeLessThanOrEqual(1);
      const retiring = EXPECTED[scenario]?.subscription;
      const subs = await apiAll<SubWithOffer>(portal, `/customers/${tenant}/subscriptions`);
      expect(subs.filter((s) => s.offerName === retiring && s.status === 'suspended')).toHaveLength(1);
      const retiredSkus = new Set(
        subs
          .filter((s) => s.offerName === retiring)
          .map((s) => findOffer(s.offerId)?.product.id.toLowerCase())
          .filter((id): id is string => !!id),
      );
      expect(retiredSkus.size).toBe(1);
      const skus = await apiAll<SkuWithId>(portal, `/customers/${tenant}/subscribedskus`);
      // Where the replacement is another product, nobody holds the old one; where it sells the same
      // product (Customer Engagement Plan), users keep it on the new subscription's active seats.
      for (const sku of skus.filter((s) => retiredSkus.has(s.productSku.id.toLowerCase()))) {
        expect(sku.consumedUnits, sku.productSku.name).toBeLessThanOrEqual(sku.activeUnits);
      }
    });
  }
}
