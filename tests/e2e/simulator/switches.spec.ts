// The portal's fault switches, each driven by roles and labels as the extension would meet it: an
// offer gone from the catalog, a slow save, a save never confirmed, a cart line nobody added, and
// users Manage licenses selects on its own. The simulator's API confirms what really happened.
import type { Page } from '@playwright/test';
import { apiAll, expect, type OpenPortal, test } from './harness';

const BUSINESS_ESSENTIALS_OFFER = 'BD938F12-058F-4927-BBA3-AE36B1D2501C';
const EXCHANGE_PLAN_1_OFFER = '195416C1-3447-423A-B37B-EE59A99A19C4';
// The simulator's invented id (Kaizala Pro standalone has no published SKU id).
const KAIZALA_PRO_SKU = 'c93fe0ce-7375-4b8d-a55e-bf562ae7154f';

interface User {
  id: string;
  displayName: string;
}

async function customer(o: OpenPortal): Promise<{ tenant: string; users: User[] }> {
  const [first] = await apiAll<{ id: string }>(o.portal, '/customers?size=300');
  const tenant = first?.id ?? '';
  return { tenant, users: await apiAll<User>(o.portal, `/customers/${tenant}/users?size=300`) };
}

/** How many of these users still hold Kaizala Pro, as the API says. */
async function kaizalaHolders(o: OpenPortal, tenant: string, users: User[]): Promise<number> {
  let count = 0;
  for (const user of users) {
    const licenses = await apiAll<{ productSku: { id: string } }>(
      o.portal,
      `/customers/${tenant}/users/${user.id}/licenses`,
    );
    if (licenses.some((l) => l.productSku.id === KAIZALA_PRO_SKU)) count += 1;
  }
  return count;
}

/** Opens Manage licenses for the users, clears Kaizala Pro and clicks Save. */
async function removeKaizala(page: Page, o: OpenPortal, tenant: string, users: User[]): Promise<void> {
  const ids = users.map((u) => u.id).join(',');
  await page.goto(o.portal.url(`/dashboard/v2/customers/${tenant}/users/licenses?users=${ids}`));
  await page.getByRole('checkbox', { name: 'Microsoft Kaizala Pro', exact: true }).uncheck();
  await page.getByRole('button', { name: 'Save' }).click();
}

test('hiddenOffers: the offer leaves the API list and the catalog; others stay', async ({ open }) => {
  const o = await open({ scenario: 'small-business-kaizala', hiddenOffers: [BUSINESS_ESSENTIALS_OFFER.toLowerCase()] });
  const { tenant } = await customer(o);
  const offers = await apiAll<{ id: string }>(o.portal, '/offers?country=US');
  expect(offers.map((x) => x.id)).not.toContain(BUSINESS_ESSENTIALS_OFFER);
  await o.page.goto(o.portal.url(`/dashboard/v2/customers/${tenant}/subscriptions/add`));
  await o.page.getByRole('searchbox', { name: 'Search' }).fill('Office 365 Business');
  await expect(o.page.getByRole('checkbox', { name: 'Office 365 Business Premium', exact: true })).toBeVisible();
  await expect(o.page.getByRole('checkbox', { name: 'Office 365 Business Essentials', exact: true })).toHaveCount(0);
});

test('saveDelayMs: Save works visibly for that long and changes nothing until the end', async ({ open }) => {
  const o = await open({ scenario: 'small-business-kaizala', skeletonDelayMs: 0, saveDelayMs: 2500 });
  const { tenant, users } = await customer(o);
  const two = users.slice(0, 2);
  await removeKaizala(o.page, o, tenant, two);
  const busy = o.page.getByRole('progressbar', { name: 'Saving…' });
  await expect(busy).toBeVisible();
  await expect(o.page.getByRole('button', { name: 'Save' })).toBeDisabled();
  await expect(o.page.getByRole('region', { name: 'Licenses' })).toHaveAttribute('aria-busy', 'true');
  expect(await kaizalaHolders(o, tenant, two)).toBe(2);
  await expect(o.page.getByRole('heading', { name: 'Licenses updated' })).toBeVisible();
  await expect(busy).toHaveCount(0);
  await expect(o.page.getByRole('region', { name: 'Licenses' })).not.toHaveAttribute('aria-busy', 'true');
  expect(await kaizalaHolders(o, tenant, two)).toBe(0);
});

