import { defineBackground } from 'wxt/utils/define-background';
import { browser } from 'wxt/browser';
import { openStore, type StoreDb } from '@/lib/store/db';
import { handleStoreMessage, isTrustedSender, type StoreContext } from '@/lib/store/handle';
import { createLeaseTable } from '@/lib/store/leases';
import { getMigration } from '@/lib/store/migration-records';
import { changedMigration } from '@/lib/store/messages';
import { createWatchers, WATCH_PORT, WatchRequest } from '@/lib/store/watchers';
import { WorklistPortalRequest, WorklistRequest } from '@/lib/worklist/messages';
import { CustomerPageRequest, ScriptLoad } from '@/lib/overlay/messages';
import { injectScript } from './inject';
import { createWorklist } from './worklist';

export default defineBackground(() => {
  // Opened lazily and kept for the worker's life; a failed open is retried on the next message.
  let db: Promise<StoreDb> | null = null;
  const getDb = () => {
    db ??= openStore().catch((error: unknown) => {
      db = null;
      throw error;
    });
    return db;
  };
  const extensionOrigin = browser.runtime.getURL('/').replace(/\/$/, '');
  // Leases live as long as this worker; a restarted worker starts with none (see lib/store/leases.ts).
  const store: StoreContext = { db: getDb, now: Date.now, leases: createLeaseTable(Date.now) };
  // Open panels follow their migration: every change is pushed to them (lib/store/watchers.ts).
  const watchers = createWatchers(
    async (id) => getMigration(await getDb(), id),
    (id) => store.leases.holder(id),
  );
  const trusted = (sender: Parameters<typeof isTrustedSender>[0] | undefined) =>
    !!sender && isTrustedSender(sender, browser.runtime.id, extensionOrigin);

  const worklist = createWorklist(getDb);
  // The toolbar button opens the worklist in the side panel (Chrome, Edge; Firefox's sidebar has its own button).
  void (browser as unknown as { sidePanel?: { setPanelBehavior(b: object): Promise<void> } }).sidePanel
    ?.setPanelBehavior({ openPanelOnActionClick: true })
    .catch(() => undefined);

  browser.runtime.onMessage.addListener(async (message, sender) => {
    if (!trusted(sender)) return { ok: false, error: 'forbidden-sender' };
    const load = ScriptLoad.safeParse(message);
    if (load.success) return injectScript(load.data.script, sender);
    // The Migrate panel and the banners' script, in a portal tab, ask the worklist about their own tab only.
    const portalTab = sender.tab?.id !== undefined && sender.url?.startsWith('https://partner.microsoft.com/') ? sender.tab.id : null;
    const customerPage = CustomerPageRequest.safeParse(message);
    if (customerPage.success) {
      if (portalTab === null) return { ok: false };
      const { tenantId, page } = customerPage.data;
      await handleStoreMessage(store, { type: 'customer.visit', tenantId, page }, portalTab);
      const interrupted = await handleStoreMessage(store, { type: 'migration.interrupted', tenantId }, portalTab);
      return {
        ok: true,
        interrupted: interrupted.ok && 'subscriptionIds' in interrupted ? interrupted.subscriptionIds : [],
        open: worklist.takePending(portalTab, tenantId),
      };
    }
    const fromPanel = WorklistPortalRequest.safeParse(message);
    if (fromPanel.success) return portalTab === null ? { ok: false } : worklist.fromPortal(fromPanel.data, portalTab);
    const worklistRequest = WorklistRequest.safeParse(message);
    if (worklistRequest.success) {
      // Only the extension's own pages (the side panel) drive the worklist; a portal page never does.
      if (!sender.url?.startsWith(`${extensionOrigin}/`)) return { ok: false, error: 'forbidden-sender' };
      return worklist.handle(worklistRequest.data);
    }
    const answer = await handleStoreMessage(store, message, sender.tab?.id);
    const changed = changedMigration(message, answer, store.now());
    if (changed) {
      void watchers.notify(changed.id);
      // A lease that lapses (its tab crashed) is a change too: say so when it does.
      if (changed.lapsesIn !== undefined) setTimeout(() => void watchers.notify(changed.id), changed.lapsesIn + 50);
    }
    return answer;
  });

  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== WATCH_PORT) return;
    if (!trusted(port.sender)) {
      port.disconnect();
      return;
    }
    const tab = port.sender?.tab?.id;
    port.onMessage.addListener((message: unknown) => {
      const request = WatchRequest.safeParse(message);
      if (request.success) watchers.add(port, request.data.id, tab);
      else port.disconnect();
    });
    port.onDisconnect.addListener(() => watchers.remove(port));
  });

  // A closed tab stops running its step at once; waiting for its lease to lapse would only delay
  // the agent's other tab, which is told at once.
  browser.tabs.onRemoved.addListener((tabId) => {
    store.leases.releaseTab(tabId);
    for (const id of watchers.watched()) void watchers.notify(id);
  });
});
