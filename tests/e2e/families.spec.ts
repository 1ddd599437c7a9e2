import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

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

async function runAll(page: Page) {
  const panel = page.getByRole('dialog');
  const buy = panel.getByRole('button', { name: /^Buy \d[\d,]* × / });
  await expect(buy.or(panel.getByText(/A\. Buy the new subscription — Not needed/))).toBeVisible({ timeout: 30_000 });
  if (await buy.count()) {
    await buy.click();
    await expect(panel.getByText(/^Bought: order /)).toBeVisible({ timeout: 60_000 });
  }
  const move = panel.getByRole('button', { name: /^Move \d[\d,]* users / });
  await expect(move.or(panel.getByText(/B\. Move the users' licenses — Not needed/))).toBeVisible({ timeout: 30_000 });
  if (await move.count()) {
    await move.click();
    await expect(panel.getByText(/B\. Move the users' licenses — Done/)).toBeVisible({ timeout: 120_000 });
  }
  await panel.getByRole('button', { name: /^Suspend / }).click();
  await expect(panel.getByText('Migration complete.')).toBeVisible({ timeout: 60_000 });
}

for (const scenario of FAMILIES) {
  test(`${scenario}: migrated with one click per step`, async ({ openPortal }) => {
    test.setTimeout(180_000);
    const { portal, page } = await openPortal({ scenario, provisioningDelayMs: 500 });
    const tenant = portal.sim.customerOf(scenario)?.customer.id;
    await page.goto(portal.url(`/dashboard/v2/customers/${tenant}/subscriptions`));
    await page.getByRole('button', { name: /^Migrate / }).first().click();
    await runAll(page);
    const orders = portal.sim.log.filter((e) => e.method === 'POST' && e.path.endsWith('/orders') && e.status < 300);
    expect(orders.length).toBeLessThanOrEqual(1);
  });
}
