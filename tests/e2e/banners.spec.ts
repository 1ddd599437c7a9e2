import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { SINGLE_CUSTOMER_SCENARIOS, scenarioSubscriptionId } from '../portal/api/scenarios';
import { expect, test } from './fixtures';
import { EXPECTED } from './scenarios';

const banners = (page: Page) => page.getByRole('region', { name: /^(Retirement notice|사용 중지 알림): / });

test('each seeded customer shows a banner on exactly its retiring subscription, with the right replacement', async ({
  openPortal,
}) => {
  const { portal, page } = await openPortal({ scenario: 'demo' });
  for (const scenario of SINGLE_CUSTOMER_SCENARIOS) {
    const expected = EXPECTED[scenario];
    const tenant = portal.sim.customerOf(scenario)?.customer.id;
    await test.step(scenario, async () => {
      await page.goto(portal.url(`/dashboard/v2/customers/${tenant}/subscriptions`));
      if (!expected) {
        // The no-retirement customer: wait until the extension has read this customer, then expect nothing.
        await expect(page.getByRole('status').filter({ hasText: 'Ready on this customer' })).toBeVisible();
        await expect
          .poll(() => portal.apiRequests.some((r) => r.url.includes(`/customers/${tenant}/subscribedskus`)))
          .toBe(true);
        await page.waitForTimeout(500);
        await expect(banners(page)).toHaveCount(0);
        return;
      }
      const banner = page.getByRole('region', { name: `Retirement notice: ${expected.subscription}` });
      await expect(banner).toBeVisible();
      await expect(banners(page)).toHaveCount(1);
      await expect(banner).toContainText('is being retired');
      await expect(banner).toContainText(expected.recommends);
      await expect(banner).toContainText('Auto-renew is off');
      await expect(banner).toContainText(/\d+ days left/);
      // The banner sits in its subscription's own row.
      const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: expected.subscription }) });
      await expect(row.getByRole('region', { name: /Retirement notice/ })).toHaveCount(1);
      await expect(page.getByText(/1 subscription of this customer is being retired/)).toBeVisible();
    });
  }
});

test('a Korean agent sees the banner in Korean, with Korean dates and no English words', async ({ openPortal }) => {
  const { portal, page } = await openPortal({ scenario: 'korean-customer' });
  const tenant = portal.sim.customerOf('korean-customer')?.customer.id;
  await page.goto(portal.url(`/ko-kr/dashboard/v2/customers/${tenant}/subscriptions`));
  const banner = page.getByRole('region', { name: '사용 중지 알림: Kaizala Pro' });
  await expect(banner).toBeVisible();
  await expect(banner).toContainText('Kaizala Pro 독립 실행형 사용 중지 예정');
  await expect(banner).toContainText('2020. 7. 1.');
  await expect(banner).toContainText(/\d+일 남음/);
  await expect(banner).toContainText('권장: Microsoft 365 Business Basic, 라이선스 12개.');
  await expect(banner.getByRole('button', { name: 'Kaizala Pro 마이그레이션' })).toBeVisible();
  const text = (await banner.textContent()) ?? '';
  const withoutNames = text.replace(/Kaizala Pro|Microsoft 365 Business Basic|Microsoft/g, '');
  expect(withoutNames).not.toMatch(/[A-Za-z]{2,}/);
  await expect(page.getByText('이 고객의 구독 1개가 사용 중지됩니다.', { exact: false })).toBeVisible();
});

for (const family of ['/dashboard/commerce2/customers', '/commerce/customers', '/en-us/dashboard/v2/customers']) {
  test(`banners appear on the ${family} path family`, async ({ openPortal }) => {
    const { portal, page } = await openPortal({ scenario: 'small-business-kaizala' });
    const tenant = portal.sim.customerOf('small-business-kaizala')?.customer.id;
    await page.goto(portal.url(`${family}/${tenant}/subscriptions`));
    await expect(page.getByRole('region', { name: 'Retirement notice: Kaizala Pro' })).toBeVisible();
    await expect(banners(page)).toHaveCount(1);
  });
}

