// Scaled time for the 2,000-customer scan (tests/e2e/worklist-scale.spec.ts, tests/bench/scan.ts).
// The production build cannot change, so time runs `factor` times faster on both sides of the wire:
// the simulator reads a scaled clock (its rate-limit window, the Retry-After it computes, the log's
// `at`) and sleeps its latency scaled down, and the extension's service worker gets the same clock
// patched in through Playwright before the scan starts. Both map real time t to
// epoch + (t - epoch) * factor with one shared epoch, so the worker's stamps (read times, failures),
// the simulator's log and a restarted worker all live on one timeline.
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { matchRetiredOffer } from '../../lib/catalog/match';
import { type Catalog, Retirement } from '../../lib/catalog/schema';
import { API_ORIGIN } from '../portal/api/handler';
import { type LogEntry, SimulatedPartnerCenter } from '../portal/api/handler';
import type { FaultConfig } from '../portal/api/faults';
import { type InstalledPortal, installPortal } from '../portal/serve';
import type { ExtensionBrowser } from './browser';

export interface ScaledTime {
  factor: number;
  /** Real ms where scaled and real time agree. */
  epoch: number;
  /** The scaled clock (ms). */
  now(): number;
  /** Waits `ms` of scaled time. */
  sleep(ms: number): Promise<void>;
}

export function scaledTime(factor: number, epoch = Date.now()): ScaledTime {
  return {
    factor,
    epoch,
    now: () => epoch + (Date.now() - epoch) * factor,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms / factor)),
  };
}

/** The contract's throttling: about 500 requests a minute for the partner's tenant, with latency. */
export function contractThrottling(latencyMs: number): FaultConfig {
  // perTenant false: every request of the scan is the partner's (one token), whichever customer it reads.
  return { latency: [{ ms: latencyMs }], rateLimit: { requests: 500, windowMs: 60_000, perTenant: false } };
}

/**
 * Runs the extension's service worker on the scaled clock: Date.now, performance.now, setTimeout and
 * setInterval. The scheduler, the session client (timeouts, Retry-After, backoff) and the worklist
 * all look these up when they call them, so a worker patched before the scan starts runs on it.
 * Returns the worker's Date.now() right after, for the caller to check the patch took.
 */
export async function scaleWorkerTime(worker: Worker, time: ScaledTime): Promise<number> {
  return worker.evaluate(
    ({ factor, epoch }) => {
      type Timer = (run: (...a: unknown[]) => void, ms?: number, ...args: unknown[]) => unknown;
      const g = globalThis as unknown as Record<string, unknown> & { __realTime?: Record<string, unknown> };
      const real = (g.__realTime ??= {
        now: Date.now.bind(Date),
        perf: performance.now.bind(performance),
        setTimeout: (g.setTimeout as Timer).bind(globalThis),
        setInterval: (g.setInterval as Timer).bind(globalThis),
      }) as { now: () => number; perf: () => number; setTimeout: Timer; setInterval: Timer };
      const perfEpoch = real.perf() - (real.now() - epoch);
      Date.now = () => epoch + (real.now() - epoch) * factor;
      performance.now = () => perfEpoch + (real.perf() - perfEpoch) * factor;
      g.setTimeout = (run: (...a: unknown[]) => void, ms = 0, ...args: unknown[]) =>
        real.setTimeout(run, Math.max(0, Number(ms) || 0) / factor, ...args);
      g.setInterval = (run: (...a: unknown[]) => void, ms = 0, ...args: unknown[]) =>
        real.setInterval(run, Math.max(0, Number(ms) || 0) / factor, ...args);
      return Date.now();
    },
    { factor: time.factor, epoch: time.epoch },
  );
}

/**
 * Marks which API requests the extension's service worker sent (the scan), by MS-RequestId, as
 * opposed to the portal tab's own. Falls through to the simulator's route installed before it.
 */
export async function trackWorkerRequests(context: BrowserContext): Promise<Set<string>> {
  const ids = new Set<string>();
  await context.route(`${API_ORIGIN}/**`, (route) => {
    const request = route.request();
    const id = request.headers()['ms-requestid'];
    if (id && request.serviceWorker()) ids.add(id);
    return route.fallback();
  });
  return ids;
}

