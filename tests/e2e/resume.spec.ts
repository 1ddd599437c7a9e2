import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SimulatedPartnerCenter } from '../portal/api/handler';
import { installPortal } from '../portal/serve';
import { launchWithExtension } from './browser';
import { expect, test } from './fixtures';
import { buySmallBusiness, interruptibleStepB, type Sku, type Sub } from './panel';
import { apiAll, apiGet } from './simulator/harness';


test('a browser restart right after Submit in step A buys nothing twice and picks up the order', async () => {
  test.setTimeout(180_000);
  const profileDir = mkdtempSync(join(tmpdir(), 'pcma-restart-'));
  // One simulated Partner Center outlives the browser, as the real one would.
  const sim = new SimulatedPartnerCenter({ scenario: 'small-business-kaizala', now: new Date(), provisioningDelayMs: 3000 });
  const tenant = sim.customerOf('small-business-kaizala')?.customer.id as string;
  const open = async () => {
    const ext = await launchWithExtension({ profileDir });
    await ext.context.route('**/*', (route) => route.abort('blockedbyclient'));
    const portal = await installPortal(ext.context, { sim, skeletonDelayMs: 200 });
    const page = await ext.context.newPage();
    await page.goto(portal.url(`/dashboard/v2/customers/${tenant}/subscriptions`));
    return { ext, portal, page };
  };
  try {
    const first = await open();
    await first.page.getByRole('button', { name: 'Migrate Kaizala Pro' }).click();
    await first.page.getByRole('dialog').getByRole('button', { name: /^Buy 25 × / }).click();
    // The order is placed; the browser goes away before the subscription is provisioned.
    await expect.poll(() => sim.log.filter((e) => e.method === 'POST' && e.path.endsWith('/orders')).length, {
      timeout: 60_000,
    }).toBe(1);
    await first.ext.context.close();

    const second = await open();
    const panel = second.page.getByRole('dialog');
    // The interrupted migration comes back by itself and is settled from the API.
    await expect(panel.getByText(/^Bought: order /)).toBeVisible({ timeout: 60_000 });
    await expect(panel.getByRole('button', { name: /^Buy / })).toHaveCount(0);
    expect(sim.log.filter((e) => e.method === 'POST' && e.path.endsWith('/orders'))).toHaveLength(1);
    const subs = await apiAll<Sub>(second.portal, `/customers/${tenant}/subscriptions`);
    expect(subs.filter((s) => s.offerName === 'Office 365 Business Essentials')).toHaveLength(1);
    await second.ext.close();
  } finally {
    rmSync(profileDir, { recursive: true, force: true });
  }
});

test('a tab closed in the middle of step B: another tab on the customer picks up the step and finishes it', async ({
  ext,
  openPortal,
}) => {
  test.setTimeout(180_000);
  const { portal, page } = await openPortal({ scenario: 'small-business-kaizala', provisioningDelayMs: 500 });
  // The users are selected and Manage licenses is open: the agent closes the tab right there.
  const { tenant } = await interruptibleStepB(page, portal);
  await page.close();

  // Nobody is left without a license: every user holds the old product or the new one.
  const skus = await apiAll<Sku>(portal, `/customers/${tenant}/subscribedskus`);
  const consumed = (name: string) => skus.find((s) => s.productSku.name === name)?.consumedUnits ?? 0;
  expect(consumed('Microsoft Kaizala Pro') + consumed('Microsoft 365 Business Basic')).toBe(25);

  // A new tab on the customer: the panel comes back by itself, and the closed tab's claim on the
  // migration is gone, so this tab may run the step at once.
  const again = await ext.context.newPage();
  await again.goto(portal.url(`/dashboard/v2/customers/${tenant}/subscriptions`));
  const resumed = again.getByRole('dialog');
  await expect(resumed.getByText(/^Bought: order /)).toBeVisible({ timeout: 30_000 });
  const move = resumed.getByRole('button', { name: /^Move 25 users / });
  await expect(move).toBeEnabled();
  await move.click();
  await expect(resumed.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '25', { timeout: 120_000 });
  await resumed.getByRole('button', { name: /^Suspend Kaizala Pro/ }).click();
  await expect(resumed.getByText('Migration complete.')).toBeVisible({ timeout: 60_000 });
  const after = await apiAll<Sku>(portal, `/customers/${tenant}/subscribedskus`);
  expect(after.find((s) => s.productSku.name === 'Microsoft 365 Business Basic')?.consumedUnits).toBe(25);
  expect(portal.sim.log.filter((e) => e.method === 'POST' && e.path.endsWith('/orders'))).toHaveLength(1);
});

