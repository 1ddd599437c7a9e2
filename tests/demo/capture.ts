/**
 * Takes the headless demo's screenshots (the list is plan.ts): portal pages, and the Migrate panel
 * driven step by step by the e2e tests' agent. `captureFresh` works on a simulator and browser profile
 * of its own, so the demo's saved state (.demo/) is left as it was.
 */
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { idle, migrate, type StepName } from '../e2e/agent';
import { launchWithExtension } from '../e2e/browser';
import { openPanel } from '../e2e/panel';
import { SimulatedPartnerCenter } from '../portal/api/handler';
import { scenarioSubscriptionId } from '../portal/api/scenarios';
import { type InstalledPortal, installPortal } from '../portal/serve';
import { FRESH_SHOTS, LOCALE, type Moment, type PageShot, type PanelShot, pagePath, type Shot, VIEWPORT } from './plan';

/** The last step each moment waits for (none: the migration runs to its end). */
const UNTIL: Record<Exclude<Moment, 'before-a'>, StepName | undefined> = {
  'after-a': 'purchase',
  'after-b': 'reassign',
  'after-c': undefined,
};

async function shootPage(page: Page, portal: InstalledPortal, shot: PageShot, file: string): Promise<void> {
  const tenant = shot.scenario ? portal.sim.customerOf(shot.scenario)?.customer.id : undefined;
  if (shot.scenario && !tenant) throw new Error(`the simulator has no customer "${shot.scenario}"`);
  const subscription = shot.scenario ? scenarioSubscriptionId(shot.scenario, 'retiring') : undefined;
  await page.goto(portal.url(pagePath(shot, tenant, subscription)));
  // Skeleton rows are replaced by real rows after a moment, and the overlay follows: let it settle.
  await page.waitForTimeout(2500);
  await page.screenshot({ path: file, fullPage: shot.fullPage ?? false });
}

async function shootPanel(page: Page, portal: InstalledPortal, shot: PanelShot, file: string): Promise<void> {
  if (shot.moment === 'before-a') {
    const { panel } = await openPanel(page, portal, shot.scenario, LOCALE[shot.lang]);
    const state = await idle(page, panel, 60_000);
    if (state !== 'purchase') throw new Error(`the ${shot.lang} panel opened on "${state}", not step A`);
  } else {
    const until = UNTIL[shot.moment];
    const run = await migrate(page, until ? { until } : {});
    if (run.problems.length > 0) console.warn(`  (the panel stopped on the way: ${run.problems.join(' | ')})`);
    if (!until && !run.complete) throw new Error(`the ${shot.lang} migration did not complete`);
  }
  // Let the panel's last update paint.
  await page.waitForTimeout(500);
  await page.screenshot({ path: file });
}

/** Takes each shot into `dir` as <name>.png, printing its path; the page's viewport is plan.ts's. */
export async function takeShots(page: Page, portal: InstalledPortal, shots: Shot[], dir: string): Promise<void> {
  await page.setViewportSize(VIEWPORT);
  for (const shot of shots) {
    const file = join(dir, `${shot.name}.png`);
    if (shot.kind === 'page') await shootPage(page, portal, shot, file);
    else await shootPanel(page, portal, shot, file);
    console.log(`  ${file}`);
  }
}

/** FRESH_SHOTS on a new simulated Partner Center (the seeded customers) in a throw-away profile. */
export async function captureFresh(dir: string): Promise<void> {
  const ext = await launchWithExtension({ headless: true });
  try {
    const sim = new SimulatedPartnerCenter({ scenario: 'demo', now: new Date() });
    const portal = await installPortal(ext.context, { sim });
    const page = await ext.context.newPage();
    console.log('On a fresh simulator: the Korean customer list, detail pages, and both migrations step by step.');
    await takeShots(page, portal, FRESH_SHOTS, dir);
  } finally {
    await ext.close();
  }
}