test('confirmationLost: the changes are applied but the page stays busy and never confirms', async ({ open }) => {
  const o = await open({ scenario: 'small-business-kaizala', skeletonDelayMs: 0, confirmationLost: true });
  const { tenant, users } = await customer(o);
  const two = users.slice(0, 2);
  await removeKaizala(o.page, o, tenant, two);
  await expect.poll(() => kaizalaHolders(o, tenant, two)).toBe(0);
  await o.page.waitForTimeout(1000);
  await expect(o.page.getByRole('progressbar', { name: 'Saving…' })).toBeVisible();
  await expect(o.page.getByRole('button', { name: 'Save' })).toBeDisabled();
  await expect(o.page.getByRole('heading', { name: 'Licenses updated' })).toHaveCount(0);
});

test('extraCartLine: Add to cart adds a second line, Review shows it, Submit orders both', async ({ open }) => {
  const o = await open({ scenario: 'small-business-kaizala', skeletonDelayMs: 0, extraCartLine: 'Exchange Online (Plan 1)' });
  const { tenant } = await customer(o);
  await o.page.goto(o.portal.url(`/dashboard/v2/customers/${tenant}/subscriptions/add`));
  await o.page.getByRole('searchbox', { name: 'Search' }).fill('Business Essentials');
  const row = o.page.getByRole('row').filter({
    has: o.page.getByRole('checkbox', { name: 'Office 365 Business Essentials', exact: true }),
  });
  await row.getByRole('checkbox').check();
  await row.getByLabel('Quantity').fill('25');
  await o.page.getByRole('button', { name: 'Add to cart' }).click();
  const cart = o.page.getByRole('table', { name: 'Cart' });
  await expect(cart.getByRole('row')).toHaveCount(3);
  await expect(cart.getByRole('row', { name: /Exchange Online \(Plan 1\)/ }).getByLabel('Quantity')).toHaveValue('1');
  await o.page.getByRole('button', { name: 'Review' }).click();
  const review = o.page.getByRole('table', { name: 'Review' });
  await expect(review.getByRole('row')).toHaveCount(3);
  await expect(review.getByRole('row', { name: /Exchange Online \(Plan 1\)/ })).toContainText('1');
  await o.page.getByRole('button', { name: 'Submit' }).click();
  await expect(o.page.getByRole('status').filter({ hasText: 'Order ID' })).toBeVisible();
  const order = o.portal.apiRequests.find((r) => r.method === 'POST' && r.url.endsWith('/orders'));
  const lines = (JSON.parse(order?.body ?? '{}') as { lineItems: Array<{ offerId: string; quantity: number }> })
    .lineItems;
  expect(lines.map((l) => [l.offerId.toUpperCase(), l.quantity])).toEqual([
    [BUSINESS_ESSENTIALS_OFFER, 25],
    [EXCHANGE_PLAN_1_OFFER, 1],
  ]);
  expect(order?.status).toBe(201);
});

test('extraSelectedUsers: Manage licenses lists and saves users of the first page nobody ticked', async ({ open }) => {
  const o = await open({ scenario: 'small-business-kaizala', skeletonDelayMs: 0, extraSelectedUsers: 2 });
  const { tenant, users } = await customer(o);
  const ticked = users[3];
  if (!ticked) throw new Error('scenario changed');
  await o.page.goto(o.portal.url(`/dashboard/v2/customers/${tenant}/users`));
  await o.page.getByRole('checkbox', { name: `Select ${ticked.displayName}` }).check();
  const selected = o.page.getByRole('region', { name: 'Selected users' });
  await expect(selected).toContainText('1 selected');
  await selected.getByRole('button', { name: 'Manage licenses' }).click();
  const listed = o.page.getByRole('region', { name: 'Selected users' }).getByRole('listitem');
  // The ticked user, then the first two of the first page whom nobody ticked.
  const expected = [ticked, users[0], users[1]].map((u) => u?.displayName ?? '');
  await expect(listed).toHaveText(expected);
  await o.page.getByRole('checkbox', { name: 'Microsoft Kaizala Pro', exact: true }).uncheck();
  await o.page.getByRole('button', { name: 'Save' }).click();
  await expect(o.page.getByRole('status').getByRole('listitem').filter({ hasText: ': Updated' })).toHaveCount(3);
  expect(await kaizalaHolders(o, tenant, users)).toBe(users.length - 3);
});
