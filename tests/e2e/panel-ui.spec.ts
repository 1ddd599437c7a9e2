// The Migrate panel as the agent sees it, on the production build and the simulated portal: one way
// to run a stopped step again (none when it can only be refused), a covered customer shown without
// contradiction, the panel and the page notice beside the portal's content rather than over it, the
// three steps alike, Korean counts kept with their numbers, and axe clean in each of these states.
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { buySmallBusiness, openPanel, type Sku } from './panel';
import { apiAll } from './simulator/harness';

/**
 * Every axe rule that runs by default, at every impact: the list of what it found must be empty. On
 * the whole page, or only in our panel where the page is the simulator's Manage licenses (whose own
 * findings are not ours to fix).
 */
async function expectAxeClean(page: Page, only?: 'panel'): Promise<void> {
  const axe = new AxeBuilder({ page });
  if (only) axe.include('pcma-panel');
  const results = await axe.analyze();
  expect(results.passes.length).toBeGreaterThan(0);
  expect(results.violations.map((v) => `${v.id} (${v.impact}): ${v.help} at ${JSON.stringify(v.nodes.map((n) => n.target))}`)).toEqual([]);
}

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

async function box(locator: Locator): Promise<Box> {
  const b = await locator.boundingBox();
  if (!b) throw new Error('not laid out');
  return b;
}

const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

test('a stopped step offers one way to run it again, its own button, beside "I did this myself"', async ({ openPortal }) => {
  test.setTimeout(120_000);
  const { portal, page } = await openPortal({ scenario: 'small-business-kaizala' });
  const { panel } = await openPanel(page, portal, 'small-business-kaizala');
  portal.sim.setFaults({ serverError: [{ match: { method: 'POST', path: '/customers/*/orders' }, count: 1, status: 500 }] });
  const buy = panel.getByRole('button', { name: /^Buy 25 × Microsoft 365 Business Basic for / });
  await buy.click();
  const alert = panel.getByRole('alert');
  await expect(alert).toBeVisible({ timeout: 60_000 });
  await expect(panel.getByRole('button', { name: /Retry/ })).toHaveCount(0);
  await expect(alert.getByRole('button', { name: 'I did this myself' })).toBeEnabled();
  await expect(buy).toBeEnabled();
  await expectAxeClean(page);
  await buy.click();
  await expect(panel.getByText(/^Bought: order /)).toBeVisible({ timeout: 60_000 });
  expect(portal.sim.log.filter((e) => e.method === 'POST' && e.path.endsWith('/orders') && e.committed)).toHaveLength(1);
});

test('a step refused for a missing role offers no rerun and says to ask for the role, then reload', async ({ openPortal }) => {
  test.setTimeout(180_000);
  const { portal, page } = await openPortal({ scenario: 'small-business-kaizala', role: 'sales-agent' });
  const { panel } = await buySmallBusiness(page, portal);
  const move = panel.getByRole('button', { name: /^Move 25 users / });
  await move.click();
  const alert = panel.getByRole('alert');
  await expect(alert).toContainText('An Admin agent must finish step B', { timeout: 60_000 });
  await expect(alert).toContainText('Ask an admin of your partner account for the role named above, then reload this page');
  await expect(move).toBeDisabled();
  await expect(panel.getByRole('button', { name: /Retry/ })).toHaveCount(0);
  await expect(alert.getByRole('button', { name: 'I did this myself' })).toBeEnabled();
  // The step stopped on the portal's Manage licenses page: our panel, there, is clean.
  await expectAxeClean(page, 'panel');
});

