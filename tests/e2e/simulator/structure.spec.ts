// How the simulated portal is built, as the live one is observed to be: nested open shadow roots,
// skeleton rows replaced later, paging and search in place, the session token in sessionStorage and
// on every API call; plus the test switches (a part that never renders, a changed label).
import { apiAll, expect, shadowDepthOf, test } from './harness';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function tenantOf(portal: Parameters<typeof apiAll>[0], companyName: string): Promise<string> {
  const customers = await apiAll<{ id: string; companyProfile: { companyName: string } }>(
    portal,
    '/customers?size=300',
  );
  const found = customers.find((c) => c.companyProfile.companyName === companyName);
  if (!found) throw new Error(`no customer ${companyName}`);
  return found.id;
}

test('the grid sits in open shadow roots nested several deep (shell → page → panel → grid)', async ({ open }) => {
  const { page, portal } = await open({ scenario: 'demo' });
  await page.goto(portal.url('/dashboard/v2/customers/list'));
  await expect(page.getByRole('grid', { name: 'Customers' }).getByRole('link').first()).toBeVisible();
  expect(await shadowDepthOf(page, 'table[role="grid"]')).toBeGreaterThanOrEqual(4);
  // Nothing of the page is in the light DOM, and every shadow root is open.
  const light = await page.evaluate(() => ({
    text: document.body.textContent?.trim(),
    links: document.querySelectorAll('a').length,
    hostsWithoutOpenRoot: [...document.querySelectorAll('*')].filter((e) => e.tagName.includes('-') && !e.shadowRoot)
      .length,
  }));
  expect(light).toEqual({ text: '', links: 0, hostsWithoutOpenRoot: 0 });
});

test('grid rows render as skeletons (busy, nameless) and are replaced after skeletonDelayMs', async ({ open }) => {
  const { page, portal } = await open({ scenario: 'small-business-kaizala', skeletonDelayMs: 1500 });
  const tenant = await tenantOf(portal, 'Alpine Ski House');
  const started = Date.now();
  await page.goto(portal.url(`/dashboard/v2/customers/${tenant}/subscriptions`));
  const grid = page.getByRole('grid', { name: 'Subscriptions' });
  await expect(grid).toHaveAttribute('aria-busy', 'true');
  await expect(grid.locator('tbody tr[aria-busy="true"]').first()).toBeAttached();
  await expect(grid.getByRole('link')).toHaveCount(0);
  expect(await grid.locator('tbody').textContent()).toBe('');

  await expect(grid.getByRole('link', { name: 'Kaizala Pro' })).toBeVisible();
  expect(Date.now() - started).toBeGreaterThanOrEqual(1400);
  await expect(grid.locator('[aria-busy="true"]')).toHaveCount(0);
  await expect(grid).not.toHaveAttribute('aria-busy', 'true');
  // Two active subscriptions are listed; the long-expired Kaizala Pro trial is not.
  await expect(grid.locator('tbody tr')).toHaveCount(2);
  await expect(grid.getByRole('row', { name: /Kaizala Pro/ })).toContainText(/Expires on \w+ \d+, \d{4}/);
  await expect(grid.getByRole('row', { name: /Exchange/ })).toContainText(/Auto renews on \w+ \d+, \d{4}/);
});

