// Each routed request costs Playwright round trips, so the pages with a row per user ask the portal's
// backend once instead of the API once per user: a page of the Users grid is one request for its
// licenses column, and Manage licenses for 100 users loads and saves in a handful of requests.
import type { Page } from '@playwright/test';
import { apiAll, expect, test } from './harness';
import type { InstalledPortal } from '../../portal/serve';

const KAIZALA_PRO_SKU = 'c93fe0ce-7375-4b8d-a55e-bf562ae7154f';

/** The routed requests a page makes other than its own code (the app's modules under /_sim/app/). */
function countRequests(page: Page, portal: InstalledPortal): { api: string[]; backend: string[]; html: string[] } {
  const seen = { api: [] as string[], backend: [] as string[], html: [] as string[] };
  page.on('request', (r) => {
    const url = r.url();
    if (url.startsWith('https://api.partnercenter.microsoft.com/')) seen.api.push(`${r.method()} ${url}`);
    else if (url.startsWith(portal.url('/_sim/bff/'))) seen.backend.push(`${r.method()} ${url}`);
    else if (url.startsWith(portal.url('/')) && !url.startsWith(portal.url('/_sim/app/'))) seen.html.push(url);
  });
  return seen;
}

test('Manage licenses for 100 users loads and saves in a handful of requests', async ({ open }) => {
  const { page, portal } = await open({ scenario: 'enterprise-kaizala-1200', skeletonDelayMs: 0 });
  const [customer] = await apiAll<{ id: string }>(portal, '/customers?size=300');
  const tenant = customer?.id ?? '';
  const users = (await apiAll<{ id: string }>(portal, `/customers/${tenant}/users?size=300`)).slice(0, 100);
  const seen = countRequests(page, portal);
  const logBefore = portal.sim.log.length;

  const selection = users.map((u) => u.id).join(',');
  await page.goto(portal.url(`/dashboard/v2/customers/${tenant}/users/licenses?users=${selection}`));
  const kaizala = page.getByRole('checkbox', { name: 'Microsoft Kaizala Pro', exact: true });
  await expect(kaizala).toHaveAttribute('aria-checked', 'true');
  await expect(page.getByRole('region', { name: 'Selected users' }).getByRole('listitem')).toHaveCount(100);
  // Loading: the customer header, the products, and the users' names and licenses in one request.
  expect(seen.backend).toEqual([`POST ${portal.url(`/_sim/bff/customers/${tenant}/users/licenses`)}`]);
  const loadCalls = seen.api.length;
  expect(loadCalls).toBeLessThanOrEqual(3);

  await kaizala.uncheck();
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { name: 'Licenses updated' })).toBeVisible();
  await expect(page.getByRole('status').getByRole('listitem').filter({ hasText: ': Updated' })).toHaveCount(100);
  await expect(kaizala).toHaveAttribute('aria-checked', 'false');
  // Save is one request, then the page reads the counts and ticks again (products, and one batch).
  await expect.poll(() => seen.backend.length).toBe(3);
  expect(seen.backend[1]).toBe(`POST ${portal.url(`/_sim/bff/customers/${tenant}/users/licenseupdates`)}`);
  expect(seen.api.length - loadCalls).toBe(1);
  expect(seen.html).toHaveLength(1);
  test.info().annotations.push({
    type: 'routed requests',
    description: `${seen.html.length} document + ${seen.api.length} API + ${seen.backend.length} backend`,
  });

  // Behind the backend the API still saw every user: two reads each per load, one update each.
  const calls = portal.sim.log.slice(logBefore);
  const updates = calls.filter((e) => e.method === 'POST' && e.path.endsWith('/licenseupdates'));
  expect(updates).toHaveLength(100);
  expect(updates.every((e) => e.status === 201)).toBe(true);
  expect(calls.filter((e) => e.method === 'GET' && e.path.endsWith('/licenses'))).toHaveLength(200);
  const first = `/customers/${tenant}/users/${users[0]?.id}/licenses`;
  const held = await apiAll<{ productSku: { id: string } }>(portal, first);
  expect(held.map((l) => l.productSku.id)).not.toContain(KAIZALA_PRO_SKU);
});

test('a page of the Users grid reads its licenses column in one request, and only once', async ({ open }) => {
  const { page, portal } = await open({ scenario: 'enterprise-kaizala-1200', skeletonDelayMs: 0 });
  const [customer] = await apiAll<{ id: string }>(portal, '/customers?size=300');
  const tenant = customer?.id ?? '';
  const seen = countRequests(page, portal);
  await page.goto(portal.url(`/dashboard/v2/customers/${tenant}/users`));
  const grid = page.getByRole('grid', { name: 'Users and licenses' });
  const pager = page.getByRole('navigation', { name: 'Pagination' });
  await expect(grid.getByRole('row').nth(1)).toContainText('Microsoft Kaizala Pro');
  expect(seen.backend).toHaveLength(1);
  expect(seen.api.filter((r) => r.includes('/licenses'))).toHaveLength(0);

  const firstName = (await grid.getByRole('row').nth(1).textContent()) ?? '';
  await pager.getByRole('button', { name: 'Next' }).click();
  await expect(grid.getByRole('row').nth(1)).not.toHaveText(firstName);
  await expect(grid.getByRole('row').nth(1)).toContainText('Microsoft Kaizala Pro');
  expect(seen.backend).toHaveLength(2);
  // Back to a page already read: its licenses come from the page's cache.
  await pager.getByRole('button', { name: 'Previous' }).click();
  await expect(grid.getByRole('row').nth(1)).toHaveText(firstName);
  expect(seen.backend).toHaveLength(2);
  // Each grid page is 20 users: 20 licenses reads behind each backend request, no user reads.
  const reads = portal.sim.log.filter((e) => /^\/customers\/[^/]+\/users\/[^/]+(\/licenses)?$/.test(e.path));
  expect(reads.map((e) => e.path.endsWith('/licenses'))).toEqual(Array.from({ length: 40 }, () => true));
});
