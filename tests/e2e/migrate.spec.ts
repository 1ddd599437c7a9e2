import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import { interruptibleStepB, openPanel, type Sku, type Sub } from './panel';
import { apiAll, apiSend } from './simulator/harness';


test('an agent migrates a small business off Kaizala Pro with three clicks', async ({ openPortal }) => {
  test.setTimeout(180_000);
  const { portal, page } = await openPortal({ scenario: 'small-business-kaizala', provisioningDelayMs: 1500 });
  const { panel, tenant } = await openPanel(page, portal, 'small-business-kaizala');

  await panel.getByRole('button', { name: 'Buy 25 × Microsoft 365 Business Basic for Alpine Ski House' }).click();
  await expect(panel.getByText(/^Bought: order /)).toBeVisible({ timeout: 60_000 });

  await panel.getByRole('button', { name: /^Move 25 users from .* to Microsoft 365 Business Basic$/ }).click();
  await expect(panel.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '25', { timeout: 120_000 });

  await panel.getByRole('button', { name: /^Suspend Kaizala Pro/ }).click();
  await expect(panel.getByText(/^Suspended\. Microsoft de-provisions it on /)).toBeVisible({ timeout: 60_000 });
  await expect(panel.getByText('Migration complete.')).toBeVisible();
  // The page no longer calls the suspended subscription retiring: its banner and Migrate button are gone.
  await expect(page.getByRole('button', { name: 'Migrate Kaizala Pro' })).toHaveCount(0, { timeout: 15_000 });
  await expect(panel.getByText('Migration complete.')).toBeVisible();

  // What Partner Center now holds: one new subscription, the old one suspended, every user moved.
  const subs = await apiAll<Sub>(portal, `/customers/${tenant}/subscriptions`);
  expect(subs.filter((s) => s.offerName === 'Office 365 Business Essentials' && s.status === 'active')).toHaveLength(1);
  expect(subs.filter((s) => s.offerName === 'Kaizala Pro' && s.status === 'suspended')).toHaveLength(1);
  const skus = await apiAll<Sku>(portal, `/customers/${tenant}/subscribedskus`);
  const consumed = (name: string) => skus.find((s) => s.productSku.name === name)?.consumedUnits;
  expect(consumed('Microsoft 365 Business Basic')).toBe(25);
  expect(consumed('Microsoft Kaizala Pro') ?? 0).toBe(0);
});

test('a Korean agent migrates a Korean customer, every step in Korean', async ({ openPortal }) => {
  test.setTimeout(180_000);
  const { portal, page } = await openPortal({ scenario: 'korean-customer', provisioningDelayMs: 1000 });
  const { panel, tenant } = await openPanel(page, portal, 'korean-customer', '/ko-kr');
  await expect(panel.getByRole('heading', { name: 'Kaizala Pro 마이그레이션' })).toBeVisible();
  await panel.getByRole('button', { name: '한결테크 주식회사에 Microsoft 365 Business Basic 12개 구매' }).click();
  await expect(panel.getByText(/^구매 완료: 주문 /)).toBeVisible({ timeout: 60_000 });
  await panel.getByRole('button', { name: /^사용자 12명을 .*에서 Microsoft 365 Business Basic\(으\)로 이동$/ }).click();
  await expect(panel.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '12', { timeout: 120_000 });
  await panel.getByRole('button', { name: 'Kaizala Pro 일시 중단 (120일 후 제거)' }).click();
  await expect(panel.getByText('마이그레이션이 완료되었습니다.')).toBeVisible({ timeout: 60_000 });
  await expect(panel.getByText(/^일시 중단되었습니다\. \d{4}년 \d{1,2}월 \d{1,2}일에 프로비전이 해제됩니다\.$/)).toBeVisible();
  const subs = await apiAll<Sub>(portal, `/customers/${tenant}/subscriptions`);
  expect(subs.filter((s) => s.offerName === 'Kaizala Pro' && s.status === 'suspended')).toHaveLength(1);
});

