import { walkDeep } from './dom';

/** The sweep for shadow roots attached without a mutation: first after this long, then less often. */
const SWEEP_FIRST_MS = 500;
const SWEEP_MAX_MS = 4000;
/** A sweep walks the page in slices of at most this long, so a large page never gets a long task from it. */
const SLICE_MS = 8;
/** A custom element added without a shadow root yet is looked at once more after this long. */
const LATE_MS = 50;

/**
 * One watcher per root, shared by every observeDeep on it: the features of a page (badges, a link, the
 * waits of each) see the same changes, and finding shadow roots in added content walks that content
 * once, not once per feature. Each listener keeps its own batch timer, so their work lands in tasks of
 * their own rather than in one long one.
 */
class DeepWatcher {
  private readonly observed = new WeakSet<Node>();
  private readonly listeners = new Set<() => void>();
  private readonly observer = new MutationObserver((records) => {
    for (const record of records) for (const added of Array.from(record.addedNodes)) this.attachUnder(added);
    this.notify();
  });
  private late: Element[] = [];
  private lateTimer: ReturnType<typeof setTimeout> | undefined;
  private sweepTimer: ReturnType<typeof setTimeout> | undefined;
  private wait = SWEEP_FIRST_MS;

  constructor(private readonly root: Document | ShadowRoot) {
    this.attachTree(root);
    this.sweepTimer = setTimeout(() => this.sweep(walkDeep(root), false), this.wait);
  }

  add(listener: () => void): void {
    this.listeners.add(listener);
  }

  /** False once nobody listens: the watcher has stopped. */
  remove(listener: () => void): boolean {
    this.listeners.delete(listener);
    if (this.listeners.size > 0) return true;
    this.observer.disconnect();
    clearTimeout(this.sweepTimer);
    clearTimeout(this.lateTimer);
    return false;
  }

  private notify(): void {
    for (const listener of [...this.listeners]) listener();
  }

  /** True when the root was new. */
  private attach(node: Document | ShadowRoot): boolean {
    if (this.observed.has(node)) return false;
    this.observed.add(node);
    this.observer.observe(node, { childList: true, subtree: true, characterData: true, attributes: true });
    return true;
  }

  private attachTree(node: Document | ShadowRoot): void {
    this.attach(node);
    for (const el of walkDeep(node)) if (el.shadowRoot) this.attach(el.shadowRoot);
  }

  /** Added content: its shadow roots now, and custom elements that will attach theirs shortly, soon after. */
  private attachUnder(node: Node): void {
    if (!(node instanceof Element)) return;
    for (const el of [node, ...walkDeep(node)]) {
      if (el.shadowRoot) {
        if (el === node) this.attachTree(el.shadowRoot);
        else this.attach(el.shadowRoot);
      } else if (el.localName.includes('-')) this.late.push(el);
    }
    if (this.late.length > 0 && this.lateTimer === undefined) this.lateTimer = setTimeout(() => this.lookAgain(), LATE_MS);
  }

  private lookAgain(): void {
    const hosts = this.late;
    this.late = [];
    this.lateTimer = undefined;
    let found = false;
    for (const el of hosts) {
      if (!el.shadowRoot || this.observed.has(el.shadowRoot)) continue;
      this.attachTree(el.shadowRoot);
      found = true;
    }
    if (found) this.notify();
  }

  private sweep(walk: Generator<Element>, found: boolean): void {
    const until = performance.now() + SLICE_MS;
    while (performance.now() < until) {
      const next = walk.next();
      if (next.done) {
        if (found) this.notify();
        this.wait = found ? SWEEP_FIRST_MS : Math.min(this.wait * 2, SWEEP_MAX_MS);
        this.sweepTimer = setTimeout(() => this.sweep(walkDeep(this.root), false), this.wait);
        return;
      }
      if (next.value.shadowRoot && this.attach(next.value.shadowRoot)) found = true;
    }
    this.sweepTimer = setTimeout(() => this.sweep(walk, found), 0);
  }
}

const watchers = new Map<Document | ShadowRoot, DeepWatcher>();

/**
 * Calls `onChange` (batched to one call per 16 ms) whenever anything changes under root, including
 * inside open shadow roots, which a MutationObserver on the document does not see. Shadow roots in
 * added content are observed as it arrives (walking what was added, not the page); a sweep, in short
 * slices and less often while it finds nothing, catches roots attached without any mutation. Stops
 * when the signal aborts (navigation).
 */
export function observeDeep(root: Document | ShadowRoot, onChange: () => void, signal: AbortSignal): void {
  if (signal.aborted) return;
  let queued = false;
  const listener = () => {
    if (queued || signal.aborted) return;
    queued = true;
    setTimeout(() => {
      queued = false;
      if (!signal.aborted) onChange();
    }, 16);
  };
  let watcher = watchers.get(root);
  if (!watcher) watchers.set(root, (watcher = new DeepWatcher(root)));
  watcher.add(listener);
  const shared = watcher;
  signal.addEventListener(
    'abort',
    () => {
      if (!shared.remove(listener) && watchers.get(root) === shared) watchers.delete(root);
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
    const local = new AbortController();
    // Set once the condition did not hold at once; `done` may run before.
    const timers: { timer?: ReturnType<typeof setTimeout>; poll?: ReturnType<typeof setInterval> } = {};
    const done = (settle: () => void) => {
      if (local.signal.aborted) return;
      local.abort();
      clearTimeout(timers.timer);
      clearInterval(timers.poll);
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
    // What already holds needs no observer nor timers: a click read back at once, rows already
    // loaded (a page of users asks this some forty times).
    check();
    if (local.signal.aborted) return;
    timers.timer = setTimeout(() => done(() => reject(new WaitTimeout(what))), timeoutMs);
    timers.poll = setInterval(check, options.pollMs ?? 100);
    signal.addEventListener('abort', onAbort, { once: true });
    observeDeep(options.root ?? document, check, local.signal);
  });
}
