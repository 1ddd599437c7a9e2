import { walkDeep } from './dom';

/**
 * Calls `onChange` (batched to one call per frame) whenever anything changes under root, including
 * inside open shadow roots, which a MutationObserver on the document does not see. Shadow roots that
 * appear later are picked up; a slow sweep catches roots attached without any mutation. Stops when
 * the signal aborts (navigation).
 */
export function observeDeep(root: Document | ShadowRoot, onChange: () => void, signal: AbortSignal): void {
  if (signal.aborted) return;
  const observed = new WeakSet<Node>();
  let queued = false;
  const schedule = () => {
    if (queued || signal.aborted) return;
    queued = true;
    setTimeout(() => {
      queued = false;
      if (signal.aborted) return;
      attachAll();
      onChange();
    }, 16);
  };
  const observer = new MutationObserver(schedule);
  const attach = (node: Document | ShadowRoot) => {
    if (observed.has(node)) return;
    observed.add(node);
    observer.observe(node, { childList: true, subtree: true, characterData: true, attributes: true });
  };
  const attachAll = () => {
    attach(root);
    for (const el of walkDeep(root)) if (el.shadowRoot) attach(el.shadowRoot);
  };
  attachAll();
  const sweep = setInterval(() => {
    attachAll();
  }, 500);
  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      clearInterval(sweep);
    },
    { once: true },
  );
}

export class WaitTimeout extends Error {
  constructor(readonly what: string) {
    super(`Timed out waiting for ${what}`);
  }
}

/**
 * Resolves with the first value `find` returns (neither null nor undefined), checking now, after
 * every change under root (open shadow roots included) and every `pollMs`: a checkbox's `checked`,
 * an input's `value` and the URL change without a mutation. Rejects with WaitTimeout after
 * `timeoutMs`, with the signal's reason when it aborts, and with whatever `find` throws.
 */
export function waitFor<T>(
  find: () => T | null | undefined,
  options: { signal: AbortSignal; timeoutMs: number; what: string; root?: Document | ShadowRoot; pollMs?: number },
): Promise<T> {
  const { signal, timeoutMs, what } = options;
  return new Promise<T>((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    // What already holds needs no observer: a click read back at once, rows already loaded (a page of
    // users asks this some forty times, and each observer walks the whole page to find shadow roots).
    try {
      const now = find();
      if (now !== null && now !== undefined) return resolve(now);
    } catch (error) {
      return reject(error);
    }
    const local = new AbortController();
    const done = (settle: () => void) => {
      if (local.signal.aborted) return;
      local.abort();
      clearTimeout(timer);
      clearInterval(poll);
      signal.removeEventListener('abort', onAbort);
      settle();
    };
    const onAbort = () => done(() => reject(signal.reason));
    const check = () => {
      if (local.signal.aborted) return;
      try {
        const found = find();
        if (found !== null && found !== undefined) done(() => resolve(found));
      } catch (error) {
        done(() => reject(error));
      }
    };
    const timer = setTimeout(() => done(() => reject(new WaitTimeout(what))), timeoutMs);
    const poll = setInterval(check, options.pollMs ?? 100);
    signal.addEventListener('abort', onAbort, { once: true });
    observeDeep(options.root ?? document, check, local.signal);
    check();
  });
}