test('a reload in the middle of step B resumes with the users not yet moved, nobody left without a license', async ({
  openPortal,
}) => {
  test.setTimeout(180_000);
  const { portal, page } = await openPortal({ scenario: 'small-business-kaizala', provisioningDelayMs: 500 });
  // The step has selected the users and opened Manage licenses: reload the tab right there.
  const { tenant } = await interruptibleStepB(page, portal);
  await page.reload();
  const resumed = page.getByRole('dialog');
  const move = resumed.getByRole('button', { name: /^Move 25 users / });
  await expect(move).toBeVisible({ timeout: 30_000 });
  await expect(resumed.getByText(/^Bought: order /)).toBeVisible();
  await move.click();
  await expect(resumed.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '25', { timeout: 120_000 });
  const skus = await apiAll<Sku>(portal, `/customers/${tenant}/subscribedskus`);
  const consumed = (name: string) => skus.find((s) => s.productSku.name === name)?.consumedUnits ?? 0;
  expect(consumed('Microsoft Kaizala Pro')).toBe(0);
  expect(consumed('Microsoft 365 Business Basic')).toBe(25);
  const orders = portal.sim.log.filter((e) => e.method === 'POST' && e.path.endsWith('/orders'));
  expect(orders).toHaveLength(1);
});

test('the 1,200-user customer: three clicks move every user, page after page of the users grid', async ({
  openPortal,
}) => {
  test.setTimeout(600_000);
  const { portal, page } = await openPortal({
    scenario: 'enterprise-kaizala-1200',
    provisioningDelayMs: 500,
    skeletonDelayMs: 100,
  });
  const { panel, tenant } = await openPanel(page, portal, 'enterprise-kaizala-1200');
  await panel.getByRole('button', { name: /^Buy 1,200 × Office 365 E1 for / }).click();
  await expect(panel.getByText(/^Bought: order /)).toBeVisible({ timeout: 60_000 });
  await panel.getByRole('button', { name: /^Move 1,200 users from / }).click();
  // Long work says what it is doing: the users are found page after page of the grid (20 a page).
  await expect(panel.getByRole('status').filter({ hasText: /^Selecting the users on Users and licenses: / })).toBeVisible({
    timeout: 120_000,
  });
  await expect(panel.getByRole('progressbar')).toHaveAttribute('aria-valuemax', '1200', { timeout: 120_000 });
  await expect(panel.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '1200', { timeout: 400_000 });
  await panel.getByRole('button', { name: /^Suspend Kaizala Pro/ }).click();
  await expect(panel.getByText('Migration complete.')).toBeVisible({ timeout: 60_000 });

  const skus = await apiAll<Sku>(portal, `/customers/${tenant}/subscribedskus`);
  const consumed = (name: string) => skus.find((s) => s.productSku.name === name)?.consumedUnits ?? 0;
  expect(consumed('Office 365 E1')).toBe(1200);
  expect(consumed('Microsoft Kaizala Pro')).toBe(0);
  const subs = await apiAll<Sub>(portal, `/customers/${tenant}/subscriptions`);
  expect(subs.filter((s) => s.offerName === 'Kaizala Pro' && s.status === 'suspended')).toHaveLength(1);
  // Each user's license was changed exactly once: nothing was done twice.
  const updates = portal.sim.log.filter((e) => e.method === 'POST' && e.path.endsWith('/licenseupdates'));
  expect(updates).toHaveLength(1200);
});

test('a portal whose users grid forgets its ticks on every page turn: step B notices and goes a page at a time', async ({
  openPortal,
}) => {
  test.setTimeout(180_000);
  const { portal, page } = await openPortal({
    scenario: 'small-business-kaizala',
    provisioningDelayMs: 500,
    pageSize: 10,
    selectionPerPage: true,
  });
  const { panel, tenant } = await openPanel(page, portal, 'small-business-kaizala');
  await panel.getByRole('button', { name: /^Buy 25 × / }).click();
  await expect(panel.getByText(/^Bought: order /)).toBeVisible({ timeout: 60_000 });
  await panel.getByRole('button', { name: /^Move 25 users / }).click();
  await expect(panel.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '25', { timeout: 120_000 });
  await panel.getByRole('button', { name: /^Suspend Kaizala Pro/ }).click();
  await expect(panel.getByText('Migration complete.')).toBeVisible({ timeout: 60_000 });
  const skus = await apiAll<Sku>(portal, `/customers/${tenant}/subscribedskus`);
  const consumed = (name: string) => skus.find((s) => s.productSku.name === name)?.consumedUnits ?? 0;
  expect(consumed('Microsoft 365 Business Basic')).toBe(25);
  expect(consumed('Microsoft Kaizala Pro')).toBe(0);
  // Nobody was changed twice, and no save failed a user.
  const updates = portal.sim.log.filter((e) => e.method === 'POST' && e.path.endsWith('/licenseupdates'));
  expect(updates).toHaveLength(25);
  expect(updates.every((e) => e.status < 300)).toBe(true);
});

