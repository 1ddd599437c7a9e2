// The seed guide's manual A-B-C flow, clicked through as a person would (roles and labels only), on
// small-business-kaizala: A. buy the replacement, B. move the licenses, C. suspend Kaizala Pro. The
// simulator's API then confirms each step happened. The same key steps run on the Korean portal.
import { apiAll, apiGet, expect, test } from './harness';

const BUSINESS_ESSENTIALS_OFFER = 'BD938F12-058F-4927-BBA3-AE36B1D2501C';
const BUSINESS_BASIC_SKU = '3b555118-da6a-4418-894f-7df1e2096870';
// The simulator's invented id (Kaizala Pro standalone has no published SKU id).
const KAIZALA_PRO_SKU = 'c93fe0ce-7375-4b8d-a55e-bf562ae7154f';

interface Sub {
  id: string;
  offerName: string;
  status: string;
  autoRenewEnabled: boolean;
}
interface Lic {
  productSku: { id: string; name: string };
}

function deprovisionDate(locale: string, from: Date): string {
  return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(
    new Date(from.getTime() + 120 * 86_400_000),
  );
}

test('the whole manual A-B-C flow of the guide, by labels and roles only', async ({ open }) => {
  test.setTimeout(60_000);
  const { page, portal } = await open({ scenario: 'small-business-kaizala', provisioningDelayMs: 300 });

  // A. Purchase the new subscription: Customers → the customer → Subscriptions → Add subscription.
  await page.goto(portal.url('/'));
  await page.getByRole('navigation', { name: 'Partner Center' }).getByRole('link', { name: 'Customers' }).click();
  await page.getByRole('link', { name: 'Alpine Ski House' }).click();
  await page.getByRole('navigation', { name: 'Customer menu' }).getByRole('link', { name: 'Subscriptions' }).click();
  await page.getByRole('button', { name: 'Add subscription' }).click();
  await expect(page.getByRole('tab', { name: 'Online Services' })).toHaveAttribute('aria-selected', 'true');
  await page.getByRole('searchbox', { name: 'Search' }).fill('Business Essentials');
  const offer = page.getByRole('row').filter({
    has: page.getByRole('checkbox', { name: 'Office 365 Business Essentials', exact: true }),
  });
  await offer.getByRole('checkbox').check();
  await offer.getByLabel('Quantity').fill('25');
  await page.getByRole('button', { name: 'Add to cart' }).click();
  const cartLine = page
    .getByRole('table', { name: 'Cart' })
    .getByRole('row', { name: /Office 365 Business Essentials/ });
  await expect(cartLine.getByLabel('Quantity')).toHaveValue('25');
  await page.getByRole('button', { name: 'Review' }).click();
  await expect(page.getByRole('table', { name: 'Review' })).toContainText('25');
  await page.getByRole('button', { name: 'Submit' }).click();
  const confirmation = page.getByRole('status').filter({ hasText: 'Order ID' });
  await expect(confirmation).toContainText(/Order ID: \S+/);
  const orderId = ((await confirmation.textContent()) ?? '').replace(/^.*Order ID:\s*/, '').trim();
  await expect(page.getByText('Provisioned')).toBeVisible();

  // B. Reassign the licenses: Users and licenses → select every user → Manage licenses.
  await page
    .getByRole('navigation', { name: 'Customer menu' })
    .getByRole('link', { name: 'Users and licenses' })
    .click();
  const users = page.getByRole('grid', { name: 'Users and licenses' });
  const selectPage = page.getByRole('checkbox', { name: 'Select all users on this page' });
  const pager = page.getByRole('navigation', { name: 'Pagination' });
  await expect(selectPage).toBeEnabled();
  // The header checkbox selects the page; move on while there is a next page.
  for (;;) {
    await selectPage.check();
    const next = pager.getByRole('button', { name: 'Next' });
    if (await next.isDisabled()) break;
    const firstName = await users.getByRole('row').nth(1).textContent();
    await next.click();
    await expect(users.getByRole('row').nth(1)).not.toHaveText(firstName ?? '');
  }
  const selected = page.getByRole('region', { name: 'Selected users' });
  await expect(selected).toContainText('25 selected');
  await selected.getByRole('button', { name: 'Manage licenses' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Manage licenses' })).toBeVisible();
  const kaizala = page.getByRole('checkbox', { name: 'Microsoft Kaizala Pro', exact: true });
  const basic = page.getByRole('checkbox', { name: 'Microsoft 365 Business Basic', exact: true });
  await expect(kaizala).toHaveAttribute('aria-checked', 'true');
  await expect(basic).toHaveAttribute('aria-checked', 'false');
  await kaizala.uncheck();
  await basic.check();
  const logBefore = portal.sim.log.length;
  const saveRequest = page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith('/users/licenseupdates'));
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { name: 'Licenses updated' })).toBeVisible();
  const outcome = page.getByRole('status').filter({ has: page.getByRole('listitem') });
  await expect(outcome.getByRole('listitem')).toHaveCount(25);
  await expect(outcome.getByRole('listitem').filter({ hasText: ': Updated' })).toHaveCount(25);
  // The page now shows the moved seats.
  await expect(basic).toHaveAttribute('aria-checked', 'true');
  await expect(kaizala).toHaveAttribute('aria-checked', 'false');
  // Save is one request to the portal's backend, which makes one licenseupdates call per user with
  // the removal and the assignment together (a swap is one save).
  const save = await saveRequest;
  expect(new URL(save.url()).origin).toBe('https://partner.microsoft.com');
  const sent = JSON.parse(save.postData() ?? '{}') as {
    updates: Array<{ userId: string; licensesToAssign: Array<{ skuId: string }>; licensesToRemove: string[] }>;
  };
  expect(sent.updates).toHaveLength(25);
  expect(new Set(sent.updates.map((u) => u.userId)).size).toBe(25);
  for (const update of sent.updates) {
    expect(update.licensesToAssign.map((a) => a.skuId.toLowerCase())).toEqual([BUSINESS_BASIC_SKU]);
    expect(update.licensesToRemove.map((id) => id.toLowerCase())).toEqual([KAIZALA_PRO_SKU]);
  }
  const updates = portal.sim.log
    .slice(logBefore)
    .filter((e) => e.method === 'POST' && e.path.endsWith('/licenseupdates'));
  expect(updates.map((e) => e.path.split('/')[4])).toEqual(sent.updates.map((u) => u.userId));
  expect(updates.every((e) => e.status === 201)).toBe(true);
  // The browser itself no longer calls the API per user.
  expect(portal.apiRequests.filter((r) => r.url.endsWith('/licenseupdates'))).toHaveLength(0);

  // C. Cancel the old subscription: Subscriptions → Kaizala Pro → Suspended → Submit.
  await page.getByRole('navigation', { name: 'Customer menu' }).getByRole('link', { name: 'Subscriptions' }).click();
  const subscriptions = page.getByRole('grid', { name: 'Subscriptions' });
  await expect(subscriptions.getByRole('link', { name: 'Office 365 Business Essentials' })).toBeVisible();
  await subscriptions.getByRole('link', { name: 'Kaizala Pro', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Kaizala Pro' })).toBeVisible();
  const status = page.getByRole('group', { name: 'Status' });
  await status.getByRole('radio', { name: 'Suspended' }).check();
  await page.getByRole('button', { name: 'Submit' }).click();
  await expect(page.getByRole('status')).toHaveText('Subscription updated');
  await expect(status.getByRole('radio', { name: 'Suspended' })).toBeChecked();
  await expect(page.getByRole('definition').filter({ hasText: /^Suspended$/ })).toBeVisible();
  // Submit read the subscription afresh, then wrote it back whole under its etag.
  const writes = portal.apiRequests.filter((r) => /\/subscriptions\/[^/?]+$/.test(r.url)).slice(-2);
  expect(writes.map((r) => r.method)).toEqual(['GET', 'PATCH']);
  expect(writes[1]?.headers['if-match']).toBeTruthy();
  expect(JSON.parse(writes[1]?.body ?? '{}')).toMatchObject({ status: 'suspended', autoRenewEnabled: false, quantity: 25 });
  // Under Suspended: the day the simulator will de-provision it, 120 days from its clock's today.
  await expect(
    page.getByText(`This subscription will be de-provisioned on ${deprovisionDate('en-US', portal.sim.now())}`, {
      exact: true,
    }),
  ).toBeVisible();

  // The simulator agrees with the page.
  const [customer] = await apiAll<{ id: string }>(portal, '/customers?size=300');
  const tenant = customer?.id ?? '';
  const order = await apiGet<{
    id: string;
    lineItems: Array<{ offerId: string; quantity: number; subscriptionId?: string }>;
  }>(portal, `/customers/${tenant}/orders/${orderId}`);
  expect(order.lineItems).toEqual([
    expect.objectContaining({ offerId: BUSINESS_ESSENTIALS_OFFER, quantity: 25, subscriptionId: expect.any(String) }),
  ]);
  for (const user of await apiAll<{ id: string }>(portal, `/customers/${tenant}/users?size=300`)) {
    const held = (await apiAll<Lic>(portal, `/customers/${tenant}/users/${user.id}/licenses`)).map((l) =>
      l.productSku.id.toLowerCase(),
    );
    expect(held).toContain(BUSINESS_BASIC_SKU);
    expect(held).not.toContain(KAIZALA_PRO_SKU);
  }
  const subs = await apiAll<Sub>(portal, `/customers/${tenant}/subscriptions`);
  const old = subs.filter((s) => s.offerName === 'Kaizala Pro' && s.status !== 'expired');
  // The retiring subscription is suspended; the long-expired trial of the same offer is untouched.
  expect(old).toEqual([expect.objectContaining({ status: 'suspended', autoRenewEnabled: false })]);
});

test('the key steps of the flow on the Korean portal', async ({ open }) => {
  test.setTimeout(60_000);
  const { page, portal } = await open({ scenario: 'korean-customer', provisioningDelayMs: 300 });
  await page.goto(portal.url('/ko-kr/dashboard/v2/customers/list'));
  await expect(page.locator('html')).toHaveAttribute('lang', 'ko-KR');
  await page.getByRole('navigation', { name: '파트너 센터' }).getByRole('link', { name: '고객' }).click();
  await page.getByRole('link', { name: '한결테크 주식회사' }).click();
  const menu = page.getByRole('navigation', { name: '고객 메뉴' });
  await menu.getByRole('link', { name: '구독', exact: true }).click();
  await page.getByRole('button', { name: '구독 추가' }).click();
  await page.getByRole('searchbox', { name: '검색' }).fill('Business Essentials');
  const offer = page.getByRole('row').filter({
    has: page.getByRole('checkbox', { name: 'Office 365 Business Essentials', exact: true }),
  });
  await offer.getByRole('checkbox').check();
  await offer.getByLabel('수량').fill('12');
  await page.getByRole('button', { name: '카트에 추가' }).click();
  await page.getByRole('button', { name: '검토' }).click();
  await page.getByRole('button', { name: '제출' }).click();
  await expect(page.getByRole('status').filter({ hasText: '주문 ID' })).toContainText(/주문 ID: \S+/);

  await menu.getByRole('link', { name: '사용자 및 라이선스' }).click();
  const selectPage = page.getByRole('checkbox', { name: '이 페이지의 모든 사용자 선택' });
  await expect(selectPage).toBeEnabled();
  await selectPage.check();
  const selected = page.getByRole('region', { name: '선택한 사용자' });
  await expect(selected).toContainText('12명 선택됨');
  await selected.getByRole('button', { name: '라이선스 관리' }).click();
  await expect(page.getByRole('columnheader', { name: '사용할 수 있는 라이선스' })).toBeVisible();
  // Every Kaizala seat is taken, so its row offers Buy more.
  await expect(
    page
      .getByRole('row')
      .filter({ has: page.getByRole('checkbox', { name: 'Microsoft Kaizala Pro' }) })
      .getByRole('link', { name: '추가 구매' }),
  ).toBeVisible();
  await page.getByRole('checkbox', { name: 'Microsoft Kaizala Pro', exact: true }).uncheck();
  await page.getByRole('checkbox', { name: 'Microsoft 365 Business Basic', exact: true }).check();
  await page.getByRole('button', { name: '저장' }).click();
  await expect(page.getByRole('heading', { name: '라이선스가 업데이트됨' })).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: ': 업데이트됨' })).toHaveCount(12);

  await menu.getByRole('link', { name: '구독', exact: true }).click();
  await page.getByRole('grid', { name: '구독' }).getByRole('link', { name: 'Kaizala Pro', exact: true }).click();
  const status = page.getByRole('group', { name: '상태' });
  await expect(status.getByRole('radio', { name: '활성' })).toBeChecked();
  await status.getByRole('radio', { name: '일시 중단됨' }).check();
  await page.getByRole('button', { name: '제출' }).click();
  await expect(page.getByRole('status')).toHaveText('구독이 업데이트됨');
  await expect(page.getByText(/^이 구독은 \d{4}년 \d{1,2}월 \d{1,2}일에 프로비전 해제됩니다$/)).toHaveText(
    `이 구독은 ${deprovisionDate('ko-KR', portal.sim.now())}에 프로비전 해제됩니다`,
  );

  const [customer] = await apiAll<{ id: string }>(portal, '/customers?size=300');
  const subs = await apiAll<Sub>(portal, `/customers/${customer?.id}/subscriptions`);
  expect(subs.find((s) => s.offerName === 'Kaizala Pro')).toMatchObject({
    status: 'suspended',
    autoRenewEnabled: false,
  });
});
