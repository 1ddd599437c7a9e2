import { expect, test } from './fixtures';

const TENANT = '3c5a1f0e-1b2c-4d3e-8f90-a1b2c3d4e5f6';
const PAGE = `https://partner.microsoft.com/dashboard/v2/customers/${TENANT}/subscriptions`;

// Until the simulated portal exists, a bare page stands in for Partner Center at its real address.
const HTML = `<!doctype html><html lang="en"><head><title>Subscriptions</title></head>
<body><h1>Subscriptions</h1><p>Customer page</p></body></html>`;

test('the production build runs on a Partner Center page and keeps its record out of the page', async ({ ext }) => {
  await ext.context.route('https://partner.microsoft.com/**', (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: HTML }),
  );
  const page = await ext.context.newPage();
  await page.goto(PAGE);

  // The content script mounted its UI inside a shadow root, and the UI shows the record the
  // background stored and read back through a message round trip.
  const status = page.getByRole('region', { name: 'Migration Assistant' }).getByRole('status');
  await expect(status).toContainText('Ready on this customer');
  await expect(status).toContainText('Opened once since');
  const host = await page.evaluate(() => {
    const el = [...document.body.children].find((e) => e.shadowRoot?.querySelector('[role="status"]'));
    return el ? { inShadow: true, lightText: el.textContent } : null;
  });
  expect(host).toEqual({ inShadow: true, lightText: '' });

  // A second visit reads the same record back from the background's IndexedDB.
  await page.reload();
  await expect(status).toContainText('Opened 2 times since');

  // The record lives in the extension's origin …
  const stored = await ext.background.evaluate(async (tenantId) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('pc-migration-assistant');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const record = await new Promise((resolve, reject) => {
      const req = db.transaction('customers').objectStore('customers').get(tenantId);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    db.close();
    return record;
  }, TENANT);
  expect(stored).toMatchObject({ tenantId: TENANT, lastPage: 'subscriptions', visits: 2 });

  // … so a script of the page finds no such database and no such record.
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

test('the Korean portal gets the Korean UI', async ({ ext }) => {
  await ext.context.route('https://partner.microsoft.com/**', (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: HTML.replace('lang="en"', 'lang="ko"') }),
  );
  const page = await ext.context.newPage();
  await page.goto(`https://partner.microsoft.com/ko-kr/dashboard/v2/customers/${TENANT}/subscriptions`);
  const status = page.getByRole('region', { name: '마이그레이션 도우미' }).getByRole('status');
  await expect(status).toContainText('이 고객에서 사용할 준비가 되었습니다');
  await expect(status).not.toContainText('Ready');
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
