// The contract's labels (section 1), in English and Korean, where the contract says they appear.
import type { Page } from '@playwright/test';
import { apiAll, expect, test } from './harness';

interface Expected {
  lang: string;
  customers: string;
  subscriptions: string;
  addSubscription: string;
  usersAndLicenses: string;
  manageLicenses: string;
  selectedUsers: string;
  search: string;
  onlineServices: string;
  addToCart: string;
  review: string;
  submit: string;
  save: string;
  status: string;
  active: string;
  suspended: string;
  quantity: string;
  expiresOn: RegExp;
  autoRenewsOn: RegExp;
  available: string;
  assigned: string;
  buyMore: string;
  pager: [string, string, string, string];
}

const EN: Expected = {
  lang: 'en-US',
  customers: 'Customers',
  subscriptions: 'Subscriptions',
  addSubscription: 'Add subscription',
  usersAndLicenses: 'Users and licenses',
  manageLicenses: 'Manage licenses',
  selectedUsers: 'Selected users',
  search: 'Search',
  onlineServices: 'Online Services',
  addToCart: 'Add to cart',
  review: 'Review',
  submit: 'Submit',
  save: 'Save',
  status: 'Status',
  active: 'Active',
  suspended: 'Suspended',
  quantity: 'Quantity',
  expiresOn: /^Expires on [A-Z][a-z]+ \d{1,2}, \d{4}$/,
  autoRenewsOn: /^Auto renews on [A-Z][a-z]+ \d{1,2}, \d{4}$/,
  available: 'Available licenses',
  assigned: 'Assigned',
  buyMore: 'Buy more',
  pager: ['First', 'Previous', 'Next', 'Last'],
};

const KO: Expected = {
  lang: 'ko-KR',
  customers: '고객',
  subscriptions: '구독',
  addSubscription: '구독 추가',
  usersAndLicenses: '사용자 및 라이선스',
  manageLicenses: '라이선스 관리',
  selectedUsers: '선택한 사용자',
  search: '검색',
  onlineServices: '온라인 서비스',
  addToCart: '카트에 추가',
  review: '검토',
  submit: '제출',
  save: '저장',
  status: '상태',
  active: '활성',
  suspended: '일시 중단됨',
  quantity: '수량',
  expiresOn: /^\d{4}년 \d{1,2}월 \d{1,2}일에 만료$/,
  autoRenewsOn: /^\d{4}년 \d{1,2}월 \d{1,2}일에 자동 갱신$/,
  available: '사용할 수 있는 라이선스',
  assigned: '할당됨',
  buyMore: '추가 구매',
  pager: ['첫 번째', '이전', '다음', '마지막'],
};

