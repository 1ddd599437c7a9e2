import { browser } from 'wxt/browser';
import { openStore, type StoreDb } from '@/lib/store/db';
import { handleStoreMessage, isTrustedSender } from '@/lib/store/handle';

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

  browser.runtime.onMessage.addListener((message, sender) => {
    if (!isTrustedSender(sender, browser.runtime.id, extensionOrigin)) {
      return Promise.resolve({ ok: false, error: 'forbidden-sender' });
    }
    return handleStoreMessage(getDb, message, Date.now);
  });
});
