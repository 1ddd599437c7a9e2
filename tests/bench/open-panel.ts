import type { BrowserContext, Page } from '@playwright/test';
import { summary } from './stats';

/**
 * In the page: stamps the agent's click (a trusted click reaches window's capture listeners from our
 * shadow root, retargeted to its host) and, each frame from then on, looks inside the panel's island
 * for its title (the panel's frame, shown while it reads the customer: `aria-busy`) and for the panel
 * ready (a dialog no longer busy). The panel's script is injected by the background on the first open.
 */
function watchOpen(): void {
  const w = window as unknown as { __open: { clickAt: number; shownAt: number; readyAt: number } };
  w.__open = { clickAt: -1, shownAt: -1, readyAt: -1 };
  window.addEventListener(
    'click',
    (event) => {
      if (!event.isTrusted || w.__open.clickAt >= 0) return;
      w.__open.clickAt = performance.now();
      const look = () => {
        const root = document.querySelector('pcma-panel')?.shadowRoot;
        if (w.__open.shownAt < 0 && root?.querySelector('[role="dialog"] h2')) w.__open.shownAt = performance.now();
        if (root?.querySelector('[role="dialog"]:not([aria-busy="true"]) h2')) w.__open.readyAt = performance.now();
        else requestAnimationFrame(look);
      };
      requestAnimationFrame(look);
    },
    { capture: true },
  );
}

type Open = { shown: number; ready: number };

async function openOnce(page: Page): Promise<Open> {
  await page.evaluate(watchOpen);
  await page.getByRole('button', { name: /^Migrate / }).first().click();
  await page.waitForFunction(() => (window as unknown as { __open: { readyAt: number } }).__open.readyAt >= 0, null, {
    timeout: 30_000,
  });
  const { clickAt, shownAt, readyAt } = await page.evaluate(
    () => (window as unknown as { __open: { clickAt: number; shownAt: number; readyAt: number } }).__open,
  );
  return { shown: shownAt - clickAt, ready: readyAt - clickAt };
}

/**
 * Click on Migrate to the panel's frame and to the panel ready, `loads` times in fresh tabs: the
 * first open of a page (the panel's script injected, the customer read, the record stored) and a
 * second open after closing it.
 */
export async function clickToPanel(context: BrowserContext, url: string, loads: number) {
  const first: Open[] = [];
  const again: Open[] = [];
  for (let i = 0; i < loads; i++) {
    const page = await context.newPage();
    await page.goto(url);
    await page.getByRole('button', { name: /^Migrate / }).first().waitFor({ timeout: 30_000 });
    first.push(await openOnce(page));
    await page.locator('pcma-panel').getByRole('button', { name: 'Close' }).click();
    await page.locator('pcma-panel').waitFor({ state: 'detached' });
    again.push(await openOnce(page));
    await page.close();
  }
  const of = (opens: Open[]) => ({ shown: summary(opens.map((o) => o.shown)), ready: summary(opens.map((o) => o.ready)) });
  return { first: of(first), again: of(again) };
}