test('a Sales agent without license rights is stopped at the first refused change, with nothing changed', async ({
  openPortal,
}) => {
  test.setTimeout(180_000);
  const { portal, page } = await openPortal({
    scenario: 'small-business-kaizala',
    role: 'sales-agent',
    provisioningDelayMs: 500,
  });
  const { panel, tenant } = await openPanel(page, portal, 'small-business-kaizala');
  await expect(panel.getByText(/Moving licenses needs an Admin agent/)).toBeVisible();
  await panel.getByRole('button', { name: /^Buy 25 × / }).click();
  await expect(panel.getByText(/^Bought: order /)).toBeVisible({ timeout: 60_000 });
  await panel.getByRole('button', { name: /^Move 25 users / }).click();
  await expect(panel.getByRole('alert')).toContainText('An Admin agent must finish step B', { timeout: 60_000 });
  const skus = await apiAll<Sku>(portal, `/customers/${tenant}/subscribedskus`);
  expect(skus.find((s) => s.productSku.name === 'Microsoft Kaizala Pro')?.consumedUnits).toBe(25);
  const subs = await apiAll<Sub>(portal, `/customers/${tenant}/subscriptions`);
  expect(subs.filter((s) => s.offerName === 'Kaizala Pro' && s.status === 'active')).toHaveLength(1);
  // Step C stays closed: the old subscription keeps running until its users have moved.
  await expect(panel.getByRole('button', { name: /^Suspend / })).toHaveCount(0);
  // Only the first grid page's users were tried (20 a page) before the assistant stopped.
  const tried = portal.sim.log.filter((e) => e.method === 'POST' && e.path.endsWith('/licenseupdates'));
  expect(tried.length).toBeGreaterThan(0);
  expect(tried.length).toBeLessThanOrEqual(20);
  expect(tried.every((e) => e.status === 403)).toBe(true);
});

test('a customer already covered by Office 365 E3 buys nothing: clean-up and suspension only', async ({
  openPortal,
}) => {
  test.setTimeout(180_000);
  const { portal, page } = await openPortal({ scenario: 'covered-by-o365-e3' });
  const { panel, tenant } = await openPanel(page, portal, 'covered-by-o365-e3');
  await expect(panel.getByText(/A\. Buy the new subscription — Not needed/)).toBeVisible();
  await expect(panel.getByRole('button', { name: /^Buy / })).toHaveCount(0);
  // Step B only clears Kaizala Pro (users keep the service through E3), and its button says so.
  await panel.getByRole('button', { name: /^Remove .*Kaizala Pro from 40 users \(they keep the service through Office 365 E3\)$/ }).click();
  await expect(panel.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '40', { timeout: 120_000 });
  await panel.getByRole('button', { name: /^Suspend Kaizala Pro/ }).click();
  await expect(panel.getByText('Migration complete.')).toBeVisible({ timeout: 60_000 });
  const orders = portal.sim.log.filter((e) => e.method === 'POST' && e.path.endsWith('/orders'));
  expect(orders).toHaveLength(0);
  const skus = await apiAll<Sku>(portal, `/customers/${tenant}/subscribedskus`);
  expect(skus.find((s) => s.productSku.name === 'Microsoft Kaizala Pro')?.consumedUnits ?? 0).toBe(0);
  expect(skus.find((s) => s.productSku.name === 'Office 365 E3')?.consumedUnits).toBe(40);
});

