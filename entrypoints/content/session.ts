import { browser } from 'wxt/browser';
import { createCustomerCache, createSessionClient, readSessionToken } from '@/lib/api';
import { TOKEN_REQUEST } from '@/lib/overlay/messages';

/**
 * One session client and cache for the content script's life, so moving between a customer's pages
 * (a single-page app: the script stays) reuses what was read. The token is read from the page's
 * sessionStorage for each request and kept nowhere.
 */
export const client = createSessionClient({ getToken: () => readSessionToken(window.sessionStorage) });
export const cache = createCustomerCache(client);

/**
 * The background asks an open portal tab for the session's token when the agent scans every
 * customer (the worklist); it holds it in memory only. Only the extension's own background is
 * answered (a message from a tab, or from another extension, is not), with the token read now.
 */
export function answerTokenRequests(): void {
  browser.runtime.onMessage.addListener((message: unknown, sender: { id?: string; tab?: unknown }) => {
    if (sender.id !== browser.runtime.id || sender.tab !== undefined) return undefined;
    if (typeof message !== 'object' || message === null || (message as { type?: unknown }).type !== TOKEN_REQUEST) {
      return undefined;
    }
    return Promise.resolve({ token: readSessionToken(window.sessionStorage) });
  });
}
