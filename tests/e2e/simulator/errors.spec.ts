// The portal shows the API's refusals plainly, in the API's own words and nothing more (the contract
// promises no error code or HTTP status in the page's texts): quantity limits, one-per-customer
// offers, changing a suspended subscription, a Sales agent's license save, running out of licenses,
// and a throttled read.
import type { Locator } from '@playwright/test';
import { apiAll, apiSend, expect, test } from './harness';
import type { OpenPortal } from './harness';

/** The texts (already shown) say neither the API's error code nor the HTTP status. */
async function expectNoCode(texts: Locator, ...codes: string[]): Promise<void> {
  const shown = (await texts.allTextContents()).join('\n');
  for (const code of ['HTTP', ...codes]) expect(shown).not.toContain(code);
}

const BUSINESS_ESSENTIALS_OFFER = 'BD938F12-058F-4927-BBA3-AE36B1D2501C';

async function tenant(open: OpenPortal): Promise<string> {
  const [customer] = await apiAll<{ id: string }>(open.portal, '/customers?size=300');
  return customer?.id ?? '';
}

async function buy(o: OpenPortal, tenantId: string, search: string, offerName: string, quantity: string) {
  await o.page.goto(o.portal.url(`/dashboard/v2/customers/${tenantId}/subscriptions/add`));
  await o.page.getByRole('searchbox', { name: 'Search' }).fill(search);
  const row = o.page.getByRole('row').filter({ has: o.page.getByRole('checkbox', { name: offerName, exact: true }) });
  await row.getByRole('checkbox').check();
  await row.getByLabel('Quantity').fill(quantity);
  await o.page.getByRole('button', { name: 'Add to cart' }).click();
  await o.page.getByRole('button', { name: 'Review' }).click();
  await o.page.getByRole('button', { name: 'Submit' }).click();
}

test('an order outside the quantity range shows the refusal, and a fixed quantity then goes through', async ({
  open,
}) => {
  const o = await open({ scenario: 'small-business-kaizala', skeletonDelayMs: 0 });
  await buy(o, await tenant(o), 'Business Essentials', 'Office 365 Business Essentials', '301');
  await expect(o.page.getByRole('alert')).toContainText('is outside the allowed range for Office 365 Business');
  await expectNoCode(o.page.getByRole('alert'), '2002', '400');
  await o.page.getByRole('button', { name: 'Back' }).click();
  await o.page.getByRole('table', { name: 'Cart' }).getByLabel('Quantity').fill('25');
  await o.page.getByRole('button', { name: 'Review' }).click();
  await o.page.getByRole('button', { name: 'Submit' }).click();
  await expect(o.page.getByRole('status').filter({ hasText: 'Order ID' })).toBeVisible();
});

test('a one-per-customer offer the customer already used shows the refusal', async ({ open }) => {
  const o = await open({ scenario: 'enterprise-kaizala-1200', skeletonDelayMs: 0 });
  await buy(o, await tenant(o), 'E3 Trial', 'Office 365 Enterprise E3 Trial', '25');
  await expect(o.page.getByRole('alert')).toContainText(/^Office 365 Enterprise E3 Trial allows one subscription/);
  await expectNoCode(o.page.getByRole('alert'), '2003', '400');
});

test('changing a suspended subscription is refused; reactivating it works', async ({ open }) => {
  const o = await open({ scenario: 'small-business-kaizala', skeletonDelayMs: 0 });
  const tenantId = await tenant(o);
  const subs = await apiAll<{ id: string; offerName: string; status: string }>(
    o.portal,
    `/customers/${tenantId}/subscriptions`,
  );
  const kaizala = subs.find((s) => s.offerName === 'Kaizala Pro' && s.status === 'active');
  await o.page.goto(o.portal.url(`/commerce/customers/${tenantId}/subscriptions/${kaizala?.id}`));
  const status = o.page.getByRole('group', { name: 'Status' });
  await status.getByRole('radio', { name: 'Suspended' }).check();
  await o.page.getByRole('button', { name: 'Submit' }).click();
  await expect(o.page.getByRole('status')).toHaveText('Subscription updated');

  await o.page.getByLabel('Quantity').fill('30');
  await o.page.getByRole('button', { name: 'Submit' }).click();
  await expect(o.page.getByRole('alert')).toContainText('is suspended; only reactivation (status active) is allowed.');
  await expectNoCode(o.page.getByRole('alert'), '800091', '400');

  // Reload: the page shows the subscription as the API has it, and the date it was suspended.
  await o.page.reload();
  await expect(status.getByRole('radio', { name: 'Suspended' })).toBeChecked();
  await expect(o.page.getByText(/^This subscription will be de-provisioned on /)).toBeVisible();
  await expect(o.page.getByLabel('Quantity')).toHaveValue('25');
  await status.getByRole('radio', { name: 'Active' }).check();
  await expect(o.page.getByText(/de-provisioned/)).toBeHidden();
  await o.page.getByRole('button', { name: 'Submit' }).click();
  await expect(o.page.getByRole('status')).toHaveText('Subscription updated');
  await expect(status.getByRole('radio', { name: 'Active' })).toBeChecked();
});

