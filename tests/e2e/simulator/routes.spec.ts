// The simulated portal answers every route of the contract in all three path families, with and
// without a locale prefix, in English or Korean, and navigates like an SPA (pushState / popstate).
import { apiAll, expect, test } from './harness';

interface Customer {
  id: string;
  companyProfile: { companyName: string };
}

async function tenantOf(portal: Parameters<typeof apiAll>[0], companyName: string): Promise<string> {
  const customers = await apiAll<Customer>(portal, '/customers?size=300');
  const found = customers.find((c) => c.companyProfile.companyName === companyName);
  if (!found) throw new Error(`no customer ${companyName}`);
  return found.id;
}

test('each path family and locale prefix shows the subscriptions page, in the language the prefix names', async ({
  open,
}) => {
  const { page, portal } = await open({ scenario: 'small-business-kaizala', skeletonDelayMs: 0 });
  const tenant = await tenantOf(portal, 'Alpine Ski House');
  const cases = [
    {
      path: `/dashboard/v2/customers/${tenant}/subscriptions`,
      lang: 'en-US',
      heading: 'Subscriptions',
      add: 'Add subscription',
    },
    {
      path: `/en-us/dashboard/commerce2/customers/${tenant}/subscriptions`,
      lang: 'en-US',
      heading: 'Subscriptions',
      add: 'Add Subscription',
    },
    {
      path: `/commerce/customers/${tenant}/subscriptions`,
      lang: 'en-US',
      heading: 'Subscriptions',
      add: 'Add subscriptions',
    },
    {
      path: `/en-gb/commerce/customers/${tenant}/subscriptions/`,
      lang: 'en-GB',
      heading: 'Subscriptions',
      add: 'Add subscriptions',
    },
    {
      path: `/de-de/dashboard/v2/customers/${tenant}/subscriptions`,
      lang: 'en-US',
      heading: 'Subscriptions',
      add: 'Add subscription',
    },
    { path: `/ko-kr/dashboard/v2/customers/${tenant}/subscriptions`, lang: 'ko-KR', heading: '구독', add: '구독 추가' },
    {
      path: `/ko-KR/dashboard/commerce2/customers/${tenant}/subscriptions`,
      lang: 'ko-KR',
      heading: '구독',
      add: '구독 추가',
    },
    { path: `/ko-kr/commerce/customers/${tenant}/subscriptions`, lang: 'ko-KR', heading: '구독', add: '구독 추가' },
  ];
  for (const c of cases) {
    await page.goto(portal.url(c.path));
    await expect(page.getByRole('heading', { level: 1, name: c.heading, exact: true }), c.path).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', c.lang);
    await expect(page.getByRole('button', { name: c.add, exact: true }), c.path).toBeVisible();
    await expect(page.getByRole('grid').getByRole('link', { name: 'Kaizala Pro', exact: true })).toBeVisible();
  }
});

for (const base of ['/dashboard/v2/customers', '/dashboard/commerce2/customers', '/commerce/customers']) {
  test(`every page of the contract has its route under ${base}`, async ({ open }) => {
    const { page, portal } = await open({ scenario: 'small-business-kaizala', skeletonDelayMs: 0 });
    const tenant = await tenantOf(portal, 'Alpine Ski House');
    const users = await apiAll<{ id: string }>(portal, `/customers/${tenant}/users?size=300`);
    const subs = await apiAll<{ id: string; offerName: string; status: string }>(
      portal,
      `/customers/${tenant}/subscriptions`,
    );
    const kaizala = subs.find((s) => s.offerName === 'Kaizala Pro' && s.status === 'active');
    const two = users
      .slice(0, 2)
      .map((u) => u.id)
      .join(',');
    const pages: Array<[string, RegExp | string]> = [
      [`${base}/list`, 'Customers'],
      [`${base}/${tenant}/account`, 'Alpine Ski House'],
      [`${base}/${tenant}/subscriptions`, 'Subscriptions'],
      [`${base}/${tenant}/subscriptions/${kaizala?.id}`, 'Kaizala Pro'],
      [`${base}/${tenant}/subscriptions/add`, /^Add subscriptions?$/i],
      [`${base}/${tenant}/users`, /^Users and licenses$/i],
      [`${base}/${tenant}/users/licenses?users=${two}`, /^Manage licenses$/i],
    ];
    for (const [path, heading] of pages) {
      await page.goto(portal.url(path));
      await expect(page.getByRole('heading', { level: 1, name: heading }), path).toBeVisible();
    }
  });
}

test('an unknown path says so, and the bare locale opens the customer list', async ({ open }) => {
  const { page, portal } = await open({ scenario: 'small-business-kaizala', skeletonDelayMs: 0 });
  await page.goto(portal.url('/dashboard/v2/customers/not/a/page'));
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await page.goto(portal.url('/ko-kr/'));
  await expect(page.getByRole('heading', { level: 1, name: '고객', exact: true })).toBeVisible();
  await expect(page.getByRole('grid', { name: '고객' }).getByRole('link', { name: 'Alpine Ski House' })).toBeVisible();
});

test('links navigate with pushState (no reload), content follows the URL, and Back works', async ({ open }) => {
  const { page, portal } = await open({ scenario: 'demo' });
  let documents = 0;
  page.on('request', (r) => {
    if (r.resourceType() === 'document') documents += 1;
  });
  await page.goto(portal.url('/en-us/dashboard/v2/customers/list'));
  await page.evaluate(() => {
    (window as unknown as { marker: number }).marker = 42;
  });
  await page.getByRole('link', { name: 'Alpine Ski House' }).click();
  await expect(page).toHaveURL(/\/en-us\/dashboard\/v2\/customers\/[0-9a-f-]+\/account$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Alpine Ski House' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Customer menu' }).getByRole('link', { name: 'Subscriptions' }).click();
  await expect(page).toHaveURL(/\/subscriptions$/);
  await expect(
    page.getByRole('grid', { name: 'Subscriptions' }).getByRole('link', { name: 'Kaizala Pro' }),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Add subscription' }).click();
  await expect(page).toHaveURL(/\/subscriptions\/add$/);
  await expect(page.getByRole('tab', { name: 'Online Services', selected: true })).toBeVisible();

  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: 'Subscriptions' })).toBeVisible();
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: 'Alpine Ski House' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Partner Center' }).getByRole('link', { name: 'Customers' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Customers' })).toBeVisible();

  expect(documents).toBe(1);
  expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);
});