test('closing the panel stops a running step; opened again, one click finishes it with nothing done twice', async ({
  openPortal,
}) => {
  test.setTimeout(180_000);
  const { portal, page } = await openPortal({ scenario: 'small-business-kaizala', provisioningDelayMs: 500 });
  const { panel, tenant } = await buySmallBusiness(page, portal);
  // Users' licenses answer slowly, so Manage licenses (which reads them before it can save) cannot
  // save before the agent's Close lands, however busy the machine.
  portal.sim.setFaults({ latency: [{ ms: 2000, match: { path: '/customers/*/users/*/licenses' } }] });
  await panel.getByRole('button', { name: /^Move 25 users / }).click();
  // The first page's users are ticked on Users and licenses: the agent closes the panel there.
  await expect(panel.getByRole('status').filter({ hasText: /^Selecting the users on Users and licenses: / })).toBeVisible({
    timeout: 60_000,
  });
  await panel.getByRole('button', { name: 'Close' }).click();
  await expect(panel).toBeHidden();
  // Nothing goes on out of sight: no license changes, and the portal stays where it was.
  const url = page.url();
  await page.waitForTimeout(3000);
  expect(portal.sim.log.filter((e) => e.method === 'POST' && e.path.endsWith('/licenseupdates'))).toHaveLength(0);
  expect(page.url()).toBe(url);
  portal.sim.setFaults(undefined);

  // Back on the subscriptions page the interrupted migration comes back; one click finishes step B.
  await page.goto(portal.url(`/dashboard/v2/customers/${tenant}/subscriptions`));
  const again = page.getByRole('dialog');
  const move = again.getByRole('button', { name: /^Move 25 users / });
  await expect(move).toBeEnabled({ timeout: 30_000 });
  await move.click();
  await expect(again.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '25', { timeout: 120_000 });
  const updates = portal.sim.log.filter((e) => e.method === 'POST' && e.path.endsWith('/licenseupdates'));
  expect(updates).toHaveLength(25);
});

test('out of seats: the users who could not move are listed with the reason and a retry moves them', async ({
  openPortal,
}) => {
  test.setTimeout(180_000);
  const { portal, page } = await openPortal({ scenario: 'small-business-kaizala', provisioningDelayMs: 500 });
  const { panel, tenant } = await buySmallBusiness(page, portal);

  // Someone lowers the new subscription to 20 seats in the meantime: five users will not fit.
  const fresh = (await apiAll<Sub>(portal, `/customers/${tenant}/subscriptions`)).find(
    (s) => s.offerName === 'Office 365 Business Essentials',
  ) as Sub;
  const patch = async (quantity: number) => {
    const full = await apiGet<Record<string, unknown> & { attributes: { etag: string } }>(
      portal,
      `/customers/${tenant}/subscriptions/${fresh.id}`,
    );
    await portal.sim.handle({
      method: 'PATCH',
      url: `https://api.partnercenter.microsoft.com/v1/customers/${tenant}/subscriptions/${fresh.id}`,
      headers: {
        authorization: `Bearer ${portal.sim.token}`,
        'content-type': 'application/json',
        'if-match': full.attributes.etag,
      },
      body: JSON.stringify({ ...full, quantity }),
    });
  };
  await patch(20);
  // The agent was away in another tab (where the quantity changed) and comes back to this one: the
  // browser tells the page it is visible again (headless Chromium does not switch tabs' visibility).
  await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
  // The panel notices before the click and says so; the agent may still move the twenty who fit.
  await expect(panel.getByText(/is 5 free licenses short of the users who must move/)).toBeVisible({ timeout: 30_000 });
  await panel.getByRole('button', { name: /^Move 25 users / }).click();
  await expect(panel.getByText('5 users could not be moved:')).toBeVisible({ timeout: 120_000 });
  await expect(panel.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '20');
  // The portal's own words, whatever they are: here, that no license of the new product is free.
  await expect(panel.locator('.failed-users li').first()).toContainText('No licenses of Microsoft 365 Business Basic');
  // Nobody was left without a license: the five still hold Kaizala Pro.
  const skus = await apiAll<{ productSku: { name: string }; consumedUnits: number }>(
    portal,
    `/customers/${tenant}/subscribedskus`,
  );
  expect(skus.find((s) => s.productSku.name === 'Microsoft Kaizala Pro')?.consumedUnits).toBe(5);

  await patch(25);
  // The step's own button runs it again (there is no Retry beside it).
  await panel.getByRole('button', { name: /^Move \d+ users from / }).click();
  await expect(panel.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '25', { timeout: 120_000 });
  await expect(panel.getByRole('button', { name: /^Suspend Kaizala Pro/ })).toBeVisible();
});