test('paging and search change rows in place, and paging beyond the loaded rows follows the continuation', async ({
  open,
}) => {
  const { page, portal } = await open({ scenario: 'enterprise-kaizala-1200', pageSize: 20, apiPageSize: 50 });
  const tenant = await tenantOf(portal, 'Fabrikam, Inc.');
  await page.goto(portal.url(`/dashboard/v2/customers/${tenant}/users`));
  const grid = page.getByRole('grid', { name: 'Users and licenses' });
  const firstRow = grid.locator('tbody tr').first();
  await expect(firstRow.getByRole('checkbox')).toBeVisible();
  const handle = await firstRow.elementHandle();
  if (!handle) throw new Error('no row');
  const gridHandle = await grid.elementHandle();
  const before = await firstRow.textContent();
  await expect(page.getByRole('navigation', { name: 'Pagination' })).toContainText('Page 1');

  const pager = page.getByRole('navigation', { name: 'Pagination' });
  for (let i = 0; i < 3; i++) await pager.getByRole('button', { name: 'Next' }).click();
  await expect(pager).toContainText('Page 4');
  await expect(firstRow.getByRole('checkbox')).toBeVisible();
  const after = await firstRow.textContent();
  expect(after).not.toBe(before);
  // The very same <tr> and <table> elements, with new content.
  expect(await handle.evaluate((tr) => tr.isConnected)).toBe(true);
  expect(await gridHandle?.evaluate((t) => t.isConnected)).toBe(true);
  expect(await handle.evaluate((tr) => tr.textContent)).toBe(after);
  // Page 4 needs rows 61–80: the second API page was read with its continuation token.
  const continued = portal.apiRequests.filter((r) => /\/users\?/.test(r.url) && r.headers['ms-continuationtoken']);
  expect(continued.length).toBeGreaterThanOrEqual(1);

  await pager.getByRole('button', { name: 'First' }).click();
  await expect(pager).toContainText('Page 1');
  expect(await firstRow.textContent()).toBe(before);

  // Search: rows change in place; one match.
  const target = (await grid.locator('tbody tr').nth(3).getByRole('gridcell').nth(2).textContent()) ?? '';
  await page.getByRole('searchbox', { name: 'Search' }).fill(target);
  await expect(grid.locator('tbody tr')).toHaveCount(1);
  await expect(firstRow).toContainText(target);
  expect(await handle.evaluate((tr) => tr.isConnected)).toBe(true);
  await expect(pager).toContainText('Page 1 of 1');
});

test('the customer list pages and searches in place over GET /customers?size=300', async ({ open }) => {
  const { page, portal } = await open({ scenario: 'partner-2000', pageSize: 25 });
  await page.goto(portal.url('/dashboard/v2/customers/list'));
  const grid = page.getByRole('grid', { name: 'Customers' });
  await expect(grid.getByRole('link')).toHaveCount(25);
  const first = grid.locator('tbody tr').first();
  const handle = await first.elementHandle();
  const pager = page.getByRole('navigation', { name: 'Pagination' });
  await pager.getByRole('button', { name: 'Last' }).click();
  await expect(pager).toContainText('Page 80 of 80');
  expect(await handle?.evaluate((tr) => tr.isConnected)).toBe(true);
  await pager.getByRole('button', { name: 'Previous' }).click();
  await expect(pager).toContainText('Page 79 of 80');
  const name = (await grid.getByRole('link').nth(2).textContent()) ?? '';
  await page.getByRole('searchbox', { name: 'Search' }).fill(name);
  await expect(grid.getByRole('link', { name, exact: true })).toBeVisible();
  expect(await handle?.evaluate((tr) => tr.isConnected)).toBe(true);
  const customerCalls = portal.apiRequests.filter((r) => r.url.includes('/v1/customers?'));
  expect(customerCalls[0]?.url).toBe('https://api.partnercenter.microsoft.com/v1/customers?size=300');
});

