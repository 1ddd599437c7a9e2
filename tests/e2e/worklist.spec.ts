// The worklist: the side panel (opened here as the extension's own page in a tab, which is what the
// side panel shows) scans every customer through the session of an open portal tab, lists every
// retiring subscription and no other, lists a customer whose read failed, finds it on refresh, and
// opens a customer in the portal tab.
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import type { ExtensionBrowser } from './browser';
import { offerById } from '../portal/api/offers';
import { scenarioSubscriptionId } from '../portal/api/scenarios';
import type { CustomerRecord } from '../portal/api/types';
import type { InstalledPortal } from '../portal/serve';
import { expectInvariants, migrate, smallBusiness } from './agent';
import { expect, test } from './fixtures';

/** The customers holding an active subscription the scenarios built as retiring: what the list must show. */
function retiringCustomers(portal: InstalledPortal): string[] {
  return portal.sim.state.customers
    .filter((c) =>
      c.subscriptions.some(
        (s) => s.resource.id === scenarioSubscriptionId(c.scenario, 'retiring') && s.resource.status.toLowerCase() === 'active',
      ),
    )
    .map((c) => c.customer.companyProfile.companyName)
    .sort();
}

/** The side panel's page in a tab (the fixture refuses every request it does not serve: let ours through). */
async function openSidePanel(ext: ExtensionBrowser): Promise<Page> {
  const origin = `chrome-extension://${ext.extensionId}/`;
  await ext.context.route((url) => url.href.startsWith(origin), (route) => route.continue());
  const panel = await ext.context.newPage();
  await panel.goto(`${origin}sidepanel.html`);
  return panel;
}

/** The extension's toolbar badge, as the browser shows it. */
async function toolbarBadge(ext: ExtensionBrowser): Promise<string> {
  return ext.background.evaluate(() => (globalThis as unknown as { chrome: { action: { getBadgeText(d: object): Promise<string> } } }).chrome.action.getBadgeText({}));
}

async function listedCustomers(panel: Page): Promise<string[]> {
  return (await panel.getByRole('table').getByRole('rowheader').allTextContents()).map((s) => s.trim()).sort();
}

test('the worklist finds every customer with a retiring subscription, and only those, and opens one', async ({
  ext,
  openPortal,
}) => {
  test.setTimeout(120_000);
  const { portal, page } = await openPortal({ scenario: 'demo' });
  await page.goto(portal.url('/dashboard/v2/customers/list'));
  // Opening the worklist for the first time starts its scan: no click.
  const panel = await openSidePanel(ext);
  const total = portal.sim.state.customers.length;
  await expect(panel.getByText(new RegExp(`^All ${total} customers read: `))).toBeVisible({ timeout: 60_000 });
  await expect(panel.getByRole('progressbar', { name: /customers read/ })).toHaveAttribute('aria-valuenow', String(total));
  const expected = retiringCustomers(portal);
  expect(expected.length).toBeGreaterThan(3);
  expect(await listedCustomers(panel)).toEqual(expected);
  // The toolbar badge counts the customers still to migrate.
  await expect.poll(() => toolbarBadge(ext)).toBe(String(expected.length));
  // Keyboard and screen reader: every row's button is reachable and named; axe finds nothing.
  const axe = await new AxeBuilder({ page: panel }).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

  // The list exports as CSV that Excel opens with Korean names: one line per row shown, same customers.
  const download = panel.waitForEvent('download');
  await panel.getByRole('button', { name: 'Export list (CSV)' }).click();
  const csv = readFileSync(await (await download).path(), 'utf8');
  expect(csv.startsWith('\uFEFF"Customer ID","Customer"')).toBe(true);
  const names = csv.trim().split('\r\n').slice(1).map((line) => JSON.parse(`[${line}]`)[1] as string);
  expect(names.sort()).toEqual(expected);
  await expect(panel.getByRole('row').filter({ hasText: 'Not started' }).first()).toBeVisible();

  // A row opens its customer's subscriptions page in the agent's portal tab, with its banner and
  // that subscription's Migrate panel already open.
  const first = (await panel.getByRole('table').getByRole('rowheader').first().textContent())?.trim() ?? '';
  await panel.getByRole('button', { name: `Open ${first}` }).click();
  await expect(page).toHaveURL(/\/customers\/[0-9a-f-]+\/subscriptions$/);
  await expect(page.getByRole('button', { name: /^Migrate / }).first()).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('dialog')).toContainText(`Customer: ${first}`, { timeout: 30_000 });
});

