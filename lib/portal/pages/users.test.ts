// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { ActError } from '../act';
import { openManageLicenses, selectUsers } from './users';
import { el, later, shadowHost, testContext, type TestContext } from './test-dom';

afterEach(() => {
  document.body.replaceChildren();
});

interface User {
  name: string;
  upn: string;
}

const USERS: User[] = [
  { name: 'Adele Vance', upn: 'adele@contoso.com' },
  { name: 'Jim Bob', upn: 'jimbob@contoso.com' },
  { name: 'Bob Lee', upn: 'bob@contoso.com' },
  { name: 'Diego Siciliani', upn: 'diego@contoso.com' },
  { name: 'Grady Archie', upn: 'grady@contoso.com' },
];

/** A paged user list: `page` is where it starts; rows are refilled in place after a skeleton. */
class UserList {
  readonly ticked = new Set<string>();
  page: number;
  clicks = 0;
  constructor(
    readonly users: User[],
    readonly size: number,
    start: number,
    readonly paint: () => void,
  ) {
    this.page = start;
  }
  get pages(): number {
    return Math.ceil(this.users.length / this.size);
  }
  visible(): User[] {
    return this.users.slice(this.page * this.size, (this.page + 1) * this.size);
  }
  toggle(upn: string): void {
    this.clicks++;
    if (this.ticked.has(upn)) this.ticked.delete(upn);
    else this.ticked.add(upn);
  }
}

/**
 * English: a plain <table> whose header row holds the select-all box, native checkboxes named
 * "Select {name}", a pager of text buttons, and a Selected users section with Manage licenses.
 */
function englishUsers(t: TestContext, options: { start: number; preTicked?: string[]; pagerLagMs?: number }) {
  const tbody = el('tbody', {});
  const selectAll = el('input', { type: 'checkbox', 'aria-label': 'Select all users on this page' });
  const buttons = {
    first: el('button', {}, 'First'),
    previous: el('button', {}, 'Previous'),
    next: el('button', {}, 'Next'),
    last: el('button', {}, 'Last'),
  };
  const manage = el('button', { disabled: true }, 'Manage licenses');
  const list: UserList = new UserList(USERS, 2, options.start, () => {
    tbody.replaceChildren(
      ...list.visible().map((u) => {
        const box = el('input', { type: 'checkbox', 'aria-label': `Select ${u.name}` });
        box.checked = list.ticked.has(u.upn);
        box.addEventListener('change', () => {
          list.toggle(u.upn);
          manage.disabled = list.ticked.size === 0;
        });
        return el('tr', {}, el('td', {}, box), el('td', {}, u.name), el('td', {}, u.upn));
      }),
    );
    const paintPager = () => {
      buttons.first.disabled = buttons.previous.disabled = list.page === 0;
      buttons.next.disabled = buttons.last.disabled = list.page === list.pages - 1;
    };
    if (options.pagerLagMs === undefined) return paintPager();
    // A pager painted after the rows: until then it offers nothing.
    for (const button of Object.values(buttons)) button.disabled = true;
    later(options.pagerLagMs, paintPager);
  });
  for (const upn of options.preTicked ?? []) list.ticked.add(upn);
  manage.disabled = list.ticked.size === 0;
  const go = (page: number) => {
    list.page = page;
    for (const row of Array.from(tbody.children)) row.setAttribute('aria-busy', 'true');
    later(60, list.paint);
  };
  buttons.first.addEventListener('click', () => go(0));
  buttons.previous.addEventListener('click', () => go(list.page - 1));
  buttons.next.addEventListener('click', () => go(list.page + 1));
  buttons.last.addEventListener('click', () => go(list.pages - 1));
  manage.addEventListener('click', () => later(20, () => (t.page.on = false)));
  document.body.append(
    el('section', { 'aria-labelledby': 'sel' }, el('h2', { id: 'sel' }, 'Selected Users'), manage),
    el(
      'table',
      {},
      el('thead', {}, el('tr', {}, el('th', {}, selectAll), el('th', {}, 'Display name'), el('th', {}, 'Username'))),
      tbody,
    ),
    el('nav', {}, buttons.first, buttons.previous, buttons.next, buttons.last),
  );
  list.paint();
  return { list, selectAll };
}

/**
 * Korean: a role=grid of divs in shadow roots, ARIA checkboxes named "선택", name and user name in one
 * cell, an icon pager with only "이전 페이지" / "다음 페이지", skeleton rows first, and a folded
 * "선택한 사용자" button that reveals a "라이선스 관리" link.
 */
function koreanUsers(t: TestContext, users: User[], start: number) {
  const header = el(
    'div',
    { role: 'row' },
    el(
      'span',
      { role: 'columnheader' },
      el('span', { role: 'checkbox', 'aria-checked': 'false', 'aria-label': '모두 선택' }),
    ),
    el('span', { role: 'columnheader' }, '사용자'),
  );
  const body = el('div', { role: 'rowgroup' }, el('div', { role: 'row', 'aria-busy': 'true' }));
  const previous = el('button', { 'aria-label': '이전 페이지' }, '‹');
  const next = el('button', { 'aria-label': '다음 페이지' }, '›');
  const list: UserList = new UserList(users, 2, start, () => {
    body.replaceChildren(
      ...list.visible().map((u) => {
        const box = el('span', {
          role: 'checkbox',
          'aria-checked': String(list.ticked.has(u.upn)),
          'aria-label': '선택',
          tabindex: 0,
        });
        box.addEventListener('click', () => {
          list.toggle(u.upn);
          later(20, () => box.setAttribute('aria-checked', String(list.ticked.has(u.upn))));
        });
        return el(
          'div',
          { role: 'row' },
          el('span', { role: 'gridcell' }, box),
          el('span', { role: 'gridcell' }, `${u.name} (${u.upn})`),
        );
      }),
    );
    previous.disabled = list.page === 0;
    next.disabled = list.page >= list.pages - 1;
  });
  previous.addEventListener('click', () => {
    list.page -= 1;
    later(40, list.paint);
  });
  next.addEventListener('click', () => {
    list.page += 1;
    later(40, list.paint);
  });
  const panel = el('div', { hidden: true }, el('a', { href: '#licenses' }, '라이선스 관리'));
  const opener = el('button', { 'aria-expanded': 'false' }, '선택한 사용자');
  opener.addEventListener('click', () => {
    opener.setAttribute('aria-expanded', 'true');
    panel.hidden = false;
  });
  panel.addEventListener('click', (e) => {
    e.preventDefault();
    later(20, () => (t.page.on = false));
  });
  document.body.append(
    shadowHost(
      'x-users',
      opener,
      panel,
      shadowHost('x-grid', el('div', { role: 'grid' }, header, body)),
      el('div', {}, previous, next),
    ),
  );
  later(100, list.paint);
  return { list };
}

