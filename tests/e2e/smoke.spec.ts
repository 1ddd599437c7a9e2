import type { ExtensionBrowser } from './browser';
import { expect, test } from './fixtures';

const TENANT = '3c5a1f0e-1b2c-4d3e-8f90-a1b2c3d4e5f6';
const PAGE = `https://partner.microsoft.com/dashboard/v2/customers/${TENANT}/subscriptions`;

// Until the simulated portal exists, a bare page stands in for Partner Center at its real address.
const HTML = `<!doctype html><html lang="en"><head><title>Subscriptions</title></head>
<body><h1>Subscriptions</h1><p>Customer page</p></body></html>`;

/** The customer's visit record as the background's IndexedDB holds it (undefined until stored). */
const storedVisit = (ext: ExtensionBrowser) =>
  ext.background.evaluate(async (tenantId) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('pc-migration-assistant');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    if (!db.objectStoreNames.contains('customers')) {
      db.close();
      return undefined;
    }
    const record = await new Promise((resolve, reject) => {
      const req = db.transaction('customers').objectStore('customers').get(tenantId);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    db.close();
    return record as { visits?: number } | undefined;
  }, TENANT);

test('the production build runs on a Partner Center page, covers nothing of it, and keeps its record out of the page', async ({
  ext,
}) => {
  await ext.context.route('https://partner.microsoft.com/**', (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: HTML }),
  );
  const page = await ext.context.newPage();
  await page.goto(PAGE);

  // The content script ran and reached the background's store through a message round trip …
  await expect.poll(async () => (await storedVisit(ext))?.visits).toBe(1);
  // … and shows no status box or visit count of its own. (This bare page has no Partner Center
  // session behind it, so the one thing shown is the notice saying so.)
  await expect(page.getByRole('status').filter({ hasText: 'sign-in was not found' })).toBeVisible();
  await expect(page.getByText('Ready on this customer')).toHaveCount(0);
  await expect(page.getByText(/^Opened (once|\d+ times) since/)).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Migration Assistant' })).toHaveCount(0);
  expect(await page.evaluate(() => [...document.body.children].filter((e) => e.shadowRoot).map((e) => e.tagName))).toEqual(
    ['PCMA-NOTICE'],
  );

  // A second visit updates the same record in the background's IndexedDB.
  await page.reload();
  await expect.poll(async () => (await storedVisit(ext))?.visits).toBe(2);
  expect(await storedVisit(ext)).toMatchObject({ tenantId: TENANT, lastPage: 'subscriptions', visits: 2 });

  // The record lives in the extension's origin, so a script of the page finds no such database and no such record.
  const seenByPage = await page.evaluate(async () => {
    const names = (await indexedDB.databases()).map((d) => d.name);
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('pc-migration-assistant');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const stores = [...db.objectStoreNames];
    db.close();
    return { names, stores };
  });
  expect(seenByPage.names).not.toContain('pc-migration-assistant');
  expect(seenByPage.stores).toEqual([]);
});

test('the customer list gets no customer UI and the page has no channel to the store', async ({ ext }) => {
  // Only our content script and our own pages may reach the store: a page has no runtime to send
  // with, and an external sender is rejected by the sender check.
  await ext.context.route('https://partner.microsoft.com/**', (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: HTML }),
  );
  const page = await ext.context.newPage();
  await page.goto('https://partner.microsoft.com/dashboard/v2/customers/list');
  const canSend = await page.evaluate(
    () => typeof (globalThis as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime?.sendMessage,
  );
  expect(canSend).not.toBe('function');
  await expect(page.getByRole('region', { name: 'Migration Assistant' })).toHaveCount(0);
});
