import { getCustomerVisit, recordCustomerVisit, type StoreDb } from './db';
import { StoreRequest, type StoreResponse } from './messages';

/** Where a message may come from: our own pages, or a content script on the portal. */
export interface MessageSender {
  id?: string;
  url?: string;
}

export function isTrustedSender(sender: MessageSender, extensionId: string, extensionOrigin: string): boolean {
  if (sender.id !== extensionId || !sender.url) return false;
  // Compare prefixes, not URL.origin: non-web schemes such as chrome-extension:// have an opaque origin.
  return sender.url.startsWith('https://partner.microsoft.com/') || sender.url.startsWith(`${extensionOrigin}/`);
}

/** Validates and answers one store request. Never throws: every failure is an answer. */
export async function handleStoreMessage(
  db: () => Promise<StoreDb>,
  raw: unknown,
  now: () => number,
): Promise<StoreResponse> {
  const parsed = StoreRequest.safeParse(raw);
  if (!parsed.success) return { ok: false, error: 'bad-request' };
  const request = parsed.data;
  try {
    const store = await db();
    switch (request.type) {
      case 'customer.visit':
        return { ok: true, customer: await recordCustomerVisit(store, request.tenantId, request.page, now()) };
      case 'customer.get':
        return { ok: true, customer: (await getCustomerVisit(store, request.tenantId)) ?? null };
    }
  } catch {
    return { ok: false, error: 'store-failed' };
  }
}
