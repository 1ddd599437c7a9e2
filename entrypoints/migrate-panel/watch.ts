import { browser } from 'wxt/browser';
import { WATCH_PORT, type WatchUpdate, WatchUpdate as WatchUpdateSchema } from '@/lib/store/watchers';

/**
 * Follows one migration through a port to the background: `onUpdate` gets the stored record (and
 * who runs a step) each time it changes, and once at the start, so a reload shows exactly what is
 * stored. A worker that stops closes the port: it is opened again while the panel stays. Answers of
 * the wrong shape are dropped. Returns the function that stops following.
 */
export function watchMigration(id: string, onUpdate: (update: WatchUpdate) => void): () => void {
  let stopped = false;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let port: ReturnType<typeof browser.runtime.connect> | null = null;
  const connect = () => {
    if (stopped) return;
    port = browser.runtime.connect({ name: WATCH_PORT });
    port.onMessage.addListener((message: unknown) => {
      const parsed = WatchUpdateSchema.safeParse(message);
      if (parsed.success && !stopped) onUpdate(parsed.data);
    });
    port.onDisconnect.addListener(() => {
      port = null;
      if (!stopped) retry = setTimeout(connect, 1000);
    });
    port.postMessage({ type: 'watch', id });
  };
  connect();
  return () => {
    stopped = true;
    clearTimeout(retry);
    port?.disconnect();
  };
}
