import { browser } from 'wxt/browser';
import { createSessionClient } from '@/lib/api';
import { builtInCatalog } from '@/lib/catalog';
import { localToday } from '@/lib/overlay/days';
import { customerSubscriptionsUrl, PORTAL_TABS, parseRoute, routeLanguage } from '@/lib/portal/routes';
import type { StoreDb } from '@/lib/store/db';
import { allMigrations } from '@/lib/store/migration-records';
import { loadScan, saveScan } from '@/lib/store/worklist';
import {
  type NextCustomer,
  TOKEN_REQUEST,
  TokenAnswer,
  type WorklistPortalRequest,
  type WorklistProblem,
  type WorklistRequest,
  type WorklistStatus,
} from '@/lib/worklist/messages';
import { nextCustomer, stillToMigrate, type WorklistRow, worklistRows } from '@/lib/worklist/rows';
import { runScan } from '@/lib/worklist/scan';
import { createScheduler, SCAN_MAX_IN_FLIGHT, SCAN_PER_MINUTE } from '@/lib/worklist/scheduler';
import { isFinished, newScan, progressOf, readTimes, refreshScan, type ScanProgress, type ScanState } from '@/lib/worklist/state';
import { createPendingOpens } from './pending-open';
import { createPreflight } from './preflight';

/** A refresh re-reads results older than this (and every failed customer). */
const STALE_AFTER_MS = 60 * 60_000;
/** Writing the scan after every one of 2,000 customers would cost more than it saves: at most this often. */
const SAVE_EVERY_MS = 1000;

/**
 * The worklist in the background (extension origin): one scan at a time across every customer, its
 * state in IndexedDB so a reload or a restart continues it, and the session's token asked of an open
 * portal tab and held in this worker's memory only.
 */