async function checkLabels(page: Page, base: string, tenant: string, subId: string, users: string, x: Expected) {
  const exact = { exact: true } as const;
  await page.goto(`${base}/list`);
  await expect(page.locator('html')).toHaveAttribute('lang', x.lang);
  await expect(page.getByRole('navigation').getByRole('link', { name: x.customers, ...exact })).toBeVisible();
  await expect(page.getByRole('searchbox', { name: x.search, ...exact })).toBeVisible();
  for (const name of x.pager) await expect(page.getByRole('button', { name, ...exact })).toBeAttached();

  await page.goto(`${base}/${tenant}/subscriptions`);
  const menu = page.getByRole('navigation').filter({ has: page.getByRole('link', { name: x.usersAndLicenses }) });
  await expect(menu.getByRole('link', { name: x.subscriptions, ...exact })).toBeVisible();
  await expect(menu.getByRole('link', { name: x.usersAndLicenses, ...exact })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: x.subscriptions, ...exact })).toBeVisible();
  await expect(page.getByRole('button', { name: x.addSubscription, ...exact })).toBeVisible();
  const grid = page.getByRole('grid');
  await expect(grid.getByRole('gridcell').filter({ hasText: x.expiresOn })).toHaveCount(1);
  await expect(grid.getByRole('gridcell').filter({ hasText: x.autoRenewsOn })).toHaveCount(1);
  await expect(grid.getByRole('gridcell', { name: x.active, ...exact })).toHaveCount(2);

  await page.goto(`${base}/${tenant}/subscriptions/${subId}`);
  const status = page.getByRole('group', { name: x.status, ...exact });
  await expect(status.getByRole('radio', { name: x.active, ...exact })).toBeChecked();
  await expect(status.getByRole('radio', { name: x.suspended, ...exact })).not.toBeChecked();
  await expect(page.getByRole('spinbutton', { name: x.quantity, ...exact })).toHaveValue('25');
  await expect(page.getByRole('button', { name: x.submit, ...exact })).toBeVisible();
  await expect(page.getByText(x.expiresOn)).toBeVisible();

  await page.goto(`${base}/${tenant}/subscriptions/add`);
  await expect(page.getByRole('tab', { name: x.onlineServices, ...exact })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('searchbox', { name: x.search, ...exact })).toBeVisible();
  await expect(page.getByRole('spinbutton', { name: x.quantity, ...exact }).first()).toBeVisible();
  await expect(page.getByRole('button', { name: x.addToCart, ...exact })).toBeVisible();
  await page.getByRole('searchbox').fill('Business Essentials');
  await page.getByRole('checkbox', { name: 'Office 365 Business Essentials', exact: true }).check();
  await page.getByRole('button', { name: x.addToCart, ...exact }).click();
  await expect(page.getByRole('button', { name: x.review, ...exact })).toBeVisible();
  await page.getByRole('button', { name: x.review, ...exact }).click();
  await expect(page.getByRole('button', { name: x.submit, ...exact })).toBeVisible();

  await page.goto(`${base}/${tenant}/users`);
  await expect(page.getByRole('region', { name: x.selectedUsers, ...exact })).toBeVisible();
  await expect(page.getByRole('button', { name: x.manageLicenses, ...exact })).toBeDisabled();

  await page.goto(`${base}/${tenant}/users/licenses?users=${users}`);
  await expect(page.getByRole('heading', { level: 1, name: x.manageLicenses, ...exact })).toBeVisible();
  await expect(page.getByRole('columnheader', { name: x.available, ...exact })).toBeVisible();
  await expect(page.getByRole('columnheader', { name: x.assigned, ...exact })).toBeVisible();
  // Every Kaizala Pro seat is taken: the row offers Buy more.
  await expect(
    page
      .getByRole('row')
      .filter({ has: page.getByRole('checkbox', { name: 'Microsoft Kaizala Pro' }) })
      .getByRole('link', {
        name: x.buyMore,
        ...exact,
      }),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: x.save, ...exact })).toBeEnabled();
}

for (const [language, expected, prefix] of [
  ['English', EN, ''],
  ['Korean', KO, '/ko-kr'],
] as const) {
  test(`the contract's labels in ${language}`, async ({ open }) => {
    const { page, portal } = await open({ scenario: 'small-business-kaizala', skeletonDelayMs: 0 });
    const [customer] = await apiAll<{ id: string }>(portal, '/customers?size=300');
    const tenant = customer?.id ?? '';
    const subs = await apiAll<{ id: string; offerName: string; status: string }>(
      portal,
      `/customers/${tenant}/subscriptions`,
    );
    const kaizala = subs.find((s) => s.offerName === 'Kaizala Pro' && s.status === 'active');
    const users = await apiAll<{ id: string }>(portal, `/customers/${tenant}/users?size=300`);
    await checkLabels(
      page,
      portal.url(`${prefix}/dashboard/v2/customers`),
      tenant,
      kaizala?.id ?? '',
      users
        .slice(0, 3)
        .map((u) => u.id)
        .join(','),
      expected,
    );
  });
}

test('the known label variants differ by path family', async ({ open }) => {
  const { page, portal } = await open({ scenario: 'small-business-kaizala', skeletonDelayMs: 0 });
  const [customer] = await apiAll<{ id: string }>(portal, '/customers?size=300');
  const variants: Array<[string, string, string]> = [
    ['/dashboard/v2/customers', 'Add subscription', 'Selected users'],
    ['/dashboard/commerce2/customers', 'Add Subscription', 'Selected Users'],
    ['/commerce/customers', 'Add subscriptions', 'Selected Users'],
  ];
  for (const [base, add, selected] of variants) {
    await page.goto(portal.url(`${base}/${customer?.id}/subscriptions`));
    await expect(page.getByRole('button', { name: add, exact: true })).toBeVisible();
    await page.goto(portal.url(`${base}/${customer?.id}/users`));
    await expect(page.getByRole('heading', { name: selected, exact: true })).toBeVisible();
  }
});
