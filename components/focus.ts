/**
 * Focus across open shadow roots: the portal nests its UI in them, and each of our islands is one,
 * so `document.activeElement` names only the outermost host of whatever has focus.
 */
export function deepActiveElement(doc: Document = document): Element | null {
  let active: Element | null = doc.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** A button of our own UI (inside one of our islands' shadow roots) whose accessible label is `label`. */
export function findOurButton(label: string, doc: Document = document): HTMLElement | null {
  for (const host of doc.querySelectorAll('[data-pcma]')) {
    for (const button of host.shadowRoot?.querySelectorAll<HTMLElement>('button[aria-label]') ?? []) {
      if (button.getAttribute('aria-label') === label) return button;
    }
  }
  return null;
}

/**
 * For a non-modal panel: remembers what had focus when it opened (the Migrate button the agent
 * pressed) and gives focus back there when it closes, so Escape or Close never leaves the agent on
 * <body>. Focus is moved back only if it is still in the panel or nowhere: a panel closed because the
 * agent went elsewhere does not pull them back. When the opener has gone (the portal re-rendered its
 * row), `fallback` finds its successor.
 */
export function returnFocusOnClose(panel: HTMLElement, fallback: () => HTMLElement | null): () => void {
  const doc = panel.ownerDocument;
  const opener = deepActiveElement(doc);
  return () => {
    const now = deepActiveElement(doc);
    const lost = now === null || now === doc.body || now === doc.documentElement;
    if (!lost && !(now && panel.contains(now))) return;
    const back =
      opener instanceof HTMLElement && opener.isConnected && !panel.contains(opener) && opener !== doc.body
        ? opener
        : fallback();
    back?.focus();
  };
}