test('the agent works the list: a row opens its panel, and after step C the panel offers the next customer', async ({
  ext,
  openPortal,
}) => {
  test.setTimeout(240_000);
  const { portal, page } = await openPortal({ scenario: 'demo' });
  await page.goto(portal.url('/dashboard/v2/customers/list'));
  const panel = await openSidePanel(ext);
  await expect(panel.getByText(/^All \d+ customers read: /)).toBeVisible({ timeout: 60_000 });
  const rows = await panel.getByRole('table').getByRole('rowheader').allTextContents();
  const small = portal.sim.customerOf('small-business-kaizala')?.customer.companyProfile.companyName ?? '';
  await panel.getByRole('button', { name: `Open ${small}` }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText(`Customer: ${small}`, { timeout: 30_000 });
  // The side panel's status requests also set the badge: with the checks over and the panel closed,
  // only the migration's end can change it.
  const checkedAll = panel.getByRole('status').filter({ hasText: `${rows.length} of ${rows.length} customers checked` });
  await expect(checkedAll).toBeVisible({ timeout: 60_000 });
  await panel.close();

  const badgeBefore = Number(await toolbarBadge(ext));
  const run = await migrate(page);
  expect(run).toEqual({ problems: [], complete: true });
  await expectInvariants(portal.sim, smallBusiness(portal, true));
  // One customer fewer to migrate, as soon as the panel has finished.
  await expect.poll(() => toolbarBadge(ext), { timeout: 30_000 }).toBe(String(badgeBefore - 1));
  // The next customer is the list's first other one (soonest end first), with its days left.
  const next = rows.map((r) => r.trim()).find((name) => name !== small) ?? '';
  const offer = dialog.getByRole('button', { name: new RegExp(`^Next: ${next}, \\d+ days? left$`) });
  await expect(offer).toBeVisible({ timeout: 30_000 });
  await offer.click();
  await expect(page.getByRole('dialog')).toContainText(`Customer: ${next}`, { timeout: 30_000 });
  expect(page.url()).not.toContain(portal.sim.customerOf('small-business-kaizala')?.customer.id ?? '-');
});

test('a customer whose subscriptions cannot be read is listed with the reason, and found on refresh', async ({
  ext,
  openPortal,
}) => {
  test.setTimeout(120_000);
  const { portal, page } = await openPortal({ scenario: 'demo' });
  const broken = portal.sim.customerOf('small-business-kaizala');
  const name = broken?.customer.companyProfile.companyName ?? '';
  portal.sim.setFaults({ serverError: [{ match: { path: `/customers/${broken?.customer.id}/subscriptions` }, status: 503 }] });
  await page.goto(portal.url('/dashboard/v2/customers/list'));
  const panel = await openSidePanel(ext);
  await expect(panel.getByText(/^All \d+ customers read: /)).toBeVisible({ timeout: 90_000 });
  await expect(panel.getByRole('heading', { name: 'Customers that could not be read (1)' })).toBeVisible();
  await expect(panel.getByRole('listitem').filter({ hasText: name })).toBeVisible();
  expect(await listedCustomers(panel)).not.toContain(name);

  // Partner Center recovers; a refresh reads that customer again and lists it.
  portal.sim.setFaults(undefined);
  await panel.getByRole('button', { name: 'Refresh the list' }).click();
  await expect(panel.getByRole('heading', { name: /could not be read/ })).toHaveCount(0, { timeout: 60_000 });
  expect(await listedCustomers(panel)).toEqual(retiringCustomers(portal));

  // The agent's portal tab turns Korean: the side panel follows it when it opens again.
  await page.goto(portal.url('/ko-kr/dashboard/v2/customers/list'));
  await panel.reload();
  await expect(panel.locator('html')).toHaveAttribute('lang', 'ko');
  await expect(panel.getByRole('button', { name: '목록 새로 고침' })).toBeVisible();
});

test('without a Partner Center tab the worklist says what to do and reads nothing, and starts once a tab is open', async ({ ext, openPortal }) => {
  const { portal } = await openPortal({ scenario: 'demo' });
  const panel = await openSidePanel(ext);
  // Opening the worklist starts its scan, which finds no portal tab to read with.
  const alert = panel.getByRole('alert');
  await expect(alert).toHaveText('Open Partner Center in a tab and sign in, then start the scan again.');
  await expect(alert).toHaveText('Open Partner Center in a tab and sign in, then start the scan again.');
  expect(portal.sim.log.filter((e) => e.path.startsWith('/customers')).length).toBe(0);

  // The agent opens Partner Center and the worklist again: its scan starts by itself this time.
  const page = await ext.context.newPage();
  await page.goto(portal.url('/dashboard/v2/customers/list'));
  await panel.reload();
  await expect(panel.getByText(/^All \d+ customers read: /)).toBeVisible({ timeout: 60_000 });
  await expect(panel.getByRole('alert')).toHaveCount(0);
});

/** Each listed row's cells by its customer's name (cells after the name: offer, licenses, ends, days, replacement, verdict, migration). */
async function shownRows(panel: Page): Promise<Map<string, string[]>> {
  const shown = new Map<string, string[]>();
  for (const row of await panel.getByRole('row').filter({ has: panel.getByRole('rowheader') }).all()) {
    shown.set((await row.getByRole('rowheader').textContent())?.trim() ?? '', await row.getByRole('cell').allTextContents());
  }
  return shown;
}

/**
 * The verdict a customer's seeded data calls for, read from the simulator's state (not from the
 * extension): done once the retiring subscription is no longer active; it needs attention when users who hold the retiring product lack a usage location, or
 * when that product's licenses are pooled with subscriptions that stay and only a share moves.
 */
function expectedVerdict(c: CustomerRecord): string {
  const retiring = c.subscriptions.find((s) => s.resource.id === scenarioSubscriptionId(c.scenario, 'retiring'))?.resource;
  if (!retiring) return 'none';
  if (retiring.status !== 'active') return 'Done';
  const sku = offerById(retiring.offerId).product.id.toLowerCase();
  const holders = c.users.filter((u) => u.licenses.some((l) => l.skuId === sku));
  const staying = c.subscriptions
    .filter((s) => s !== undefined && s.resource.id !== retiring.id && s.resource.status === 'active')
    .filter((s) => offerById(s.resource.offerId).product.id.toLowerCase() === sku)
    .reduce((n, s) => n + s.resource.quantity, 0);
  const pooled = staying > 0 && holders.length - staying < holders.length;
  const unlocated = holders.some((u) => !u.resource.usageLocation);
  return pooled || unlocated ? 'Needs attention' : 'Ready';
}

test('pre-flight follows the scan and checks again on demand: verdicts match the seeded data, a filter narrows the list, the CSV carries them', async ({
  ext,
  openPortal,
}) => {
  test.setTimeout(120_000);
  const { portal, page } = await openPortal({ scenario: 'demo' });
  // One holder of Alpine Ski House's retiring product has no usage location: a license cannot be assigned to them.
  const alpine = portal.sim.customerOf('small-business-kaizala');
  const user = alpine?.users[0];
  if (user) user.resource.usageLocation = '';
  await page.goto(portal.url('/dashboard/v2/customers/list'));
  const panel = await openSidePanel(ext);
  await expect(panel.getByText(/^All \d+ customers read: /)).toBeVisible({ timeout: 60_000 });
  // The checks follow the scan by themselves: every listed customer gets its verdict.
  const retiring = portal.sim.state.customers.filter((c) => expectedVerdict(c) !== 'none');
  const checkedAll = panel.getByRole('status').filter({ hasText: `${retiring.length} of ${retiring.length} customers checked` });
  await expect(checkedAll).toBeVisible({ timeout: 60_000 });
  const before = await shownRows(panel);
  for (const c of retiring) {
    expect(before.get(c.customer.companyProfile.companyName)?.[5], c.scenario).toMatch(new RegExp(`^${expectedVerdict(c)}`));
  }

  // Another agent suspends Litware's retiring subscription after the scan: the agent's own check of
  // every customer sees it done in Partner Center.
  const litware = portal.sim.customerOf('dynamics-sales-add-on');
  const litwareRow = panel.getByRole('row').filter({ has: panel.getByRole('rowheader', { name: litware?.customer.companyProfile.companyName ?? '-' }) });
  await expect(litwareRow.getByRole('cell').nth(6)).toHaveText('Not started');
  const suspended = litware?.subscriptions.find((s) => s.resource.id === scenarioSubscriptionId('dynamics-sales-add-on', 'retiring'));
  if (suspended) suspended.resource.status = 'suspended';
  await panel.getByRole('button', { name: 'Check all customers' }).click();
  await expect(litwareRow.getByRole('cell').nth(6)).toHaveText('Done (seen in Partner Center)', { timeout: 60_000 });
  await expect(checkedAll).toBeVisible({ timeout: 60_000 });

  const shown = await shownRows(panel);
  for (const c of retiring) {
    expect(shown.get(c.customer.companyProfile.companyName)?.[5], c.scenario).toMatch(new RegExp(`^${expectedVerdict(c)}`));
  }
  expect(shown.get(alpine?.customer.companyProfile.companyName ?? '')?.[5]).toContain('users to move without a usage location: 1');

  // A filter narrows the list to the customers that need attention, and the CSV is that list.
  await panel.getByLabel('Pre-flight').selectOption({ label: 'Needs attention' });
  const attention = retiring.filter((c) => expectedVerdict(c) === 'Needs attention').map((c) => c.customer.companyProfile.companyName).sort();
  expect(await listedCustomers(panel)).toEqual(attention);
  const download = panel.waitForEvent('download');
  await panel.getByRole('button', { name: 'Export list (CSV)' }).click();
  const lines = readFileSync(await (await download).path(), 'utf8').trim().split('\r\n').map((l) => JSON.parse(`[${l}]`) as string[]);
  expect(lines[0]).toEqual([
    'Customer ID', 'Customer', 'Subscription ID', 'Offer', 'Licenses', 'End date', 'Days left',
    'Recommended replacement and quantity', 'Pre-flight verdict', 'Migration state',
  ]);
  const csvRows = lines.slice(1);
  expect(csvRows.map((l) => l[1]).sort()).toEqual(attention);
  const listed = await shownRows(panel);
  for (const l of csvRows) {
    const cells = listed.get(l[1] ?? '') ?? [];
    expect([cells[4], cells[5]?.startsWith(l[8] ?? '-'), cells[6]]).toEqual([l[7], true, l[9]]);
  }
});

test("the customer list links to the worklist, in the agent's language", async ({ ext, openPortal }) => {
  const { portal, page } = await openPortal({ scenario: 'demo' });
  await page.goto(portal.url('/ko-kr/dashboard/v2/customers/list'));
  const link = page.getByRole('button', { name: '작업 목록: 사용 중지 예정 구독이 있는 모든 고객' });
  await expect(link).toBeVisible({ timeout: 30_000 });
  // Chrome's side panel opens for this tab (the click is the user action it needs). Playwright does not
  // list side panels among a context's pages; the browser's own targets show it.
  const cdp = await ext.context.browser()?.newBrowserCDPSession();
  if (!cdp) throw new Error('no browser session');
  const sidePanels = async () =>
    (await cdp.send('Target.getTargets')).targetInfos.filter(
      (t) => t.type === 'page' && t.url === `chrome-extension://${ext.extensionId}/sidepanel.html`,
    ).length;
  expect(await sidePanels()).toBe(0);
  await link.click();
  await expect.poll(sidePanels, { timeout: 15_000 }).toBe(1);
});
