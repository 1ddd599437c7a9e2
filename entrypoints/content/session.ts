import { createCustomerCache, createSessionClient, readSessionToken } from '@/lib/api';

/**
 * One session client and cache for the content script's life, so moving between a customer's pages
 * (a single-page app: the script stays) reuses what was read. The token is read from the page's
 * sessionStorage for each request and kept nowhere.
 */
export const client = createSessionClient({ getToken: () => readSessionToken(window.sessionStorage) });
export const cache = createCustomerCache(client);
