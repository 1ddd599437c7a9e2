import { expect, test } from './fixtures';
import { migrate, ordersPlaced, smallBusiness } from './agent';
import { expectInvariants } from './invariants';
import { openPanel } from './panel';

test('a damaged stored record is said plainly, its log kept, and the agent starts again from Partner Center', async ({
  ext,
  openPortal,
}) => {
  test.setTimeout(180_000);
  const { portal, page } = await openPortal({ scenario: 'small-business-kaizala', provisioningDelayMs: 500 });
  const { panel, tenant } = await openPanel(page, portal, 'small-business-kaizala');
  await panel.getByRole('button', { name: 'Close' }).click();
  // The record in the background's IndexedDB no longer fits its schema (an older version's bug, a disk error).
  const damaged = await ext.background.evaluate(async (tenantId: string) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('pc-migration-assistant');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const tx = db.transaction('migrations', 'readwrite');
    const store = tx.objectStore('migrations');
    const all = await new Promise<Array<{ id: string; tenantId: string }>>((resolve) => {
      const req = store.getAll();
      req.onsuccess = () => resolve(req.result as Array<{ id: string; tenantId: string }>);
    });
    const record = all.find((r) => r.tenantId === tenantId);
    if (!record) return null;
    store.put({ ...record, steps: { purchase: { state: 'half-bought' } } });
    await new Promise((resolve) => (tx.oncomplete = resolve));
    return record.id;
  }, tenant);
  expect(damaged).not.toBeNull();

  await page.getByRole('button', { name: 'Migrate Kaizala Pro' }).click();
  const notice = page.getByRole('dialog');
  await expect(notice.getByRole('alert')).toContainText('The saved progress of this migration is damaged (steps.');
  await notice.getByRole('button', { name: 'Start again from Partner Center' }).click();
  // The fresh panel reads what Partner Center shows and runs the three steps as usual.
  await expect(page.getByRole('dialog').getByRole('button', { name: /^Buy 25 × / })).toBeVisible({ timeout: 30_000 });
  const run = await migrate(page);
  expect(run.complete, run.problems.join(' | ')).toBe(true);
  expect(ordersPlaced(portal)).toBe(1);
  await expectInvariants(portal.sim, smallBusiness(portal, true));

  // The log kept what was wrong, beside the new start.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('dialog').getByRole('button', { name: 'Export log (JSON)' }).click(),
  ]);
  const text = await (await download.createReadStream()).toArray();
  expect(Buffer.concat(text).toString('utf8')).toContain('record-damaged');
});
