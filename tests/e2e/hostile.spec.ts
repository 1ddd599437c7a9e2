import type { Page } from '@playwright/test';
import type { InstalledPortal } from '../portal/serve';
import { expect, test } from './fixtures';

// The portal's own scripts share the page with our UI: our banners and panel live in open shadow
// roots, so any script of the page can find our controls, call .click() on them, set their values
// and dispatch events. None of that may start, confirm or change anything: only the agent's own
// input does. Nor may the page switch the overlay off by replaying WXT's start message.

const SCENARIO = 'small-business-kaizala';
const BUY_25 = 'Buy 25 × Microsoft 365 Business Basic for Alpine Ski House';

type Attack = 'click-migrate' | 'drive-panel';

/**
 * Runs in the portal page's own JavaScript world (not the extension's), as a hostile or buggy
 * portal script would: it reaches our controls through open shadow roots and acts on them with
 * script calls and synthetic events. Returns how many of our controls it found and acted on.
 */
function asThePage(page: Page, attack: Attack): Promise<number> {
  return page.evaluate((what) => {
    const deepAll = <E extends Element>(root: Document | ShadowRoot, selector: string): E[] => {
      const found = [...root.querySelectorAll<E>(selector)];
      for (const el of root.querySelectorAll('*')) if (el.shadowRoot) found.push(...deepAll<E>(el.shadowRoot, selector));
      return found;
    };
    const keys = (target: Element, key: string) => {
      for (const type of ['keydown', 'keypress', 'keyup']) {
        target.dispatchEvent(new KeyboardEvent(type, { key, code: key, bubbles: true, cancelable: true, composed: true }));
      }
    };
    let acted = 0;
    if (what === 'click-migrate') {
      for (const button of deepAll<HTMLButtonElement>(document, 'button[aria-label^="Migrate "]')) {
        button.click();
        button.focus();
        keys(button, 'Enter');
        keys(button, ' ');
        acted++;
      }
      return acted;
    }
    for (const input of deepAll<HTMLInputElement>(document, '[role="dialog"] input[type="number"]')) {
      input.focus();
      input.value = '300';
      input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      input.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
      acted++;
    }
    for (const select of deepAll<HTMLSelectElement>(document, '[role="dialog"] select')) {
      for (const option of [...select.options].filter((o) => !o.selected && !o.disabled)) {
        option.click();
        select.value = option.value;
        select.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
        select.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
        acted++;
      }
    }
    for (const button of deepAll<HTMLButtonElement>(document, '[role="dialog"] button')) {
      const label = button.textContent ?? '';
      // Buy, and every other button of the panel but Close (tried last, by click and Escape).
      if (label === 'Close') continue;
      button.click();
      button.focus();
      keys(button, 'Enter');
      keys(button, ' ');
      acted++;
    }
    for (const dialog of deepAll<HTMLElement>(document, '[role="dialog"]')) {
      keys(dialog, 'Escape');
      for (const close of deepAll<HTMLButtonElement>(dialog.getRootNode() as ShadowRoot, 'button.panel__close')) {
        close.click();
        acted++;
      }
    }
    return acted;
  }, attack);
}

/** What the simulated Partner Center was asked to write: orders placed, licenses changed. */
function writes(portal: InstalledPortal) {
  const log = portal.sim.log;
  return {
    orders: log.filter((e) => e.method === 'POST' && e.path.endsWith('/orders')).length,
    licenseUpdates: log.filter((e) => e.method === 'POST' && e.path.endsWith('/licenseupdates')).length,
  };
}