test('a covered customer: no quantity to buy beside "No purchase needed", and step B says it only removes', async ({
  openPortal,
}) => {
  test.setTimeout(180_000);
  const { portal, page } = await openPortal({ scenario: 'covered-by-o365-e3' });
  const { panel, tenant } = await openPanel(page, portal, 'covered-by-o365-e3');
  await expect(panel.getByText(/^No purchase needed: /)).toBeVisible();
  await expect(panel.getByRole('spinbutton')).toHaveCount(0);
  await expect(panel.getByText('Licenses to buy')).toHaveCount(0);
  await expect(panel.getByRole('combobox')).toHaveCount(0);
  await expect(panel.getByText('Office 365 E3: nothing to buy.')).toBeVisible();
  const remove = panel.getByRole('button', {
    name: /^Remove .*Kaizala Pro from 40 users \(they keep the service through Office 365 E3\)$/,
  });
  await expect(remove).toBeEnabled();
  await expect(panel.getByRole('button', { name: /^Move / })).toHaveCount(0);
  await expectAxeClean(page);
  await remove.click();
  await expect(panel.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '40', { timeout: 120_000 });
  // It assigned nothing: every user still holds E3, and nobody holds Kaizala Pro.
  const skus = await apiAll<Sku>(portal, `/customers/${tenant}/subscribedskus`);
  const consumed = (name: string) => skus.find((s) => s.productSku.name === name)?.consumedUnits ?? 0;
  expect(consumed('Office 365 E3')).toBe(40);
  expect(consumed('Microsoft Kaizala Pro')).toBe(0);
});

test('a covered customer in Korean: the clean-up button says it removes, in Korean', async ({ openPortal }) => {
  const { portal, page } = await openPortal({ scenario: 'covered-by-o365-e3' });
  const { panel } = await openPanel(page, portal, 'covered-by-o365-e3', '/ko-kr');
  await expect(
    panel.getByRole('button', { name: /^사용자 40명에게서 .*Kaizala Pro 제거\(Office 365 E3\(으\)로 서비스 계속 사용\)$/ }),
  ).toBeEnabled();
  await expect(panel.getByRole('spinbutton')).toHaveCount(0);
  await expectAxeClean(page);
});

test('the open panel covers none of the portal: the row\'s Quantity, Status and Renewal and its banner sit beside it', async ({
  openPortal,
}) => {
  const scenario = 'dynamics-sales-crmol-basic';
  const { portal, page } = await openPortal({ scenario });
  const tenant = portal.sim.customerOf(scenario)?.customer.id;
  await page.goto(portal.url(`/dashboard/v2/customers/${tenant}/subscriptions`));
  const banner = page.getByRole('region', { name: /^Retirement notice: Dynamics 365 for Sales Enterprise Edition CRMOL Basic/ });
  await expect(banner).toBeVisible();
  const daysLeft = (await banner.textContent())?.match(/(\d+) days left/)?.[1];
  expect(daysLeft).toBeTruthy();
  await page.getByRole('button', { name: /^Migrate Dynamics 365 for Sales Enterprise Edition CRMOL Basic/ }).click();
  const panel = page.getByRole('dialog');
  await expect(panel).toBeVisible();
  // The panel repeats the end date and the days left of the row.
  await expect(panel.getByText(new RegExp(`^Ends on [A-Z][a-z]+ \\d{1,2}, \\d{4} \\(${daysLeft} days left\\)$`))).toBeVisible();

  const panelBox = await box(panel);
  const row = page.getByRole('row').filter({ has: banner });
  const cells = row.getByRole('gridcell');
  await expect(cells).toHaveCount(4);
  // Name (with the banner), Quantity, Status, Renewal: each wholly beside the panel, none under it.
  for (let i = 0; i < 4; i++) expect(overlaps(await box(cells.nth(i)), panelBox), `cell ${i}`).toBe(false);
  expect(overlaps(await box(banner), panelBox)).toBe(false);
  // The banner's text is not cut: nothing of it overflows its box, and the point at its end is the banner's.
  const clipped = await banner.evaluate((el) => el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1);
  expect(clipped).toBe(false);
  const header = page.getByRole('columnheader', { name: 'Renewal' });
  expect(overlaps(await box(header), panelBox)).toBe(false);
  await expectAxeClean(page);

  // Closed, the page has its whole width back.
  const before = (await box(cells.nth(3))).x;
  await panel.getByRole('button', { name: 'Close' }).click();
  await expect(panel).toHaveCount(0);
  await expect.poll(async () => (await box(cells.nth(3))).x).toBeGreaterThan(before);
  expect(await page.evaluate(() => document.documentElement.style.marginRight)).toBe('');
});