test('the token lives in sessionStorage as the contract says, and every API call carries it', async ({ open }) => {
  const { page, portal } = await open({ scenario: 'small-business-kaizala' });
  const tenant = await tenantOf(portal, 'Alpine Ski House');
  // The portal's own backend (which calls the API for the page) gets the same headers as the API.
  const backend: Array<Record<string, string>> = [];
  page.on('request', (r) => {
    if (r.url().startsWith(portal.url('/_sim/bff/'))) backend.push(r.headers());
  });
  await page.goto(portal.url(`/dashboard/v2/customers/${tenant}/users`));
  await expect(
    page.getByRole('grid', { name: 'Users and licenses' }).getByRole('gridcell').getByRole('checkbox').first(),
  ).toBeVisible();
  const stored = await page.evaluate(() => ({
    auth: sessionStorage.getItem('AuthContextData'),
    boot: (globalThis as Record<string, unknown>).__PCSIM_BOOT__,
  }));
  expect(JSON.parse(stored.auth ?? 'null')).toEqual({
    tokenMetadata: { accountsFirstPartyApp: { accessToken: portal.sim.token } },
  });
  // The bootstrap global is gone: sessionStorage is the only place the page keeps the token.
  expect(stored.boot).toBeUndefined();

  // The customer, the users, and the licenses column through the backend.
  expect(portal.apiRequests.length).toBeGreaterThanOrEqual(2);
  expect(backend.length).toBeGreaterThanOrEqual(1);
  const calls = [...portal.apiRequests.filter((x) => x.method !== 'OPTIONS').map((r) => r.headers), ...backend];
  const ids = new Set<string>();
  const correlations = new Set<string>();
  for (const headers of calls) {
    expect(headers.authorization).toBe(`Bearer ${portal.sim.token}`);
    expect(headers.accept).toBe('application/json');
    expect(headers['ms-requestid']).toMatch(GUID);
    expect(headers['ms-correlationid']).toMatch(GUID);
    ids.add(headers['ms-requestid'] ?? '');
    correlations.add(headers['ms-correlationid'] ?? '');
  }
  expect(ids.size).toBe(calls.length);
  expect(correlations.size).toBe(1);

  // The page reads the token back from sessionStorage for each call: change it there, and the next
  // call carries the new value (and the simulator refuses it).
  await page.evaluate(() =>
    sessionStorage.setItem(
      'AuthContextData',
      JSON.stringify({ tokenMetadata: { accountsFirstPartyApp: { accessToken: 'tampered' } } }),
    ),
  );
  const count = portal.apiRequests.length;
  await page.getByRole('navigation', { name: 'Customer menu' }).getByRole('link', { name: 'Subscriptions' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  expect(portal.apiRequests.slice(count).every((r) => r.headers.authorization === 'Bearer tampered')).toBe(true);
  expect(portal.apiRequests.at(-1)?.status).toBe(401);
});

test('a part named in neverRender stays skeleton while the rest of the page works', async ({ open }) => {
  const { page, portal } = await open({ scenario: 'small-business-kaizala', neverRender: ['subscriptions-grid'] });
  const tenant = await tenantOf(portal, 'Alpine Ski House');
  await page.goto(portal.url(`/dashboard/v2/customers/${tenant}/subscriptions`));
  await expect(page.getByRole('button', { name: 'Add subscription' })).toBeVisible();
  await expect(page.getByText('Alpine Ski House')).toBeVisible();
  await page.waitForTimeout(1500);
  const grid = page.getByRole('grid', { name: 'Subscriptions' });
  await expect(grid).toHaveAttribute('aria-busy', 'true');
  await expect(grid.locator('tbody tr[aria-busy="true"]').first()).toBeAttached();
  await expect(grid.getByRole('link')).toHaveCount(0);
  // Other pages still fill.
  await page.getByRole('link', { name: 'Users and licenses' }).click();
  await expect(
    page.getByRole('grid', { name: 'Users and licenses' }).getByRole('gridcell').getByRole('checkbox').first(),
  ).toBeVisible();
});

test('a changed label replaces the known one everywhere it appears', async ({ open }) => {
  const { page, portal } = await open({
    scenario: 'small-business-kaizala',
    labelOverrides: { 'Add subscription': 'Buy subscription', 'Manage licenses': 'Edit licenses' },
  });
  const tenant = await tenantOf(portal, 'Alpine Ski House');
  await page.goto(portal.url(`/dashboard/commerce2/customers/${tenant}/subscriptions`));
  await expect(page.getByRole('button', { name: 'Buy subscription' })).toBeVisible();
  await expect(page.getByRole('button', { name: /add subscription/i })).toHaveCount(0);
  await page.getByRole('button', { name: 'Buy subscription' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Buy subscription' })).toBeVisible();
  await page.getByRole('link', { name: /users and licenses/i }).click();
  await expect(page.getByRole('button', { name: 'Edit licenses' })).toBeVisible();
  await expect(page.getByRole('button', { name: /manage licenses/i })).toHaveCount(0);
});
