import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { SINGLE_CUSTOMER_SCENARIOS, scenarioSubscriptionId } from '../portal/api/scenarios';
import { expect, test } from './fixtures';
import type { InstalledPortal } from '../portal/serve';
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

/** The subscription's name and its renewal date as its own row in the portal writes them. */
async function rowSays(page: Page, banner: Locator): Promise<{ name: string; date: string }> {
  const row = page.getByRole('row').filter({ has: banner });
  const name = ((await row.getByRole('link').first().textContent()) ?? '').trim();
  const renewal = row.getByRole('gridcell').filter({ hasText: /^(Expires on |Auto renews on )|에 (만료|자동 갱신)$/ });
  const text = ((await renewal.textContent()) ?? '').trim();
  const date = RENEWAL.exec(text)?.groups?.date;
  if (!name || !date) throw new Error(`the row shows no name or renewal date: "${name}", "${text}"`);
  return { name, date };
}
// "Expires on January 2, 2027", "Auto renews on …", "2027년 1월 2일에 만료", "…에 자동 갱신" (contract, labels table).
const RENEWAL = /^(?:Expires on |Auto renews on )?(?<date>.+?)(?:에 만료|에 자동 갱신)?$/;

test('a Korean agent sees the banner in Korean, naming the subscription as its row does, dates as the portal writes them', async ({
  openPortal,
}) => {
  const { portal, page } = await openPortal({ scenario: 'korean-customer' });
  const tenant = portal.sim.customerOf('korean-customer')?.customer.id;
  await page.goto(portal.url(`/ko-kr/dashboard/v2/customers/${tenant}/subscriptions`));
  const banner = page.getByRole('region', { name: '사용 중지 알림: Kaizala Pro' });
  await expect(banner).toBeVisible();
  const row = await rowSays(page, banner);
  // The portal's row says "Kaizala Pro"; the catalog's Korean offer name ("… 독립 실행형") is not shown.
  expect(row.name).toBe('Kaizala Pro');
  await expect(banner).toContainText(`${row.name} 구독이 사용 중지됩니다.`);
  await expect(banner).not.toContainText('독립 실행형');
  // Dates read like the portal's own on this page: "2027년 1월 2일", never "2027. 1. 2.".
  expect(row.date).toMatch(/^\d{4}년 \d{1,2}월 \d{1,2}일$/);
  await expect(banner).toContainText(`이 구독은 ${row.date}에 종료됩니다`);
  await expect(banner).toContainText('Microsoft가 2020년 7월 1일에 판매를 종료했습니다.');
  await expect(banner).not.toContainText(/\d{4}\. \d{1,2}\. \d{1,2}\./);
  await expect(banner).toContainText(/\d+일 남음/);
  await expect(banner).toContainText('Microsoft 365 Business Basic 라이선스 12개 구매를 권장합니다.');
  await expect(banner.getByRole('button', { name: 'Kaizala Pro 마이그레이션' })).toBeVisible();
  const text = (await banner.textContent()) ?? '';
  const withoutNames = text.replace(/Kaizala Pro|Microsoft 365 Business Basic|Microsoft/g, '');
  expect(withoutNames).not.toMatch(/[A-Za-z]{2,}/);
  await expect(page.getByText('이 고객의 구독 1개가 사용 중지됩니다.', { exact: false })).toBeVisible();
});

for (const locale of ['en-us', 'en-gb']) {
  test(`on a /${locale}/ page the banner's dates read like the portal's own`, async ({ openPortal }) => {
    const { portal, page } = await openPortal({ scenario: 'small-business-kaizala' });
    const tenant = portal.sim.customerOf('small-business-kaizala')?.customer.id;
    await page.goto(portal.url(`/${locale}/dashboard/v2/customers/${tenant}/subscriptions`));
    const banner = page.getByRole('region', { name: 'Retirement notice: Kaizala Pro' });
    await expect(banner).toBeVisible();
    const row = await rowSays(page, banner);
    expect(row.date).toBe(portalDate(portal, 'small-business-kaizala', locale));
    // "January 2, 2027" on en-us, "2 January 2027" on en-gb: the month in words, as the row writes it.
    expect(row.date).toMatch(/[A-Z][a-z]{3,}/);
    await expect(banner).toContainText(`${row.name} is being retired`);
    await expect(banner).toContainText(`This subscription ends on ${row.date}`);
    const saleEnded = locale === 'en-gb' ? '1 July 2020' : 'July 1, 2020';
    await expect(banner).toContainText(`Microsoft ended its sale on ${saleEnded}.`);
  });
}

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
  const badges = page.getByRole('note', { name: /: \d+ retiring subscriptions?\b/ });
  await expect(badges).toHaveCount(1);
  const firstPage = await badges.getAttribute('aria-label');
  expect(firstPage).toMatch(/: 1 retiring subscription, which (ends|ended) [A-Z][a-z]+ \d{1,2}, \d{4}\b/);
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(badges).toHaveCount(1);
  await expect(badges).not.toHaveAttribute('aria-label', firstPage ?? '');
  // Only the customers on screen were read: two pages' worth of subscription requests, not 2,000.
  const reads = portal.apiRequests.filter((r) => /\/customers\/[^/]+\/subscriptions$/.test(new URL(r.url).pathname));
  expect(reads.length).toBeLessThanOrEqual(40);
});