describe('selectUsers in English', () => {
  it('reads the pager only once it has held still after the rows, so a pager painted late does not end the walk', async () => {
    const t = testContext();
    const { list } = englishUsers(t, { start: 0, pagerLagMs: 100 });
    await new Promise((resolve) => setTimeout(resolve, 150));
    const result = await selectUsers(
      [
        { upn: 'adele@contoso.com', displayName: 'Adele Vance' },
        { upn: 'grady@contoso.com', displayName: 'Grady Archie' },
      ],
      t.ctx,
    );
    expect(result.missing).toEqual([]);
    expect([...list.ticked].sort()).toEqual(['adele@contoso.com', 'grady@contoso.com']);
  });

  it('goes back to the first page, ticks only the listed users across pages and unticks an unlisted one', async () => {
    const t = testContext();
    const { list, selectAll } = englishUsers(t, { start: 2, preTicked: ['grady@contoso.com'] });
    const result = await selectUsers(
      [
        { upn: 'BOB@contoso.com', displayName: 'Bob Lee' },
        { upn: 'adele@contoso.com', displayName: 'Adele Vance' },
        { upn: 'nobody@contoso.com', displayName: 'Nobody' },
      ],
      t.ctx,
    );
    expect(result).toEqual({
      selected: ['BOB@contoso.com', 'adele@contoso.com'],
      // The grid's order, not the order asked.
      listed: ['adele@contoso.com', 'BOB@contoso.com'],
      missing: ['nobody@contoso.com'],
      deselected: ['grady@contoso.com'],
    });
    expect([...list.ticked].sort()).toEqual(['adele@contoso.com', 'bob@contoso.com']);
    expect(selectAll.checked).toBe(false);
  });

  it('stops paging once everyone is found, then opens Manage licenses in the Selected users area', async () => {
    const t = testContext();
    const { list } = englishUsers(t, { start: 0 });
    const result = await selectUsers([{ upn: 'jimbob@contoso.com', displayName: 'Jim Bob' }], t.ctx);
    expect(result.selected).toEqual(['jimbob@contoso.com']);
    expect(list.page).toBe(0);
    expect(list.ticked.has('bob@contoso.com')).toBe(false);
    await openManageLicenses(t.ctx);
    expect(t.page.on).toBe(false);
  });

  it('with `enough`, stops after the first page where users are found and says how far it got', async () => {
    const t = testContext();
    const { list } = englishUsers(t, { start: 0 });
    const seen: Array<[number, number]> = [];
    const result = await selectUsers(
      [
        { upn: 'grady@contoso.com', displayName: 'Grady Archie' },
        { upn: 'bob@contoso.com', displayName: 'Bob Lee' },
      ],
      t.ctx,
      document,
      { enough: 1, onProgress: (found, total) => seen.push([found, total]) },
    );
    expect(result).toEqual({
      selected: ['bob@contoso.com'],
      listed: ['bob@contoso.com'],
      missing: ['grady@contoso.com'],
      deselected: [],
    });
    expect(list.page).toBe(1);
    expect([...list.ticked]).toEqual(['bob@contoso.com']);
    expect(seen).toEqual([
      [0, 2],
      [1, 2],
    ]);
  });

  it('is not-found when no user is selected for Manage licenses', async () => {
    const t = testContext(300);
    englishUsers(t, { start: 0 });
    const error = await openManageLicenses(t.ctx).catch((e: unknown) => e);
    expect((error as ActError).kind).toBe('not-found');
  });
});

describe('selectUsers in Korean', () => {
  it('waits for rows, steps back with Previous, matches whole user names, opens the folded area', async () => {
    const t = testContext();
    const { list } = koreanUsers(t, USERS, 2);
    const result = await selectUsers(
      [
        { upn: 'bob@contoso.com', displayName: 'Bob Lee' },
        { upn: 'grady@contoso.com', displayName: 'Grady Archie' },
      ],
      t.ctx,
    );
    expect(result).toEqual({
      selected: ['bob@contoso.com', 'grady@contoso.com'],
      listed: ['bob@contoso.com', 'grady@contoso.com'],
      missing: [],
      deselected: [],
    });
    expect([...list.ticked].sort()).toEqual(['bob@contoso.com', 'grady@contoso.com']);
    await openManageLicenses(t.ctx);
    expect(t.page.on).toBe(false);
  });

  it('stops with left-page when the portal navigates away mid-way', async () => {
    const t = testContext();
    koreanUsers(t, USERS, 0);
    later(250, () => (t.page.on = false));
    const error = await selectUsers([{ upn: 'zed@contoso.com', displayName: 'Zed' }], t.ctx).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ActError);
    expect((error as ActError).kind).toBe('left-page');
  });
});
