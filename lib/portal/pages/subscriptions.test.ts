// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { ActError } from '../act';
import { openAddSubscription, openSubscriptionDetail } from './subscriptions';
import { el, later, shadowHost, testContext, type TestContext } from './test-dom';

const TENANT = '3f2504e0-4f89-11d3-9a0c-0305e82c3301';
const SUB_A = 'a1b2c3d4-0000-4000-8000-000000000001';
const SUB_B = 'a1b2c3d4-0000-4000-8000-000000000002';

const listeners = new AbortController();
let cleanup = listeners;
afterEach(() => {
  cleanup.abort();
  cleanup = new AbortController();
  document.body.replaceChildren();
});

/** SPA navigation: a followed link or a navigating button leaves the page a moment later. */
function navigateOnClick(t: TestContext, isNavigation: (target: Element) => boolean): string[] {
  const followed: string[] = [];
  document.addEventListener('click', (event) => {
    const target = event.composedPath()[0];
    if (!(target instanceof Element) || !isNavigation(target)) return;
    event.preventDefault();
    followed.push(target.getAttribute('href') ?? target.textContent ?? '');
    later(30, () => {
      t.page.on = false;
    });
  }, { signal: cleanup.signal });
  return followed;
}

/** English: a plain table, "Add subscription" as a link, names as links with real hrefs. */
function englishPage(): void {
  const base = `/en-us/dashboard/v2/customers/${TENANT}/subscriptions`;
  document.body.append(
    el(
      'main',
      {},
      el('h1', {}, 'Subscriptions'),
      el('a', { href: `${base}/add` }, 'Add Subscription'),
      el(
        'table',
        {},
        el('thead', {}, el('tr', {}, el('th', {}, 'Name'), el('th', {}, 'Quantity'))),
        el(
          'tbody',
          {},
          el('tr', {}, el('td', {}, el('a', { href: `${base}/${SUB_A}` }, 'Kaizala Pro')), el('td', {}, '5')),
          el('tr', {}, el('td', {}, el('a', { href: `${base}/${SUB_B}` }, 'Office 365 E3')), el('td', {}, '10')),
        ),
      ),
    ),
  );
}

/** Korean: a role=grid of divs in nested shadow roots, skeleton rows first, the button in its own root. */
function koreanPage(names: string[]): void {
  const base = `/ko-kr/commerce/customers/${TENANT}/subscriptions`;
  const grid = el(
    'div',
    { role: 'grid', 'aria-label': '구독' },
    el('div', { role: 'row' }, el('div', { role: 'columnheader' }, '이름')),
    el('div', { role: 'row', 'aria-busy': 'true' }, el('div', { role: 'gridcell' })),
  );
  document.body.append(
    shadowHost('x-app', shadowHost('x-toolbar', el('button', { type: 'button' }, '구독 추가')), shadowHost('x-grid', grid)),
  );
  later(120, () => {
    grid.lastElementChild?.remove();
    names.forEach((name, i) => {
      const id = i === 0 ? SUB_A : SUB_B;
      grid.append(
        el(
          'div',
          { role: 'row' },
          el('div', { role: 'gridcell' }, el('a', { href: `${base}/${id.toUpperCase()}` }, el('span', {}, name))),
        ),
      );
    });
  });
}

describe('openAddSubscription', () => {
  it('follows the English link (a spelling variant) and waits until the page is left', async () => {
    const t = testContext();
    englishPage();
    const followed = navigateOnClick(t, (e) => e.tagName === 'A');
    await openAddSubscription(t.ctx);
    expect(followed).toEqual([`/en-us/dashboard/v2/customers/${TENANT}/subscriptions/add`]);
    expect(t.page.on).toBe(false);
  });

  it('clicks the Korean button inside a shadow root', async () => {
    const t = testContext();
    koreanPage(['Kaizala Pro']);
    const followed = navigateOnClick(t, (e) => e.tagName === 'BUTTON');
    await openAddSubscription(t.ctx);
    expect(followed).toEqual(['구독 추가']);
  });

  it('is not-applied when the click does not leave the page', async () => {
    const t = testContext(200);
    document.body.append(el('button', {}, 'Add subscription'));
    const error = await openAddSubscription(t.ctx).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ActError);
    expect((error as ActError).kind).toBe('not-applied');
  });
});

describe('openSubscriptionDetail', () => {
  it('opens the English row by name and by id', async () => {
    const t = testContext();
    englishPage();
    const followed = navigateOnClick(t, (e) => e.tagName === 'A');
    await openSubscriptionDetail('office 365  E3', t.ctx);
    expect(followed[0]).toContain(SUB_B);
    t.page.on = true;
    await openSubscriptionDetail(SUB_A.toUpperCase(), t.ctx);
    expect(followed[1]).toContain(SUB_A);
  });

  it('waits for the Korean grid to replace its skeleton, then opens the row by id', async () => {
    const t = testContext();
    koreanPage(['Kaizala Pro 독립 실행형', 'Office 365 E3']);
    const followed = navigateOnClick(t, (e) => e.closest('a') !== null);
    await openSubscriptionDetail(SUB_B, t.ctx);
    expect(followed).toHaveLength(1);
    expect(t.page.on).toBe(false);
  });

  it('refuses two rows of the same name, and is not-found for a name not listed', async () => {
    const t = testContext(400);
    koreanPage(['Kaizala Pro', 'Kaizala Pro']);
    const twice = (await openSubscriptionDetail('Kaizala Pro', t.ctx).catch((e: unknown) => e)) as ActError;
    expect([twice.kind, twice.message]).toEqual(['not-found', '2 subscriptions are listed as "Kaizala Pro"']);
    const none = (await openSubscriptionDetail('Office 365 E5', t.ctx).catch((e: unknown) => e)) as ActError;
    expect(none.kind).toBe('not-found');
  });
});
