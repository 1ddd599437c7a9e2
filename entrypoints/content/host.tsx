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

/**
 * Islands that belong to the page as a whole, not to one of the portal's elements, keep clear of
 * the portal's content (nothing of ours may cover it): a page notice goes first in the page's flow,
 * pushing the page down rather than lying over it (whoever shows one only appends it to the body);
 * the Migrate panel narrows the page while it is open (migrate-panel/island.ts). Each returns what undoes it.
 */
const PAGE_EDGE: Record<string, (host: HTMLElement) => () => void> = {
  notice: (host) => {
    host.ownerDocument.body.prepend(host);
    return () => undefined;
  },
};

/**
 * @param options.css the island's style sheet: the overlay's (banners, badges, notices) unless the
 *   caller brings more (the Migrate panel adds its own, which ships with the panel's script).
 * @param options.edge how an island of the whole page keeps clear of the portal; returns its undoing.
 */
export function createIsland(
  kind: string,
  ui: ComponentChild,
  place: (host: HTMLElement) => void,
  options: { css?: string; edge?: (host: HTMLElement) => () => void } = {},
): Island {
  const host = document.createElement(`pcma-${kind}`);
  host.setAttribute('data-pcma', kind);
  const shadow = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = options.css ?? overlayCss;
  const root = document.createElement('div');
  shadow.append(style, root);
  place(host);
  const release = (options.edge ?? PAGE_EDGE[kind])?.(host) ?? (() => undefined);
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