test('a script of the portal page can neither open the panel, nor change the quantity or plan, nor buy', async ({
  openPortal,
}) => {
  const { portal, page } = await openPortal({ scenario: SCENARIO, provisioningDelayMs: 500 });
  const tenant = portal.sim.customerOf(SCENARIO)?.customer.id;
  await page.goto(portal.url(`/dashboard/v2/customers/${tenant}/subscriptions`));
  const migrate = page.getByRole('button', { name: 'Migrate Kaizala Pro' });
  await expect(migrate).toBeVisible();
  const panel = page.getByRole('dialog');

  // The page clicks Migrate (and presses Enter and Space on it): no panel opens.
  expect(await asThePage(page, 'click-migrate')).toBe(1);
  await page.waitForTimeout(2_000);
  await expect(panel).toHaveCount(0);

  // The agent's own click opens it.
  await migrate.click();
  await expect(panel).toBeVisible();
  const buy = panel.getByRole('button', { name: BUY_25 });
  await expect(buy).toBeVisible();
  const quantity = panel.getByRole('spinbutton', { name: 'Licenses to buy' });
  const plan = panel.getByRole('combobox', { name: 'Choose another replacement' });
  const planBefore = await plan.inputValue();

  // The page sets 300 licenses, picks the other plans, clicks Buy and every other button, presses
  // Enter, Space and Escape, and clicks Close.
  expect(await asThePage(page, 'drive-panel')).toBeGreaterThanOrEqual(4);
  await page.waitForTimeout(3_000);

  // Nothing changed: the panel is open, the click still buys 25 of the same plan, nothing runs, and
  // Partner Center received no order and no license change.
  await expect(panel).toBeVisible();
  await expect(buy).toBeVisible();
  await expect(buy).toBeEnabled();
  await expect(panel.getByRole('button', { name: /^Buy 300 / })).toHaveCount(0);
  await expect(quantity).toHaveValue('25');
  await expect(plan).toHaveValue(planBefore);
  await expect(panel.getByText(/^Bought: order /)).toHaveCount(0);
  await expect(panel.getByRole('heading', { name: /— Running/ })).toHaveCount(0);
  expect(writes(portal)).toEqual({ orders: 0, licenseUpdates: 0 });

  // The agent's own keyboard still works: typing a quantity changes the label, Enter on Close closes.
  await quantity.focus();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('30');
  await page.keyboard.press('Tab');
  await expect(panel.getByRole('button', { name: 'Buy 30 × Microsoft 365 Business Basic for Alpine Ski House' })).toBeVisible();
  await panel.getByRole('button', { name: 'Close' }).focus();
  await page.keyboard.press('Enter');
  await expect(panel).toHaveCount(0);
  expect(writes(portal)).toEqual({ orders: 0, licenseUpdates: 0 });
});

test("a page replaying WXT's content-script-started message does not switch the overlay off", async ({
  ext,
  openPortal,
}) => {
  const { portal, page } = await openPortal({ scenario: SCENARIO });
  const tenant = portal.sim.customerOf(SCENARIO)?.customer.id;
  await page.goto(portal.url(`/dashboard/v2/customers/${tenant}/subscriptions`));
  const banner = page.getByRole('region', { name: 'Retirement notice: Kaizala Pro' });
  await expect(banner).toBeVisible();

  // What WXT's ContentScriptContext sends when a newer copy of our content script starts, forged by
  // the page: the event on document, and the window message older WXT versions listen for.
  await page.evaluate((extensionId) => {
    const type = `${extensionId}:content:wxt:content-script-started`;
    document.dispatchEvent(new CustomEvent(type, { detail: { contentScriptName: 'content', messageId: 'x' } }));
    window.postMessage({ type, contentScriptName: 'content', messageId: 'x' }, '*');
  }, ext.extensionId);
  await page.waitForTimeout(1_000);
  await expect(banner).toBeVisible();

  // The overlay still follows the portal's own (client-side) navigation.
  await page.getByRole('link', { name: 'Users and licenses', exact: true }).click();
  await expect(page).toHaveURL(/\/users$/);
  await expect(banner).toHaveCount(0);
  await page.getByRole('link', { name: 'Subscriptions', exact: true }).click();
  await expect(page).toHaveURL(/\/subscriptions$/);
  await expect(banner).toBeVisible();

  // And Migrate still opens the panel for the agent.
  await banner.getByRole('button', { name: 'Migrate Kaizala Pro' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await expect(page.getByRole('dialog').getByRole('button', { name: BUY_25 })).toBeVisible();
});