export function createWorklist(db: () => Promise<StoreDb>, now: () => number = () => Date.now()) {
  let state: ScanState | null = null;
  let loaded = false;
  let progress: ScanProgress | null = null;
  let running: AbortController | null = null;
  let problem: WorklistProblem | null = null;
  let token: string | null = null;
  const scheduler = createScheduler({ maxInFlight: SCAN_MAX_IN_FLIGHT, perWindow: SCAN_PER_MINUTE });
  const client = createSessionClient({ getToken: () => token, limiter: scheduler });
  const store = async (s: ScanState) => saveScan(await db(), s).catch(() => undefined);
  const preflight = createPreflight({ client, state: () => state, save: store, now });
  const pending = createPendingOpens(now);

  async function load(): Promise<void> {
    if (loaded) return;
    const stored = await loadScan(await db());
    loaded = true;
    if (stored === 'damaged') problem = 'damaged';
    else if (stored) {
      state = stored;
      // A worker restarted mid-scan: what its predecessor read in the last minute still counts.
      scheduler.spent(readTimes(stored));
      // A scan stored mid-way (its listing or its reads) was stopped by a reload or a restart: the agent continues it.
      progress = progressOf(stored, isFinished(stored) ? 'done' : 'stopped');
    }
  }

  /** The token of the first open portal tab that has a signed-in session. */
  async function askToken(): Promise<string | 'no-portal-tab' | 'signed-out'> {
    const tabs = await browser.tabs.query({ url: PORTAL_TABS });
    if (tabs.length === 0) return 'no-portal-tab';
    for (const tab of tabs) {
      if (tab.id === undefined) continue;
      const answer = await browser.tabs.sendMessage(tab.id, { type: TOKEN_REQUEST }).catch(() => null);
      const parsed = TokenAnswer.safeParse(answer);
      if (parsed.success && parsed.data.token) return parsed.data.token;
    }
    return 'signed-out';
  }

  /** Asks a portal tab for the session's token; false (with the problem said) when there is none. */
  async function signIn(): Promise<boolean> {
    const got = await askToken();
    if (got === 'no-portal-tab' || got === 'signed-out') {
      problem = got;
      return false;
    }
    token = got;
    problem = null;
    return true;
  }

  async function start(refresh: boolean): Promise<void> {
    await load();
    // The scan replaces the state the checks write into: one or the other at a time.
    if (running || preflight.busy || !(await signIn())) return;
    const abort = new AbortController();
    running = abort;
    const base = state && refresh ? refreshScan(state, now(), STALE_AFTER_MS) : (state ?? newScan(now()));
    let savedAt = 0;
    void (async () => {
      try {
        const outcome = await runScan(client, base, {
          catalog: builtInCatalog,
          signal: abort.signal,
          // The worklist's clock stamps every read, so a refresh compares times of one clock.
          now,
          onProgress(p, s) {
            progress = p;
            // The scan's live copy, not a clone: cloning 2,000 customers after each of them cost
            // O(n²). It is consistent between reads; nothing else writes to it; the store's put clones it.
            state = s;
            if (now() - savedAt >= SAVE_EVERY_MS) {
              savedAt = now();
              void store(state);
            }
          },
        });
        state = outcome.state;
        progress = outcome.progress;
        if (outcome.state.listFailure) problem = 'list-failed';
        await store(outcome.state);
      } catch {
        problem = 'failed';
      } finally {
        running = null;
      }
      // The agent opened the worklist to see what each customer needs: the verdicts follow the scan
      // without another click, in the same request budget (a stopped scan leaves them for later).
      if (progress?.phase === 'done') preflight.afterScan();
    })();
  }

  /** The list as it stands: the scan's results with this browser's migrations (empty before a scan). */
  async function currentRows(): Promise<ReturnType<typeof worklistRows>> {
    await load();
    if (!state) return { rows: [], failures: [] };
    const migrations = await allMigrations(await db()).catch(() => []);
    return worklistRows(state, localToday(new Date(now())), { migrations, catalog: builtInCatalog });
  }

  async function status(): Promise<WorklistStatus> {
    const { rows, failures } = await currentRows();
    showBadge(rows);
    return {
      ok: true,
      running: running !== null,
      progress,
      rows,
      failures,
      ...preflight.status(state),
      startedAt: state?.startedAt ?? null,
      problem,
      portalLang: await portalLanguage(),
    };
  }

  /**
   * The toolbar badge counts the customers still to migrate; red while any of them ends within 30
   * days (or has ended), so the urgent work shows first.
   */
  function showBadge(rows: readonly WorklistRow[]): void {
    const { customers, urgent } = stillToMigrate(rows);
    void browser.action?.setBadgeText({ text: customers > 0 ? String(customers) : '' }).catch(() => undefined);
    void browser.action?.setBadgeBackgroundColor({ color: urgent > 0 ? '#a4262c' : '#0f6cbd' }).catch(() => undefined);
  }

  /** Opens the customer in the agent's portal tab (the last used one), or in a new tab. */
  /**
   * Loads the customer's subscriptions page in `tabId` (the panel's own tab, for "Next"), else in the
   * agent's last-used portal tab, else a new one; with a subscription, its Migrate panel opens there.
   */
  async function open(customerId: string, subscriptionId?: string, tabId?: number): Promise<void> {
    const url = customerSubscriptionsUrl(customerId);
    const [last] = (await browser.tabs.query({ url: PORTAL_TABS })).sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0));
    const target = tabId ?? last?.id;
    if (target !== undefined) {
      if (subscriptionId) pending.set(target, customerId, subscriptionId);
      await browser.tabs.update(target, { url, active: true });
      const windowId = tabId === undefined ? last?.windowId : undefined;
      if (windowId !== undefined) await browser.windows.update(windowId, { focused: true }).catch(() => undefined);
    } else {
      const created = await browser.tabs.create({ url });
      if (subscriptionId && created.id !== undefined) pending.set(created.id, customerId, subscriptionId);
    }
  }

  /** The worklist's next customer after `tenantId` still to migrate (soonest end first), or null. */
  async function next(tenantId: string): Promise<NextCustomer | null> {
    const { rows } = await currentRows();
    // Asked when a migration is complete: the toolbar badge counts one customer fewer from now.
    showBadge(rows);
    const row = nextCustomer(rows, tenantId);
    return row
      ? { customerId: row.customerId, customerName: row.customerName, subscriptionId: row.subscriptionId, daysLeft: row.daysLeft }
      : null;
  }

  return {
    async handle(request: WorklistRequest): Promise<WorklistStatus> {
      if (request.type === 'worklist.start') await start(request.refresh);
      else if (request.type === 'worklist.cancel') {
        running?.abort();
        preflight.cancel();
      } else if (request.type === 'worklist.preflight') {
        await load();
        if (!running && state && (await signIn())) await preflight.start(request.customerId);
      }
      else if (request.type === 'worklist.open') await open(request.customerId, request.subscriptionId);
      return status();
    },
    /** The Migrate panel's questions, from a portal tab (`tabId` is the sender's). */
    async fromPortal(request: WorklistPortalRequest, tabId: number): Promise<{ ok: true; next: NextCustomer | null }> {
      if (request.type === 'worklist.show') {
        await showWorklist(tabId);
        return { ok: true, next: null };
      }
      if (request.type === 'worklist.next') return { ok: true, next: await next(request.tenantId) };
      await open(request.customerId, request.subscriptionId, tabId);
      return { ok: true, next: null };
    },
    /** The subscription whose panel a worklist row asked to open on this tab's page of `tenantId`, once. */
    takePending: (tabId: number, tenantId: string): string | null => pending.take(tabId, tenantId),
  };
}

/** The language of the portal tab the agent used last (its URL's locale: en-us, ko-kr …), or null. */
async function portalLanguage(): Promise<'en' | 'ko' | null> {
  const tabs = await browser.tabs.query({ url: PORTAL_TABS }).catch(() => []);
  tabs.sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0));
  for (const tab of tabs) {
    const route = tab.url ? parseRoute(tab.url) : null;
    const lang = route ? routeLanguage(route) : null;
    if (lang) return lang;
  }
  return null;
}

/**
 * Opens the worklist for a portal tab: Chrome's side panel (the link's click is the user action it
 * needs; nothing may be awaited before it), Firefox's sidebar, else the worklist's page in a new tab.
 */
async function showWorklist(tabId: number): Promise<void> {
  const api = browser as unknown as {
    sidePanel?: { open(options: { tabId: number }): Promise<void> };
    sidebarAction?: { open(): Promise<void> };
  };
  try {
    if (api.sidePanel) return await api.sidePanel.open({ tabId });
    if (api.sidebarAction) return await api.sidebarAction.open();
  } catch {
    // No user action reached us (or the browser refused): the page in a tab instead.
  }
  await browser.tabs.create({ url: browser.runtime.getURL('/sidepanel.html') });
}