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
  return { panel, tenant: tenant as string };
}
