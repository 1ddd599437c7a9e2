import { expect, type BrowserContext } from '@playwright/test';
import type { InstalledPortal } from '../portal/serve';

export interface MigrationFigures {
  users: number;
  /** False when the deadline passed first: the figures are then where it stood. */
  finished: boolean;
  /** Users moved when it finished or the deadline passed. */
  moved: number;
  wallS: number;
  /** Clicks the agent made: Migrate, then one per step. */
  clicks: number;
  /** The clicks the seed guides' manual flow needs: 6 for A, 3 + 5 per user for B, 5 for C. */
  manualClicks: number;
  apiRequests: number;
  portalRequests: number;
  maxInFlight: number;
  /** The API requests made one latency each, as many at once as were ever in flight (s). */
  floorS: number;
}

// Counts are written as the agent reads them ("1,200").
const STEP_BUTTONS = [/^Buy [\d,]+ × /, /^Move [\d,]+ users /, /^Suspend /] as const;
const COMPLETE = /^Migration complete\.$/;

/** Migrates one customer with three clicks at `latencyMs` per request, counting requests and clicks. */
export async function timeMigration(
  context: BrowserContext,
  portal: InstalledPortal,
  scenario: string,
  latencyMs: number,
  deadlineMs: number,
): Promise<MigrationFigures> {
  const tenant = portal.sim.customerOf(scenario)?.customer.id as string;
  const users = portal.sim.customerOf(scenario)?.users.length ?? 0;
  const page = await context.newPage();
  await page.goto(portal.url(`/dashboard/v2/customers/${tenant}/subscriptions`));
  const migrate = page.getByRole('button', { name: /^Migrate / }).first();
  await migrate.waitFor({ timeout: 60_000 });
  let api = 0;
  let pages = 0;
  let inFlight = 0;
  let maxInFlight = 0;
  const start = Date.now();
  const isApi = (url: string) => url.startsWith('https://api.partnercenter.microsoft.com/');
  context.on('request', (r) => {
    if (isApi(r.url())) {
      api++;
      maxInFlight = Math.max(maxInFlight, ++inFlight);
    } else if (r.url().startsWith('https://partner.microsoft.com/')) pages++;
  });
  const settle = (r: { url(): string }) => {
    if (isApi(r.url())) inFlight--;
  };
  context.on('requestfinished', settle);
  context.on('requestfailed', settle);
  await migrate.click();
  const panel = page.getByRole('dialog');
  let clicks = 1;
  let finished = true;
  const left = () => Math.max(1, start + deadlineMs - Date.now());
  try {
    for (const [i, name] of STEP_BUTTONS.entries()) {
      await panel.getByRole('button', { name }).click({ timeout: left() });
      clicks++;
      // A step is done when the next one's button can be pressed (or, after C, the migration is complete).
      const next = STEP_BUTTONS[i + 1];
      if (next) await expect(panel.getByRole('button', { name: next })).toBeEnabled({ timeout: left() });
      else await expect(panel.getByText(COMPLETE)).toBeVisible({ timeout: left() });
    }
  } catch {
    finished = false;
  }
  const wallS = (Date.now() - start) / 1000;
  const moved = Number((await panel.getByRole('progressbar').first().getAttribute('aria-valuenow').catch(() => null)) ?? 0);
  context.removeAllListeners('request');
  context.removeAllListeners('requestfinished');
  context.removeAllListeners('requestfailed');
  await page.close();
  return {
    users,
    finished,
    moved,
    wallS: Math.round(wallS * 10) / 10,
    clicks,
    manualClicks: 6 + 3 + 5 * users + 5,
    apiRequests: api,
    portalRequests: pages,
    maxInFlight,
    floorS: Math.round((Math.ceil(api / Math.max(1, maxInFlight)) * latencyMs) / 100) / 10,
  };
}
