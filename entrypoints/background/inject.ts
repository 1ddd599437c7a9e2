import { browser } from 'wxt/browser';
import type { LazyScript } from '@/lib/overlay/messages';

const FILES = {
  assess: '/assess.js',
  'migrate-panel': '/migrate-panel.js',
  'customer-badges': '/customer-badges.js',
} as const satisfies Record<LazyScript, string>;

/**
 * Injects one of the extension's on-demand scripts (lib/overlay/messages.ts LAZY_SCRIPTS) into the
 * portal tab and frame that asked: never into another tab, and only into a portal page, whatever the
 * message says, since the target comes from the sender alone.
 */
export async function injectScript(
  script: LazyScript,
  sender: { url?: string; tab?: { id?: number }; frameId?: number },
): Promise<{ ok: boolean }> {
  const tabId = sender.tab?.id;
  if (tabId === undefined || tabId < 0 || !sender.url?.startsWith('https://partner.microsoft.com/')) return { ok: false };
  try {
    await browser.scripting.executeScript({ target: { tabId, frameIds: [sender.frameId ?? 0] }, files: [FILES[script]] });
    return { ok: true };
  } catch {
    return { ok: false };
  }
}
