// The worklist: the side panel (opened here as the extension's own page in a tab, which is what the
// side panel shows) scans every customer through the session of an open portal tab, lists every
// retiring subscription and no other, lists a customer whose read failed, finds it on refresh, and
// opens a customer in the portal tab.
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import type { ExtensionBrowser } from './browser';
import { scenarioSubscriptionId } from '../portal/api/scenarios';
import type { InstalledPortal } from '../portal/serve';
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
  const panel = await openSidePanel(ext);
  await panel.getByRole('button', { name: 'Scan all customers' }).click();
  const total = portal.sim.state.customers.length;
  await expect(panel.getByText(new RegExp(`^All ${total} customers read: `))).toBeVisible({ timeout: 60_000 });
  await expect(panel.getByRole('progressbar')).toHaveAttribute('aria-valuenow', String(total));
  const expected = retiringCustomers(portal);
  expect(expected.length).toBeGreaterThan(3);
  expect(await listedCustomers(panel)).toEqual(expected);
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

  // A row opens its customer's subscriptions page in the agent's portal tab, with its banner.
  const first = (await panel.getByRole('table').getByRole('rowheader').first().textContent())?.trim() ?? '';
  await panel.getByRole('button', { name: `Open ${first}` }).click();
  await expect(page).toHaveURL(/\/customers\/[0-9a-f-]+\/subscriptions$/);
  await expect(page.getByRole('button', { name: /^Migrate / }).first()).toBeVisible({ timeout: 30_000 });
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
  await panel.getByRole('button', { name: 'Scan all customers' }).click();
  await expect(panel.getByText(/^All \d+ customers read: /)).toBeVisible({ timeout: 90_000 });
  await expect(panel.getByRole('heading', { name: 'Customers that could not be read (1)' })).toBeVisible();
  await expect(panel.getByRole('listitem').filter({ hasText: name })).toBeVisible();
  expect(await listedCustomers(panel)).not.toContain(name);

  // Partner Center recovers; a refresh reads that customer again and lists it.
  portal.sim.setFaults(undefined);
  await panel.getByRole('button', { name: 'Refresh the list' }).click();
  await expect(panel.getByRole('heading', { name: /could not be read/ })).toHaveCount(0, { timeout: 60_000 });
  expect(await listedCustomers(panel)).toEqual(retiringCustomers(portal));
});

test('without a Partner Center tab the worklist says what to do and reads nothing', async ({ ext, openPortal }) => {
  const { portal } = await openPortal({ scenario: 'demo' });
  const panel = await openSidePanel(ext);
  await panel.getByRole('button', { name: 'Scan all customers' }).click();
  await expect(panel.getByRole('alert')).toHaveText('Open Partner Center in a tab and sign in, then start the scan again.');
  expect(portal.sim.log.filter((e) => e.path.startsWith('/customers')).length).toBe(0);
});