/** A retiring subscription's end date as the portal writes it in that locale ("January 2, 2027", "2027년 1월 2일"). */
function portalDate(portal: InstalledPortal, scenario: string, locale: string): string {
  const retiring = scenarioSubscriptionId(scenario, 'retiring');
  const sub = portal.sim.customerOf(scenario)?.subscriptions.find((s) => s.resource.id === retiring)?.resource;
  if (!sub?.commitmentEndDate) throw new Error(`${scenario} has no retiring subscription with an end date`);
  const format = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
  return format.format(new Date(sub.commitmentEndDate));
}

test('the demo customer list badges every retiring customer with when its first subscription ends', async ({
  openPortal,
}) => {
  const { portal, page } = await openPortal({ scenario: 'demo' });
  await page.goto(portal.url('/dashboard/v2/customers/list'));
  const date = portalDate(portal, 'small-business-kaizala', 'en-US');
  const alpine = page.getByRole('note', { name: /^Alpine Ski House: / });
  await expect(alpine).toBeVisible();
  // The agent reads the date (as the portal writes dates) and the days left, so they know where to start.
  await expect(alpine).toHaveText(new RegExp(`^1 retiring · ends ${date} \\(\\d+ days left\\)$`));
  await expect(alpine).toHaveAttribute(
    'aria-label',
    new RegExp(`^Alpine Ski House: 1 retiring subscription, which ends ${date} \\(\\d+ days left\\)$`),
  );
  // Every badge names a date: each seeded retiring subscription has an end date.
  const all = page.getByRole('note', { name: /: \d+ retiring subscriptions?\b/ });
  await expect(all).toHaveCount(14);
  for (const text of await all.allTextContents()) expect(text).toMatch(/^\d+ retiring · (first )?(ends|ended) \w+ \d{1,2}, \d{4}/);
  await expect(page.getByRole('note', { name: /^Coho Winery/ })).toHaveCount(0);
});

test('a Korean agent reads the badge in Korean, with the date as the Korean portal writes it', async ({ openPortal }) => {
  const { portal, page } = await openPortal({ scenario: 'demo' });
  await page.goto(portal.url('/ko-kr/dashboard/v2/customers/list'));
  const date = portalDate(portal, 'korean-customer', 'ko-KR');
  expect(date).toMatch(/^\d{4}년 \d{1,2}월 \d{1,2}일$/);
  const badge = page.getByRole('note', { name: /^한결테크 주식회사: / });
  await expect(badge).toHaveText(new RegExp(`^사용 중지 예정 구독 1개 · ${date} 종료\\(\\d+일 남음\\)$`));
  await expect(badge).toHaveAttribute('aria-label', new RegExp(`^한결테크 주식회사: 사용 중지 예정 구독 1개, ${date} 종료`));
  expect((await badge.textContent()) ?? '').not.toMatch(/[A-Za-z]{2,}/);
});

