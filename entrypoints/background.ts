import { browser } from 'wxt/browser';
import { openStore, type StoreDb } from '@/lib/store/db';
import { handleStoreMessage, isTrustedSender, type StoreContext } from '@/lib/store/handle';
import { createLeaseTable } from '@/lib/store/leases';

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

  browser.runtime.onMessage.addListener((message, sender) => {
    if (!isTrustedSender(sender, browser.runtime.id, extensionOrigin)) {
      return Promise.resolve({ ok: false, error: 'forbidden-sender' });
    }
    return handleStoreMessage(store, message, sender.tab?.id);
  });
  // A closed tab stops running its step at once; waiting for its lease to lapse would only delay
  // the agent's other tab.
  browser.tabs.onRemoved.addListener((tabId) => store.leases.releaseTab(tabId));
});
