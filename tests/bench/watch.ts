// Runs in the page's main world before the portal's scripts (page.addInitScript): marks when the
// portal's grid shows its real rows and when our islands (banners, badges) last grew in number, by
// observers on the document and on every open shadow root, so no frame-rate polling skews the figure.
// Times are performance.now(), i.e. milliseconds since the navigation started.

export interface Marks {
  /** The first real (non-skeleton) grid row. */
  rows: number;
  /** How many of our islands of the kind show text, and when that number last grew. */
  ours: number;
  oursAt: number;
}

export function installWatch(tag: string): void {
  const marks: Marks = { rows: -1, ours: 0, oursAt: -1 };
  (window as unknown as { __bench: Marks }).__bench = marks;
  const watched = new WeakSet<ShadowRoot>();
  const roots = (): ShadowRoot[] => {
    const found: ShadowRoot[] = [];
    const walk = (root: Document | ShadowRoot) => {
      for (const el of root.querySelectorAll('*')) {
        if (el.shadowRoot && !el.tagName.toLowerCase().startsWith('pcma-')) {
          found.push(el.shadowRoot);
          walk(el.shadowRoot);
        }
      }
    };
    walk(document);
    return found;
  };
  const observer = new MutationObserver(() => {
    const now = performance.now();
    const all: Array<Document | ShadowRoot> = [document, ...roots()];
    for (const root of all) {
      if (root instanceof ShadowRoot && !watched.has(root)) {
        watched.add(root);
        observer.observe(root, { childList: true, subtree: true });
      }
    }
    if (marks.rows < 0 && all.some((r) => r.querySelector('tr[data-key]'))) marks.rows = now;
    let ours = 0;
    for (const root of all) {
      for (const el of root.querySelectorAll(tag)) if (el.shadowRoot?.textContent?.trim()) ours++;
    }
    if (ours > marks.ours) {
      marks.ours = ours;
      marks.oursAt = now;
    }
  });
  observer.observe(document, { childList: true, subtree: true });
}
