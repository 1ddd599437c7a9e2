import { type ComponentChild, render } from 'preact';
import overlayCss from '@/components/overlay.css?inline';

export { overlayCss };

/**
 * A piece of our UI placed inside the portal's page: its own element with a shadow root, so the
 * portal's CSS and ours never mix. `place` puts the host where it belongs; `update` re-renders.
 */
export interface Island {
  host: HTMLElement;
  update(ui: ComponentChild): void;
  remove(): void;
}

/** How wide the Migrate panel is (panel.css reads it): the page keeps exactly this much free for it. */
export const PANEL_WIDTH = '440px';

/**
 * Islands that belong to the page as a whole, not to one of the portal's elements, and how each keeps
 * clear of the portal's content (nothing of ours may cover it):
 * - the panel is fixed at the right edge, and the page is narrowed by its width while it is open, so
 *   the portal's rows reflow beside it (their Status, Quantity and banners stay readable);
 * - a page notice goes first in the page's flow, pushing the page down rather than lying over it
 *   (whoever shows one only appends it to the body).
 * Each returns what undoes it.
 */
const PAGE_EDGE: Record<string, (host: HTMLElement) => () => void> = {
  panel: (host) => {
    host.style.setProperty('--pcma-panel-width', PANEL_WIDTH);
    return reserveRight(host.ownerDocument.documentElement, PANEL_WIDTH);
  },
  notice: (host) => {
    host.ownerDocument.body.prepend(host);
    return () => undefined;
  },
};

/**
 * @param css the island's style sheet: the overlay's (banners, badges, notices) unless the caller
 *   brings more (the Migrate panel adds its own, which ships with the panel's script).
 */
export function createIsland(
  kind: string,
  ui: ComponentChild,
  place: (host: HTMLElement) => void,
  css: string = overlayCss,
): Island {
  const host = document.createElement(`pcma-${kind}`);
  host.setAttribute('data-pcma', kind);
  const shadow = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = css;
  const root = document.createElement('div');
  shadow.append(style, root);
  place(host);
  const release = PAGE_EDGE[kind]?.(host) ?? (() => undefined);
  render(ui, root);
  return {
    host,
    update: (next) => render(next, root),
    remove: () => {
      render(null, root);
      host.remove();
      release();
    },
  };
}

/**
 * Who keeps the right edge of a page free, and the root's own margin from before the first of them,
 * put back when the last one goes (a damaged-record notice and a panel may overlap for a moment).
 */
const reserved = new WeakMap<HTMLElement, { count: number; previous: string }>();

/** Narrows the page by `width` at its right (the root's margin), until the returned function is called. */
function reserveRight(root: HTMLElement, width: string): () => void {
  const held = reserved.get(root) ?? { count: 0, previous: root.style.marginRight };
  held.count++;
  reserved.set(root, held);
  root.style.marginRight = width;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    held.count--;
    if (held.count > 0) return;
    reserved.delete(root);
    root.style.marginRight = held.previous;
  };
}