test('a wrong quantity is refused with a reason, and another replacement can be chosen', async ({ openPortal }) => {
  test.setTimeout(120_000);
  const { portal, page } = await openPortal({ scenario: 'small-business-kaizala', provisioningDelayMs: 500 });
  const { panel, tenant } = await openPanel(page, portal, 'small-business-kaizala');
  const quantity = panel.getByRole('spinbutton', { name: 'Licenses to buy' });
  await quantity.fill('301');
  await quantity.press('Tab');
  await expect(panel.getByRole('alert')).toBeVisible();
  await expect(panel.getByRole('button', { name: /^Buy 301 × / })).toBeDisabled();
  await quantity.fill('10');
  await quantity.press('Tab');
  await expect(panel.getByRole('alert')).toContainText('25');
  await quantity.fill('25');
  await quantity.press('Tab');
  await expect(panel.getByRole('alert')).toHaveCount(0);
  // Chosen with the keyboard, as an agent would: the panel acts on the agent's own input only.
  await panel.getByRole('combobox', { name: 'Choose another replacement' }).focus();
  await page.keyboard.type('Office 365 E1');
  const buy = panel.getByRole('button', { name: 'Buy 25 × Office 365 E1 for Alpine Ski House' });
  await expect(buy).toBeEnabled();
  await buy.click();
  await expect(panel.getByText(/^Bought: order /)).toBeVisible({ timeout: 60_000 });
  const subs = await apiAll<Sub>(portal, `/customers/${tenant}/subscriptions`);
  expect(subs.filter((s) => s.offerName === 'Office 365 Enterprise E1' && s.status === 'active')).toHaveLength(1);
  expect(subs.filter((s) => s.offerName === 'Office 365 Business Essentials')).toHaveLength(0);
});

test('a retiring subscription whose SKU is shared moves only its own seats; the others keep theirs', async ({
  openPortal,
}) => {
  test.setTimeout(180_000);
  const { portal, page } = await openPortal({ scenario: 'dynamics-shared-sku', provisioningDelayMs: 500 });
  const { panel, tenant } = await openPanel(page, portal, 'dynamics-shared-sku');
  await panel.getByRole('button', { name: /^Buy 7 × Dynamics 365 for Sales Professional for / }).click();
  await expect(panel.getByText(/^Bought: order /)).toBeVisible({ timeout: 60_000 });

  // Only 7 of the 22 holders move: the agent picks which, starting from a ticked suggestion.
  const pool = panel.getByRole('group', { name: /^Choose the 7 users who move: 22 users hold / });
  await expect(pool.getByRole('checkbox', { checked: true })).toHaveCount(7);
  const move = panel.getByRole('button', { name: /^Move 7 users / });
  const dropped = pool.getByRole('checkbox', { checked: true }).first();
  const droppedUpn = upnIn(await dropped.locator('xpath=..').innerText());
  await dropped.uncheck();
  await expect(pool.getByText('6 users chosen: choose exactly 7 before moving them.')).toBeVisible();
  await expect(move).toBeDisabled();
  const added = pool.getByRole('checkbox', { checked: false }).last();
  const addedUpn = upnIn(await added.locator('xpath=..').innerText());
  await added.check();
  await expect(pool.getByText('7 of 7 users chosen.')).toBeVisible();
  await move.click();
  await expect(panel.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '7', { timeout: 120_000 });
  await panel.getByRole('button', { name: /^Suspend / }).click();
  await expect(panel.getByText('Migration complete.')).toBeVisible({ timeout: 60_000 });
  const skus = await apiAll<Sku>(portal, `/customers/${tenant}/subscribedskus`);
  const sales = skus.find((s) => s.productSku.name.includes('Sales Enterprise'));
  expect(sales?.consumedUnits).toBe(15);
  expect(skus.find((s) => s.productSku.name.includes('Sales Professional'))?.consumedUnits).toBe(7);
  // Exactly the agent's choice moved.
  const users = await apiAll<{ id: string; userPrincipalName: string }>(portal, `/customers/${tenant}/users`);
  const productsOf = async (upn: string) => {
    const id = users.find((u) => u.userPrincipalName === upn)?.id;
    const held = await apiAll<{ productSku: { name: string } }>(portal, `/customers/${tenant}/users/${id}/licenses`);
    return held.map((l) => l.productSku.name).join(', ');
  };
  expect(await productsOf(addedUpn)).toContain('Sales Professional');
  expect(await productsOf(droppedUpn)).toContain('Sales Enterprise');
  expect(await productsOf(droppedUpn)).not.toContain('Sales Professional');
});

/** The user principal name in a line of the users chooser ("Name upn@domain"). */
function upnIn(text: string): string {
  const upn = text.split(/\s+/).find((w) => w.includes('@'));
  if (!upn) throw new Error(`no user principal name in "${text}"`);
  return upn;
}

