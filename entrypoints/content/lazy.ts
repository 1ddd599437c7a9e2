import { browser } from 'wxt/browser';
import { type LazyScript, loadLazyScript } from '@/lib/overlay/messages';
import { type LazyApis, offered } from './bridge';

/**
 * A script of the extension, injected into this tab by the background on first use, and the API it
 * offers (bridge.ts). Null when that failed (the caller says so); the next use tries again.
 */
export function lazyScript<K extends LazyScript>(name: K): () => Promise<LazyApis[K] | null> {
  let loading: Promise<LazyApis[K] | null> | null = null;
  return () => {
    const ready = offered(name);
    if (ready) return Promise.resolve(ready);
    loading ??= (async () => {
      await loadLazyScript((m) => browser.runtime.sendMessage(m), name);
      const api = offered(name) ?? null;
      if (!api) loading = null;
      return api;
    })();
    return loading;
  };
}