test('nothing of ours covers the portal: every cell of Users and licenses is the portal\'s own', async ({
  openPortal,
}) => {
  const { portal, page } = await openPortal({ scenario: 'small-business-kaizala' });
  const tenant = portal.sim.customerOf('small-business-kaizala')?.customer.id;
  await page.goto(portal.url(`/dashboard/v2/customers/${tenant}/users`));
  await expect(page.getByRole('gridcell').first()).toBeVisible();
  // Wait until the extension has read this customer (what it would show, it shows by now).
  await expect
    .poll(() => portal.apiRequests.some((r) => r.url.includes(`/customers/${tenant}/subscriptions`)))
    .toBe(true);
  await page.waitForTimeout(1_000);
  const cells = await page.getByRole('gridcell').elementHandles();
  expect(cells.length).toBeGreaterThan(20);
  // Each cell at the top and at the bottom of the window (where a floating box would sit): the point
  // the agent looks at belongs to the portal, never to an element of ours laid over it.
  const covered = await page.evaluate((all) => {
    const ours = (e: Element | null) => !!e && (e.tagName.startsWith('PCMA-') || e.hasAttribute('data-pcma'));
    const hits: string[] = [];
    for (const cell of all as Element[]) {
      for (const block of ['start', 'end'] as const) {
        cell.scrollIntoView({ block, inline: 'nearest' });
        const r = cell.getBoundingClientRect();
        for (const [x, y] of [
          [r.left + r.width / 2, r.top + r.height / 2],
          [r.right - 2, r.bottom - 2],
        ] as const) {
          if (ours(document.elementFromPoint(x, y))) hits.push(`${cell.textContent ?? ''} (${block})`);
        }
      }
    }
    return hits;
  }, cells);
  expect(covered).toEqual([]);
  await expect(page.getByText('Ready on this customer')).toHaveCount(0);
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

test('keyboard and screen reader: Migrate is reachable by Tab, the panel gives focus back, axe finds nothing', async ({
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

  // Enter opens the panel, a non-modal dialog that takes focus; Escape closes it and focus is back on Migrate.
  await page.keyboard.press('Enter');
  const panel = page.getByRole('dialog', { name: 'Migrate Kaizala Pro' });
  await expect(panel).toBeVisible();
  await expect(panel).toHaveAttribute('aria-modal', 'false');
  await expect(panel).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(panel.getByRole('button', { name: 'Close' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(panel).toHaveCount(0);
  await expect(migrate).toBeFocused();
  // The same after Close.
  await page.keyboard.press('Enter');
  await expect(panel).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(panel).toHaveCount(0);
  await expect(migrate).toBeFocused();

  // With the panel open (its reasons shown), axe finds nothing on the page, at any impact.
  await migrate.click();
  await expect(panel.getByRole('button', { name: /^Buy 25 × / })).toBeVisible();
  await panel.getByText('Why this replacement').click();
  await expect(panel.getByRole('group', { name: 'Why this replacement' }).getByRole('listitem').first()).toBeVisible();
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.passes.some((p) => p.nodes.some((n) => JSON.stringify(n.target).includes('pcma-')))).toBe(true);
  expect(results.violations.map((v) => `${v.id} (${v.impact}): ${v.help} at ${JSON.stringify(v.nodes.map((n) => n.target))}`)).toEqual([]);
  // The panel holds no landmarks of its own beside the portal's banner and main.
  await expect(page.getByRole('banner')).toHaveCount(1);
  await expect(panel.getByRole('contentinfo')).toHaveCount(0);
  // Step B's status line says nothing yet, so it is no status yet: no status of the panel is empty.
  for (const text of await panel.getByRole('status').allTextContents()) expect(text.trim()).not.toBe('');
});

test('axe finds nothing on the Migrate panel with a stopped step, its manual steps shown', async ({ openPortal }) => {
  const { portal, page } = await openPortal({ scenario: 'small-business-kaizala' });
  const tenant = portal.sim.customerOf('small-business-kaizala')?.customer.id;
  await page.goto(portal.url(`/dashboard/v2/customers/${tenant}/subscriptions`));
  await page.getByRole('button', { name: 'Migrate Kaizala Pro' }).click();
  const panel = page.getByRole('dialog', { name: 'Migrate Kaizala Pro' });
  portal.sim.setFaults({ serverError: [{ match: { method: 'POST', path: '/customers/*/orders' }, count: 1, status: 500 }] });
  await panel.getByRole('button', { name: /^Buy 25 × / }).click();
  await expect(panel.getByRole('alert')).toBeVisible({ timeout: 60_000 });
  await panel.getByText('Do it by hand').click();
  await expect(panel.getByRole('group', { name: 'Do it by hand' }).getByRole('listitem').first()).toBeVisible();
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id} (${v.impact}): ${v.help} at ${JSON.stringify(v.nodes.map((n) => n.target))}`)).toEqual([]);
  // Only the step's own action looks primary here too: "I did this myself" does not.
  const background = (name: string | RegExp) =>
    panel.getByRole('button', { name }).evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(await background('I did this myself')).toBe('rgb(255, 255, 255)');
});

test('in the Migrate panel only the step\'s action looks primary: Close and Export log do not look like Buy', async ({
  openPortal,
}) => {
  const { portal, page } = await openPortal({ scenario: 'small-business-kaizala' });
  const tenant = portal.sim.customerOf('small-business-kaizala')?.customer.id;
  await page.goto(portal.url(`/dashboard/v2/customers/${tenant}/subscriptions`));
  await page.getByRole('button', { name: 'Migrate Kaizala Pro' }).click();
  const panel = page.getByRole('dialog');
  const look = (name: string | RegExp) =>
    panel.getByRole('button', { name }).evaluate((el) => {
      const style = getComputedStyle(el);
      return { background: style.backgroundColor, color: style.color };
    });
  const buy = await look(/^Buy 25 × /);
  expect(buy).toEqual({ background: 'rgb(0, 99, 177)', color: 'rgb(255, 255, 255)' });
  const secondary = { background: 'rgb(255, 255, 255)', color: 'rgb(27, 27, 27)' };
  expect(await look('Export log (CSV)')).toEqual(secondary);
  expect(await look('Export log (JSON)')).toEqual(secondary);
  expect(await look('Close')).toEqual(secondary);
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