test('two tabs on one customer: while one runs a step the other only shows progress', async ({ ext, openPortal }) => {
  test.setTimeout(180_000);
  const { portal, page } = await openPortal({ scenario: 'small-business-kaizala', provisioningDelayMs: 4000 });
  const { panel } = await openPanel(page, portal, 'small-business-kaizala');
  const second = await ext.context.newPage();
  const { panel: other } = await openPanel(second, portal, 'small-business-kaizala');
  await page.bringToFront();
  await panel.getByRole('button', { name: /^Buy 25 × / }).click();
  await expect(other.getByText('Another tab is running a step of this migration.', { exact: false })).toBeVisible({
    timeout: 20_000,
  });
  await expect(other.getByRole('button', { name: /^Buy 25 × / })).toHaveCount(0);
  await expect(panel.getByText(/^Bought: order /)).toBeVisible({ timeout: 60_000 });
  await expect(other.getByText(/^Bought: order /)).toBeVisible({ timeout: 20_000 });
  const orders = portal.sim.log.filter((e) => e.method === 'POST' && e.path.endsWith('/orders'));
  expect(orders).toHaveLength(1);
});

test('the audit log exports as CSV that Excel reads with Korean names, and as JSON', async ({ openPortal }) => {
  test.setTimeout(120_000);
  const { portal, page } = await openPortal({ scenario: 'korean-customer', provisioningDelayMs: 500 });
  const { panel } = await openPanel(page, portal, 'korean-customer', '/ko-kr');
  await panel.getByRole('button', { name: /구매$/ }).click();
  await expect(panel.getByText(/^구매 완료: 주문 /)).toBeVisible({ timeout: 60_000 });
  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    panel.getByRole('button', { name: '로그 내보내기(CSV)' }).click(),
  ]);
  const csvText = readFileSync((await csv.path()) as string, 'utf8');
  expect(csvText.charCodeAt(0)).toBe(0xfeff);
  expect(csvText).toContain('한결테크 주식회사');
  expect(csvText).toContain('\r\n');
  const [json] = await Promise.all([
    page.waitForEvent('download'),
    panel.getByRole('button', { name: '로그 내보내기(JSON)' }).click(),
  ]);
  const data = JSON.parse(readFileSync((await json.path()) as string, 'utf8'));
  expect(data.migration.steps.purchase.state).toBe('done');
  expect(data.entries.length).toBeGreaterThan(2);
});

test('a customer who already owns the replacement with free seats skips step A', async ({ openPortal }) => {
  test.setTimeout(180_000);
  const { portal, page } = await openPortal({ scenario: 'small-business-kaizala', provisioningDelayMs: 0 });
  const tenant = portal.sim.customerOf('small-business-kaizala')?.customer.id as string;
  // Bought earlier, outside the assistant: 30 seats of the recommended offer.
  await apiSend(portal, 'POST', `/customers/${tenant}/orders`, {
    lineItems: [{ lineItemNumber: 0, offerId: 'BD938F12-058F-4927-BBA3-AE36B1D2501C', quantity: 30 }],
  });
  await expect
    .poll(async () => (await apiAll<Sub>(portal, `/customers/${tenant}/subscriptions`)).filter((s) => s.offerName === 'Office 365 Business Essentials' && s.status === 'active').length)
    .toBe(1);
  const { panel } = await openPanel(page, portal, 'small-business-kaizala');
  await expect(panel.getByText(/A\. Buy the new subscription — Not needed/)).toBeVisible();
  await expect(panel.getByText(/already has Microsoft 365 Business Basic with 30 free licenses/)).toBeVisible();
  await panel.getByRole('button', { name: /^Move 25 users / }).click();
  await expect(panel.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '25', { timeout: 120_000 });
  const orders = portal.sim.log.filter((e) => e.method === 'POST' && e.path.endsWith('/orders'));
  expect(orders).toHaveLength(1);
  // The users moved onto the seats the customer already had: nobody lost Kaizala without a replacement.
  const skus = await apiAll<Sku>(portal, `/customers/${tenant}/subscribedskus`);
  const consumed = (name: string) => skus.find((s) => s.productSku.name === name)?.consumedUnits ?? 0;
  expect(consumed('Microsoft 365 Business Basic')).toBe(25);
  expect(consumed('Microsoft Kaizala Pro')).toBe(0);
});
