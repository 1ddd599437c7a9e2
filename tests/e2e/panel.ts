import type { Page } from '@playwright/test';
import type { InstalledPortal } from '../portal/serve';
import { expect } from './fixtures';

/** What the tests read back from the simulated API. */
export interface Sub {
  id: string;
  offerName: string;
  status: string;
  quantity: number;
}
export interface Sku {
  productSku: { name: string };
  consumedUnits: number;
}

/** Opens a scenario's subscriptions page and its Migrate panel, as an agent would. */
export async function openPanel(page: Page, portal: InstalledPortal, scenario: string, locale = '') {
  const tenant = portal.sim.customerOf(scenario)?.customer.id;
  await page.goto(portal.url(`${locale}/dashboard/v2/customers/${tenant}/subscriptions`));
  await page.getByRole('button', { name: /^Migrate |마이그레이션$/ }).first().click();
  const panel = page.getByRole('dialog');
  await expect(panel).toBeVisible();
  // The panel's frame shows at once and says it is reading; the agent acts once it is ready.
  await expect(panel).not.toHaveAttribute('aria-busy', 'true', { timeout: 30_000 });
  return { panel, tenant: tenant as string };
}

/** The small business's step A, bought by its one click. */
export async function buySmallBusiness(page: Page, portal: InstalledPortal) {
  const opened = await openPanel(page, portal, 'small-business-kaizala');
  await opened.panel.getByRole('button', { name: /^Buy 25 × / }).click();
  await expect(opened.panel.getByText(/^Bought: order /)).toBeVisible({ timeout: 60_000 });
  return opened;
}

/** Step A done, step B clicked and under way: the users are selected and Manage licenses is open. */
export async function interruptibleStepB(page: Page, portal: InstalledPortal) {
  const opened = await buySmallBusiness(page, portal);
  await opened.panel.getByRole('button', { name: /^Move 25 users / }).click();
  await page.waitForURL(/\/users\/licenses\?users=/, { timeout: 60_000 });
  return opened;
}
