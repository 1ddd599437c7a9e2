// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { PageNotice } from '@/components/PageNotice';
import { createIsland, PANEL_WIDTH } from './host';

afterEach(() => {
  document.body.replaceChildren();
  document.documentElement.style.marginRight = '';
});

describe('islands at the page edge cover none of the portal', () => {
  it('keeps the panel\'s width free at the page\'s right while it is open, and puts the page back after', () => {
    const root = document.documentElement;
    root.style.marginRight = '3px';
    const panel = createIsland('panel', null, (host) => document.body.append(host));
    expect(root.style.marginRight).toBe(PANEL_WIDTH);
    expect(panel.host.style.getPropertyValue('--pcma-panel-width')).toBe(PANEL_WIDTH);
    panel.remove();
    expect(root.style.marginRight).toBe('3px');
    panel.remove();
    expect(root.style.marginRight).toBe('3px');
  });

  it('keeps the space while any panel is open (a damaged-record notice and a panel overlap)', () => {
    const first = createIsland('panel', null, (host) => document.body.append(host));
    const second = createIsland('panel', null, (host) => document.body.append(host));
    first.remove();
    expect(document.documentElement.style.marginRight).toBe(PANEL_WIDTH);
    second.remove();
    expect(document.documentElement.style.marginRight).toBe('');
  });

  it('puts a page notice first in the page\'s flow, not floating over it', () => {
    const portal = document.createElement('div');
    document.body.append(portal);
    const notice = createIsland('notice', PageNotice({ lang: 'en', text: 'Something is off.' }), (host) =>
      document.body.append(host),
    );
    expect(document.body.firstElementChild).toBe(notice.host);
    const p = notice.host.shadowRoot?.querySelector('p');
    expect(p?.className).toBe('notice');
    expect(p?.textContent).toBe('Something is off.');
    expect(document.documentElement.style.marginRight).toBe('');
  });

  it('leaves other islands where their feature put them, reserving nothing', () => {
    const cell = document.createElement('td');
    document.body.append(cell);
    const banner = createIsland('banner', null, (host) => cell.append(host));
    expect(banner.host.parentElement).toBe(cell);
    expect(document.documentElement.style.marginRight).toBe('');
  });
});
