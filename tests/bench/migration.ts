import { expect, type BrowserContext } from '@playwright/test';
import type { InstalledPortal } from '../portal/serve';
import { PhaseRecorder, type Span } from './phases';

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
  /**
   * The portal's save sends one license update per user through the API: how many, how many were ever
   * in flight at once (from their arrival times in the simulator's log and the latency), and the floor
   * that sets. The step waits for the save, so it adds to our requests' floor.
   */
  saveUpdates: number;
  saveInFlight: number;
  saveFloorS: number;
  /** Where the time went: each step, step B's phases and the portal's own backend requests. */
  phases: Span[];
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
  const count = (r: { url(): string }) => {
    if (isApi(r.url())) {
      api++;
      maxInFlight = Math.max(maxInFlight, ++inFlight);
    } else if (r.url().startsWith('https://partner.microsoft.com/')) pages++;
  };
  const settle = (r: { url(): string }) => {
    if (isApi(r.url())) inFlight--;
  };
  context.on('request', count);
  context.on('requestfinished', settle);
  context.on('requestfailed', settle);
  const phases = new PhaseRecorder(context, page, start);
  await migrate.click();
  const panel = page.getByRole('dialog');
  let clicks = 1;
  let finished = true;
  const left = () => Math.max(1, start + deadlineMs - Date.now());
  try {
    for (const [i, name] of STEP_BUTTONS.entries()) {
      await panel.getByRole('button', { name }).click({ timeout: left() });
      clicks++;
      const clickedAt = Date.now();
      // A step is done when the next one's button can be pressed (or, after C, the migration is complete).
      const next = STEP_BUTTONS[i + 1];
      if (next) await expect(panel.getByRole('button', { name: next })).toBeEnabled({ timeout: left() });
      else await expect(panel.getByText(COMPLETE)).toBeVisible({ timeout: left() });
      phases.mark(`step ${'ABC'[i]}`, clickedAt, Date.now());
    }
  } catch {
    finished = false;
  }
  const wallS = (Date.now() - start) / 1000;
  const moved = Number((await panel.getByRole('progressbar').first().getAttribute('aria-valuenow').catch(() => null)) ?? 0);
  const spans = phases.stop();
  context.off('request', count);
  context.off('requestfinished', settle);
  context.off('requestfailed', settle);
  await page.close();
  const updates = portal.sim.log
    .filter((e) => e.method === 'POST' && e.path.endsWith('/licenseupdates'))
    .map((e) => e.at)
    .sort((a, b) => a - b);
  let saveInFlight = 0;
  for (let i = 0, j = 0; i < updates.length; i++) {
    while ((updates[j] ?? Infinity) <= (updates[i] ?? 0) - latencyMs) j++;
    saveInFlight = Math.max(saveInFlight, i - j + 1);
  }
  return {
    users,
    saveUpdates: updates.length,
    saveInFlight,
    saveFloorS: Math.round((Math.ceil(updates.length / Math.max(1, saveInFlight)) * latencyMs) / 100) / 10,
    finished,
    moved,
    wallS: Math.round(wallS * 10) / 10,
    clicks,
    manualClicks: 6 + 3 + 5 * users + 5,
    apiRequests: api,
    portalRequests: pages,
    maxInFlight,
    floorS: Math.round((Math.ceil(api / Math.max(1, maxInFlight)) * latencyMs) / 100) / 10,
    phases: spans,
  };
}
