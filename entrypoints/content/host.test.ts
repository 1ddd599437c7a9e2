// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { PageNotice } from '@/components/PageNotice';
import { createIsland } from './host';

afterEach(() => {
  document.body.replaceChildren();
  document.documentElement.style.marginRight = '';
});

describe('islands at the page edge cover none of the portal', () => {
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
