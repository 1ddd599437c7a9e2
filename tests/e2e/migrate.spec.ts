import type { Page } from '@playwright/test';
import type { InstalledPortal } from '../portal/serve';
import { expect, test } from './fixtures';
import { apiAll } from './simulator/harness';

interface Sub {
  offerName: string;
  status: string;
}
interface Sku {
  productSku: { name: string };
  consumedUnits: number;
}

async function openPanel(page: Page, portal: InstalledPortal, scenario: string, locale = '') {
  const tenant = portal.sim.customerOf(scenario)?.customer.id;
  await page.goto(portal.url(`${locale}/dashboard/v2/customers/${tenant}/subscriptions`));
  await page.getByRole('button', { name: /^Migrate |마이그레이션$/ }).first().click();
  const panel = page.getByRole('dialog');
  await expect(panel).toBeVisible();
  return { panel, tenant: tenant as string };
}

test('an agent migrates a small business off Kaizala Pro with three clicks', async ({ openPortal }) => {
  test.setTimeout(180_000);
  const { portal, page } = await openPortal({ scenario: 'small-business-kaizala', provisioningDelayMs: 1500 });
  const { panel, tenant } = await openPanel(page, portal, 'small-business-kaizala');

  await panel.getByRole('button', { name: 'Buy 25 × Microsoft 365 Business Basic for Alpine Ski House' }).click();
  await expect(panel.getByText(/^Bought: order /)).toBeVisible({ timeout: 60_000 });

  await panel.getByRole('button', { name: /^Move 25 users from .* to Microsoft 365 Business Basic$/ }).click();
  await expect(panel.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '25', { timeout: 120_000 });

  await panel.getByRole('button', { name: /^Suspend Kaizala Pro/ }).click();
  await expect(panel.getByText(/^Suspended\. Microsoft de-provisions it on /)).toBeVisible({ timeout: 60_000 });
  await expect(panel.getByText('Migration complete.')).toBeVisible();

  // What Partner Center now holds: one new subscription, the old one suspended, every user moved.
  const subs = await apiAll<Sub>(portal, `/customers/${tenant}/subscriptions`);
  expect(subs.filter((s) => s.offerName === 'Office 365 Business Essentials' && s.status === 'active')).toHaveLength(1);
  expect(subs.filter((s) => s.offerName === 'Kaizala Pro' && s.status === 'suspended')).toHaveLength(1);
  const skus = await apiAll<Sku>(portal, `/customers/${tenant}/subscribedskus`);
  const consumed = (name: string) => skus.find((s) => s.productSku.name === name)?.consumedUnits;
  expect(consumed('Microsoft 365 Business Basic')).toBe(25);
  expect(consumed('Microsoft Kaizala Pro') ?? 0).toBe(0);
});