test('the page notice sits in the page\'s flow, above the portal, covering none of it', async ({ openPortal }) => {
  const { portal, page } = await openPortal({ scenario: 'small-business-kaizala', neverRender: ['subscriptions-grid'] });
  const tenant = portal.sim.customerOf('small-business-kaizala')?.customer.id;
  await page.goto(portal.url(`/dashboard/v2/customers/${tenant}/subscriptions`));
  const notice = page.getByRole('status').filter({ hasText: 'did not appear on this page' });
  await expect(notice).toBeVisible({ timeout: 20_000 });
  const noticeBox = await box(notice);
  for (const portalPart of [
    page.getByRole('banner'),
    page.getByRole('heading', { name: 'Subscriptions', level: 1 }),
    page.getByRole('link', { name: 'Users and licenses' }),
    page.getByRole('button', { name: 'Add subscription' }),
  ]) {
    expect(overlaps(await box(portalPart), noticeBox)).toBe(false);
  }
  expect(noticeBox.y + noticeBox.height).toBeLessThanOrEqual((await box(page.getByRole('banner'))).y);
  // In the flow, not floating: it scrolls away with the page.
  expect(await notice.evaluate((el) => getComputedStyle(el).position)).toBe('static');
  await expectAxeClean(page);
});

test('the three steps are alike: a region each, named A, B, C, in order', async ({ openPortal }) => {
  const { portal, page } = await openPortal({ scenario: 'small-business-kaizala' });
  const { panel } = await openPanel(page, portal, 'small-business-kaizala');
  const steps = panel.getByRole('region');
  await expect(steps).toHaveCount(3);
  await expect(steps.nth(0)).toHaveAccessibleName(/^A\. Buy the new subscription — /);
  await expect(steps.nth(1)).toHaveAccessibleName(/^B\. Move the users' licenses — /);
  await expect(steps.nth(2)).toHaveAccessibleName(/^C\. Suspend the old subscription — /);
  await expect(steps.nth(0).getByRole('button', { name: /^Buy 25 × / })).toBeVisible();
  await expectAxeClean(page);
});

test('Korean: the buy button never wraps between the number and its counter', async ({ openPortal }) => {
  const { portal, page } = await openPortal({ scenario: 'korean-customer' });
  const { panel } = await openPanel(page, portal, 'korean-customer', '/ko-kr');
  const buy = panel.getByRole('button', { name: '한결테크 주식회사에 Microsoft 365 Business Basic 12개 구매' });
  await expect(buy).toBeVisible();
  // Each line the count's characters sit on: one, at the panel's width and in a narrower window.
  const countLines = () =>
    buy.evaluate((el) => {
      const count = [...el.querySelectorAll('*')].find((e) => e.textContent === '12개');
      return count ? new Set([...count.getClientRects()].map((r) => Math.round(r.top))).size : 0;
    });
  expect(await countLines()).toBe(1);
  await page.setViewportSize({ width: 900, height: 800 });
  expect(await countLines()).toBe(1);
  await expect(panel.getByText(/^\d{4}년 \d{1,2}월 \d{1,2}일에 종료\(\d+일 남음\)$/)).toBeVisible();
  await expectAxeClean(page);
});

test('the panel shows at once while it reads the customer, and Close then stops the opening', async ({ openPortal }) => {
  test.setTimeout(90_000);
  const { portal, page } = await openPortal({ scenario: 'small-business-kaizala' });
  const customer = portal.sim.customerOf('small-business-kaizala')?.customer;
  const tenant = customer?.id;
  await page.goto(portal.url(`/ko-kr/dashboard/v2/customers/${tenant}/subscriptions`));
  const migrate = page.getByRole('button', { name: /마이그레이션$/ }).first();
  await expect(migrate).toBeVisible({ timeout: 30_000 });
  // Partner Center answers the customer's products slowly.
  portal.sim.setFaults({ latency: [{ ms: 4000, match: { path: '/customers/*/subscribedskus' } }] });
  await migrate.click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('status')).toHaveText('파트너 센터에서 이 고객 정보를 읽는 중…');
  await expect(dialog.getByRole('heading', { level: 2 })).toHaveText(/마이그레이션$/);
  await dialog.getByRole('button', { name: '닫기' }).click();
  await expect(dialog).toHaveCount(0);
  // The slow read lands after Close: no panel comes back.
  await page.waitForTimeout(5000);
  await expect(dialog).toHaveCount(0);
  // Opened again with Partner Center answering at its pace, the panel is ready.
  portal.sim.setFaults(undefined);
  await migrate.click();
  await expect(dialog).toContainText(`고객: ${customer?.companyProfile.companyName}`, { timeout: 30_000 });
  await expect(dialog).not.toHaveAttribute('aria-busy', 'true');
});
