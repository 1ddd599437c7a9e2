import type { BrowserContext, Page } from '@playwright/test';
import { summary } from './stats';

/**
 * In the page: stamps the agent's click (a trusted click reaches window's capture listeners from our
 * shadow root, retargeted to its host) and, each frame from then on, looks for the Migrate panel's
 * heading inside its island. The panel's script is injected by the background on the first open.
 */
function watchOpen(): void {
  const w = window as unknown as { __open: { clickAt: number; shownAt: number } };
  w.__open = { clickAt: -1, shownAt: -1 };
  window.addEventListener(
    'click',
    (event) => {
      if (!event.isTrusted || w.__open.clickAt >= 0) return;
      w.__open.clickAt = performance.now();
      const look = () => {
        const heading = document.querySelector('pcma-panel')?.shadowRoot?.querySelector('h2');
        if (heading) w.__open.shownAt = performance.now();
        else requestAnimationFrame(look);
      };
      requestAnimationFrame(look);
    },
    { capture: true },
  );
}

async function openOnce(page: Page): Promise<number> {
  await page.evaluate(watchOpen);
  await page.getByRole('button', { name: /^Migrate / }).first().click();
  await page.waitForFunction(() => (window as unknown as { __open: { shownAt: number } }).__open.shownAt >= 0, null, {
    timeout: 30_000,
  });
  const { clickAt, shownAt } = await page.evaluate(() => (window as unknown as { __open: { clickAt: number; shownAt: number } }).__open);
  return shownAt - clickAt;
}

/**
 * Click on Migrate to the panel showing its heading, `loads` times in fresh tabs: the first open of a
 * page (the panel's script injected, the panel's reads) and a second open after closing it.
 */
export async function clickToPanel(context: BrowserContext, url: string, loads: number) {
  const first: number[] = [];
  const again: number[] = [];
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
  return { first: summary(first), again: summary(again) };
}