/** The most requests inside any window of `windowMs` (by the log's `at`, the simulator's clock). */
export function busiestWindow(entries: readonly LogEntry[], windowMs: number): number {
  const times = entries.map((e) => e.at).sort((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; i < times.length; i += 1) {
    while ((times[j] ?? 0) <= (times[i] ?? 0) - windowMs) j += 1;
    most = Math.max(most, i - j + 1);
  }
  return most;
}

const SUBSCRIPTIONS_READ = /^\/customers\/([^/]+)\/subscriptions$/;
const CUSTOMER_READ = /^\/customers\/([^/]+)$/;

/**
 * Customer id (lower case) → how many times the scan read its subscriptions with success. A pre-flight
 * check reads them too, beside the customer itself, which the scan never reads: each successful
 * customer read stands for one check's subscriptions read and is taken off. Count once the checks
 * have ended (a check's two reads may land apart).
 */
export function readsPerCustomer(entries: readonly LogEntry[]): Map<string, number> {
  const reads = new Map<string, number>();
  const add = (id: string, n: number) => reads.set(id.toLowerCase(), (reads.get(id.toLowerCase()) ?? 0) + n);
  for (const e of entries) {
    if (e.method !== 'GET' || e.status !== 200) continue;
    const scanned = SUBSCRIPTIONS_READ.exec(e.path)?.[1];
    const checked = CUSTOMER_READ.exec(e.path)?.[1];
    if (scanned) add(scanned, 1);
    if (checked) add(checked, -1);
  }
  for (const [id, n] of reads) if (n <= 0) reads.delete(id);
  return reads;
}

/** The extension's catalog data (lib/catalog/data), validated by its own schema. */
export function catalogFromData(): Catalog {
  const dir = join(import.meta.dirname, '../../lib/catalog/data');
  const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  return { retirements: files.map((f) => Retirement.parse(JSON.parse(readFileSync(join(dir, f), 'utf8')))) };
}

/**
 * The customers the worklist must list, from the simulator's seeded state and the banners' rule
 * (lib/overlay/retiring-rule.ts: active, and the offer in the catalog; the offer name falling back
 * to the friendly name as lib/worklist/retiring.ts does). lib/catalog's index loads its data through
 * the bundler, so the rule's two parts are applied here over the same data and matcher.
 */
export function expectedRetiring(sim: SimulatedPartnerCenter, catalog: Catalog): Map<string, { name: string; subscriptions: number }> {
  const found = new Map<string, { name: string; subscriptions: number }>();
  for (const record of sim.state.customers) {
    const subscriptions = record.subscriptions.filter(({ resource: s }) => {
      if (s.status.toLowerCase() !== 'active') return false;
      const offerName = s.offerName ?? s.friendlyName ?? '';
      return matchRetiredOffer(catalog, { offerId: s.offerId, offerName }) !== null;
    }).length;
    if (subscriptions > 0) {
      found.set(record.customer.id.toLowerCase(), { name: record.customer.companyProfile.companyName, subscriptions });
    }
  }
  return found;
}

export interface ScaledScan {
  time: ScaledTime;
  sim: SimulatedPartnerCenter;
  portal: InstalledPortal;
  /** The agent's Partner Center tab, on the customer list. */
  page: Page;
  /** The log's requests sent by the extension's service worker (the scan), of entries `from` to `to`. */
  scanLog(from?: number, to?: number): LogEntry[];
  /** The side panel's page in a tab. */
  openSidePanel(): Promise<Page>;
}

/**
 * The 2,000-customer partner on a clock `scale` times faster, with the contract's throttling and
 * `latencyMs` per request; the agent's portal tab open on the customer list; the service worker on
 * the same clock. Nothing is scanned yet.
 */
export async function scaledScan(ext: ExtensionBrowser, scale: number, latencyMs: number): Promise<ScaledScan> {
  const time = scaledTime(scale);
  const sim = new SimulatedPartnerCenter({
    scenario: 'partner-2000',
    now: new Date(time.now()),
    clock: time.now,
    sleep: time.sleep,
    faults: contractThrottling(latencyMs),
  });
  const portal = await installPortal(ext.context, { sim });
  const fromWorker = await trackWorkerRequests(ext.context);
  const origin = `chrome-extension://${ext.extensionId}/`;
  // The e2e fixture refuses every request it does not serve: let the extension's own pages through.
  await ext.context.route((url) => url.href.startsWith(origin), (route) => route.continue());
  const page = await ext.context.newPage();
  await page.goto(portal.url('/dashboard/v2/customers/list'));
  await page.getByRole('grid').waitFor({ timeout: 60_000 });
  // The patched clock is ahead of the real one by (scale - 1) × the time since the epoch: it took.
  if ((await scaleWorkerTime(ext.background, time)) <= Date.now()) throw new Error('the service worker clock is not scaled');
  return {
    time,
    sim,
    portal,
    page,
    scanLog: (from = 0, to = sim.log.length) => sim.log.slice(from, to).filter((e) => e.requestId !== undefined && fromWorker.has(e.requestId)),
    async openSidePanel() {
      const panel = await ext.context.newPage();
      await panel.goto(`${origin}sidepanel.html`);
      return panel;
    },
  };
}
