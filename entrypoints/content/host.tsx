import { type ComponentChild, render } from 'preact';
import overlayCss from '@/components/overlay.css?inline';

/**
 * A piece of our UI placed inside the portal's page: its own element with a shadow root, so the
 * portal's CSS and ours never mix. `place` puts the host where it belongs; `update` re-renders.
 */
export interface Island {
  host: HTMLElement;
  update(ui: ComponentChild): void;
  remove(): void;
}

export function createIsland(kind: string, ui: ComponentChild, place: (host: HTMLElement) => void): Island {
  const host = document.createElement(`pcma-${kind}`);
  host.setAttribute('data-pcma', kind);
  const shadow = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = overlayCss;
  const root = document.createElement('div');
  shadow.append(style, root);
  place(host);
  render(ui, root);
  return {
    host,
    update: (next) => render(next, root),
    remove: () => {
      render(null, root);
      host.remove();
    },
  };
}

/** Today in the agent's time zone, as the API writes calendar dates. */
export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