test('after SPA navigation from the customer list, with slow skeleton rows, and gone after leaving', async ({
  openPortal,
}) => {
  const { portal, page } = await openPortal({ scenario: 'demo', skeletonDelayMs: 2500 });
  await page.goto(portal.url('/dashboard/v2/customers/list'));
  await page.getByRole('link', { name: 'Alpine Ski House' }).click();
  await page.getByRole('link', { name: 'Subscriptions', exact: true }).click();
  await expect(page).toHaveURL(/\/subscriptions$/);
  // Skeleton rows first: no banner until the real rows render.
  await expect(page.locator('[aria-busy="true"]').first()).toBeVisible();
  await expect(banners(page)).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Retirement notice: Kaizala Pro' })).toBeVisible({ timeout: 15_000 });
  // Navigating away inside the single-page app removes our UI from the page.
  await page.getByRole('link', { name: 'Users and licenses' }).click();
  await expect(page).toHaveURL(/\/users$/);
  await expect(banners(page)).toHaveCount(0);
  await expect(page.getByText(/subscription of this customer is being retired/)).toHaveCount(0);
});

test('the subscription detail page of a retiring subscription carries the banner at the top', async ({
  openPortal,
}) => {
  const { portal, page } = await openPortal({ scenario: 'dynamics-cep' });
  const tenant = portal.sim.customerOf('dynamics-cep')?.customer.id;
  const retiring = scenarioSubscriptionId('dynamics-cep', 'retiring');
  await page.goto(portal.url(`/dashboard/v2/customers/${tenant}/subscriptions/${retiring}`));
  const banner = page.getByRole('region', { name: /^Retirement notice: Dynamics 365 Customer Engagement Plan/ });
  await expect(banner).toBeVisible();
  await expect(banner).toContainText('Recommended: Dynamics 365 Customer Engagement Plan, 27 licenses.');
  await expect(banners(page)).toHaveCount(1);
});

test('the customer list marks each customer with a retiring subscription, and follows paging', async ({
  openPortal,
}) => {
  const { portal, page } = await openPortal({ scenario: 'partner-2000' });
  await page.goto(portal.url('/dashboard/v2/customers/list'));
  const badges = page.getByRole('note', { name: /retiring subscriptions$/ });
  await expect(badges).toHaveCount(1);
  const firstPage = await badges.getAttribute('aria-label');
  expect(firstPage).toMatch(/: 1 retiring subscriptions$/);
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(badges).toHaveCount(1);
  await expect(badges).not.toHaveAttribute('aria-label', firstPage ?? '');
  // Only the customers on screen were read: two pages' worth of subscription requests, not 2,000.
  const reads = portal.apiRequests.filter((r) => /\/customers\/[^/]+\/subscriptions$/.test(new URL(r.url).pathname));
  expect(reads.length).toBeLessThanOrEqual(40);
});

test('the demo customer list badges every retiring customer and not the one without', async ({ openPortal }) => {
  const { portal, page } = await openPortal({ scenario: 'demo' });
  await page.goto(portal.url('/dashboard/v2/customers/list'));
  await expect(page.getByRole('note', { name: 'Alpine Ski House: 1 retiring subscriptions' })).toBeVisible();
  await expect(page.getByRole('note', { name: /retiring subscriptions$/ })).toHaveCount(14);
  await expect(page.getByRole('note', { name: /^Coho Winery/ })).toHaveCount(0);
});

test('a grid that never fills gives one plain message and the page keeps working', async ({ openPortal }) => {
  const { portal, page } = await openPortal({ scenario: 'small-business-kaizala', neverRender: ['subscriptions-grid'] });
  const tenant = portal.sim.customerOf('small-business-kaizala')?.customer.id;
  await page.goto(portal.url(`/dashboard/v2/customers/${tenant}/subscriptions`));
  const notice = page.getByRole('status').filter({ hasText: 'did not appear on this page' });
  await expect(notice).toBeVisible({ timeout: 20_000 });
  await expect(notice).toContainText('the list of subscriptions');
  await expect(banners(page)).toHaveCount(0);
  await page.getByRole('link', { name: 'Users and licenses' }).click();
  await expect(page.getByRole('heading', { name: 'Users and licenses' })).toBeVisible();
  await expect(notice).toHaveCount(0);
});