test('a control that never appears: the panel says which and where, buys nothing, and offers the guide', async ({
  openPortal,
}) => {
  test.setTimeout(120_000);
  const { portal, page } = await openPortal({
    scenario: 'small-business-kaizala',
    labelOverrides: { 'Add to cart': 'Put in basket' },
  });
  const tenant = portal.sim.customerOf('small-business-kaizala')?.customer.id as string;
  await page.goto(portal.url(`/dashboard/v2/customers/${tenant}/subscriptions`));
  await page.getByRole('button', { name: 'Migrate Kaizala Pro' }).click();
  const panel = page.getByRole('dialog');
  await panel.getByRole('button', { name: /^Buy 25 × / }).click();
  const alert = panel.getByRole('alert');
  await expect(alert).toContainText('could not find "Add to cart" on the Add subscription page', { timeout: 60_000 });
  // One way to run it again: the step's own button, not a Retry beside it.
  await expect(alert.getByRole('button', { name: 'Retry' })).toHaveCount(0);
  await expect(panel.getByRole('button', { name: /^Buy 25 × / })).toBeEnabled();
  await expect(alert.getByRole('button', { name: 'I did this myself' })).toBeVisible();
  await alert.getByText('Do it by hand').click();
  await expect(alert.getByRole('listitem').first()).toContainText('Customers');
  expect(portal.sim.log.filter((e) => e.method === 'POST' && e.path.endsWith('/orders'))).toHaveLength(0);
  // "I did this myself" is checked against Partner Center: nothing was bought, so it is not accepted.
  await alert.getByRole('button', { name: 'I did this myself' }).click();
  await expect(panel.getByRole('alert')).toContainText('does not show this step as done', { timeout: 30_000 });
});

test('an extension update in the middle of step B: after the page reloads, the step resumes where it stopped', async ({
  ext,
  openPortal,
}) => {
  test.setTimeout(180_000);
  const { portal, page } = await openPortal({ scenario: 'small-business-kaizala', provisioningDelayMs: 500 });
  await interruptibleStepB(page, portal);
  // The extension is updated (reloaded) under the running step; its new service worker starts.
  const restarted = ext.context.waitForEvent('serviceworker');
  await ext.background
    .evaluate(() => (globalThis as unknown as { chrome: { runtime: { reload(): void } } }).chrome.runtime.reload())
    .catch(() => undefined);
  await restarted;
  await page.reload();
  const resumed = page.getByRole('dialog');
  await expect(resumed.getByText(/^Bought: order /)).toBeVisible({ timeout: 30_000 });
  await resumed.getByRole('button', { name: /^Move 25 users / }).click();
  await expect(resumed.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '25', { timeout: 120_000 });
  await resumed.getByRole('button', { name: /^Suspend Kaizala Pro/ }).click();
  await expect(resumed.getByText('Migration complete.')).toBeVisible({ timeout: 60_000 });
  expect(portal.sim.log.filter((e) => e.method === 'POST' && e.path.endsWith('/orders'))).toHaveLength(1);
});