test('a Sales agent saving licenses gets a per-user refusal, and nothing changes', async ({ open }) => {
  const o = await open({ scenario: 'small-business-kaizala', role: 'sales-agent', skeletonDelayMs: 0 });
  const tenantId = await tenant(o);
  const users = await apiAll<{ id: string }>(o.portal, `/customers/${tenantId}/users?size=300`);
  const two = users.slice(0, 2).map((u) => u.id);
  await o.page.goto(o.portal.url(`/dashboard/v2/customers/${tenantId}/users/licenses?users=${two.join(',')}`));
  await o.page.getByRole('checkbox', { name: 'Microsoft Kaizala Pro' }).uncheck();
  await o.page.getByRole('button', { name: 'Save' }).click();
  await expect(o.page.getByRole('heading', { name: 'Licenses updated' })).toBeVisible();
  const items = o.page.getByRole('status').getByRole('listitem');
  await expect(items).toHaveCount(2);
  await expect(items.filter({ hasText: /: Failed: The signed-in partner user is not permitted/ })).toHaveCount(2);
  await expectNoCode(items, '900309', '403');
  await expect(o.page.getByRole('checkbox', { name: 'Microsoft Kaizala Pro' })).toHaveAttribute('aria-checked', 'true');
});

test('too few free licenses: some users succeed, the rest say so; the mixed box reflects it', async ({
  open,
}) => {
  const o = await open({ scenario: 'small-business-kaizala', skeletonDelayMs: 0, provisioningDelayMs: 0 });
  const tenantId = await tenant(o);
  await apiSend(o.portal, 'POST', `/customers/${tenantId}/orders`, {
    referenceCustomerId: tenantId,
    lineItems: [{ lineItemNumber: 0, offerId: BUSINESS_ESSENTIALS_OFFER, quantity: 3 }],
  });
  const users = await apiAll<{ id: string }>(o.portal, `/customers/${tenantId}/users?size=300`);
  const five = users.slice(0, 5).map((u) => u.id);
  await o.page.goto(o.portal.url(`/dashboard/v2/customers/${tenantId}/users/licenses?users=${five.join(',')}`));
  const basic = o.page.getByRole('checkbox', { name: 'Microsoft 365 Business Basic' });
  const row = o.page.getByRole('row').filter({ has: basic });
  await expect(row.getByRole('gridcell').nth(1)).toHaveText('3');
  await basic.check();
  await o.page.getByRole('button', { name: 'Save' }).click();
  const items = o.page.getByRole('status').getByRole('listitem');
  await expect(items).toHaveCount(5);
  await expect(items.filter({ hasText: ': Updated' })).toHaveCount(3);
  await expect(items.filter({ hasText: /: Failed: No licenses of Microsoft 365 Business Basic .* are available/ }))
    .toHaveCount(2);
  await expectNoCode(items, '60012');
  // Three of five now hold it: the box is mixed, no seat is free, and Buy more is offered.
  await expect(basic).toHaveAttribute('aria-checked', 'mixed');
  await expect(row.getByRole('gridcell').nth(1)).toHaveText('0');
  await expect(row.getByRole('link', { name: 'Buy more' })).toBeVisible();
});

test('a throttled read says so plainly, and Try again loads the page', async ({ open }) => {
  const o = await open({
    scenario: 'small-business-kaizala',
    skeletonDelayMs: 0,
    faults: { throttle: [{ match: { method: 'GET', path: '/customers/*/subscriptions' }, count: 1, retryAfterSeconds: 2 }] },
  });
  await o.page.goto(o.portal.url(`/dashboard/v2/customers/${await tenant(o)}/subscriptions`));
  await expect(o.page.getByRole('alert')).toHaveText('Rate limit is exceeded. Try again in 2 seconds.');
  await o.page.getByRole('button', { name: 'Try again' }).click();
  await expect(o.page.getByRole('grid', { name: 'Subscriptions' }).getByRole('link', { name: 'Kaizala Pro' })).toBeVisible();
  await expect(o.page.getByRole('alert')).toHaveCount(0);
});