test('a failed API read is explained in the agent\'s language and nothing is shown as fact', async ({
  openPortal,
}) => {
  const { portal, page } = await openPortal({
    scenario: 'korean-customer',
    faults: { serverError: [{ match: { method: 'GET', path: /subscribedskus/ }, status: 503 }] },
  });
  const tenant = portal.sim.customerOf('korean-customer')?.customer.id;
  await page.goto(portal.url(`/ko-kr/dashboard/v2/customers/${tenant}/subscriptions`));
  await expect(page.getByRole('status').filter({ hasText: '파트너 센터의 응답이 예상과 달라' })).toBeVisible({
    timeout: 30_000,
  });
  await expect(banners(page)).toHaveCount(0);
});

test('keyboard and screen reader: Migrate is reachable by Tab and axe finds no serious violation', async ({
  openPortal,
}) => {
  const { portal, page } = await openPortal({ scenario: 'small-business-kaizala' });
  const tenant = portal.sim.customerOf('small-business-kaizala')?.customer.id;
  await page.goto(portal.url(`/dashboard/v2/customers/${tenant}/subscriptions`));
  const migrate = page.getByRole('button', { name: 'Migrate Kaizala Pro' });
  await expect(migrate).toBeVisible();
  await expect(page.getByRole('region', { name: 'Retirement notice: Kaizala Pro' })).toHaveAttribute(
    'aria-live',
    'polite',
  );
  let reached = false;
  for (let i = 0; i < 40 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = await migrate.evaluate((el) => el.matches(':focus-visible'));
  }
  expect(reached).toBe(true);
  const outline = await migrate.evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).not.toBe('none');
  // axe checks the whole page (through shadow roots); we answer for the nodes of our own UI.
  const results = await new AxeBuilder({ page }).analyze();
  const ours = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.filter((n) => JSON.stringify(n.target).includes('pcma-')).map(() => `${v.id}: ${v.help}`));
  expect(results.passes.some((p) => p.nodes.some((n) => JSON.stringify(n.target).includes('pcma-')))).toBe(true);
  expect(ours).toEqual([]);
});

test('the session token never leaves the API: not in storage, console or any other request', async ({
  ext,
  openPortal,
}) => {
  const { portal, page } = await openPortal({ scenario: 'small-business-kaizala' });
  const logs: string[] = [];
  page.on('console', (m) => logs.push(m.text()));
  ext.background.on('console', (m) => logs.push(m.text()));
  const other: string[] = [];
  ext.context.on('request', async (request) => {
    if (request.url().startsWith('https://api.partnercenter.microsoft.com/')) return;
    other.push(`${request.url()} ${JSON.stringify(await request.allHeaders())} ${request.postData() ?? ''}`);
  });
  const tenant = portal.sim.customerOf('small-business-kaizala')?.customer.id;
  await page.goto(portal.url(`/dashboard/v2/customers/${tenant}/subscriptions`));
  await expect(page.getByRole('region', { name: 'Retirement notice: Kaizala Pro' })).toBeVisible();
  const token = portal.sim.token;
  expect(token.length).toBeGreaterThan(10);
  // The extension used it for the API …
  expect(portal.apiRequests.some((r) => r.url.includes('subscribedskus') && r.headers.authorization === `Bearer ${token}`)).toBe(true);
  // … and nowhere else.
  expect(other.join('\n')).not.toContain(token);
  expect(logs.join('\n')).not.toContain(token);
  const stored = await ext.background.evaluate(async () => {
    // The extension has no storage permission, so IndexedDB is the only place it could keep anything.
    const dump: string[] = [];
    for (const info of await indexedDB.databases()) {
      if (!info.name) continue;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open(info.name as string);
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      for (const store of Array.from(db.objectStoreNames)) {
        const all = await new Promise<unknown[]>((resolve, reject) => {
          const req = db.transaction(store).objectStore(store).getAll();
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        });
        dump.push(JSON.stringify(all));
      }
      db.close();
    }
    return dump.join('\n');
  });
  expect(stored).not.toContain(token);
  expect(stored).toContain(tenant);
});
