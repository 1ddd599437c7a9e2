// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { readProducts, save, swapLicense } from './manage-licenses';
import { ariaCheckbox, el, failure, later, shadowHost, shadowOf, testContext } from './test-dom';

afterEach(() => {
  document.body.replaceChildren();
});


type State = 'true' | 'false' | 'mixed';

/**
 * English: a plain table (Product | Available licenses | Assigned), native checkboxes named by
 * <label for>, "mixed" as an indeterminate checkbox; Save answers with a heading and a list.
 */
function englishPage(options: { fail?: 'alert' } = {}) {
  const products: Array<[string, State, number]> = [
    ['Kaizala Pro', 'mixed', 0],
    ['Office 365 E3', 'false', 12],
    ['Microsoft 365 Business Basic', 'true', 1204],
  ];
  const boxes = new Map<string, HTMLInputElement>();
  const rows = products.map(([name, state, available], i) => {
    const box = el('input', { type: 'checkbox', id: `p${i}` });
    box.checked = state === 'true';
    box.indeterminate = state === 'mixed';
    boxes.set(name, box);
    return el(
      'tr',
      {},
      el('td', {}, box, el('label', { for: `p${i}` }, name)),
      el('td', {}, available.toLocaleString('en-US')),
      el('td', {}, '3'),
    );
  });
  const saveButton = el('button', {}, 'Save');
  const results = el('div', {});
  saveButton.addEventListener('click', () =>
    later(80, () => {
      if (options.fail === 'alert') {
        results.replaceChildren(el('div', { role: 'alert' }, 'Something went wrong (HTTP 500)'));
        return;
      }
      results.replaceChildren(
        el('h3', {}, 'Licenses updated'),
        el(
          'ul',
          {},
          el('li', {}, 'Adele Vance: Updated'),
          el('li', {}, 'Bob Lee: Failed: Error 900309 (HTTP 403): License change not permitted'),
        ),
      );
    }),
  );
  document.body.append(
    el(
      'section',
      { 'aria-label': 'Selected users' },
      el('ul', {}, el('li', {}, 'Adele Vance'), el('li', {}, 'Bob Lee')),
    ),
    el(
      'table',
      {},
      el(
        'thead',
        {},
        el('tr', {}, el('th', {}, 'Product'), el('th', {}, 'Available licenses'), el('th', {}, 'Assigned')),
      ),
      el('tbody', {}, ...rows),
    ),
    saveButton,
    results,
  );
  return { boxes };
}

/**
 * Korean: a role=grid of divs in nested shadow roots, tri-state ARIA checkboxes named by
 * aria-labelledby (mixed → true → false → mixed), skeleton rows first; Save reuses one status line
 * and answers with a table of user | result, errors marked by an icon.
 */
function koreanPage() {
  const grid = el(
    'div',
    { role: 'grid', 'aria-busy': 'true' },
    el(
      'div',
      { role: 'row' },
      el('span', { role: 'columnheader' }, '제품'),
      el('span', { role: 'columnheader' }, '사용할 수 있는 라이선스'),
    ),
    el('div', { role: 'row', 'aria-busy': 'true' }, el('span', { role: 'gridcell' })),
  );
  const status = el('p', { role: 'status' });
  const table = el('div', { role: 'table', 'aria-label': '결과' });
  const saveButton = el('button', {}, '저장');
  const host = shadowHost('x-licenses', shadowHost('x-grid', grid), saveButton, status, table);
  document.body.append(shadowHost('x-shell', host));
  const boxes = new Map<string, HTMLElement>();
  later(120, () => {
    grid.removeAttribute('aria-busy');
    grid.lastElementChild?.remove();
    const items: Array<[string, State, string]> = [
      ['Kaizala Pro 독립 실행형', 'mixed', '0'],
      ['Office 365 E3', 'false', '7'],
    ];
    items.forEach(([name, state, available], i) => {
      const nameEl = el('span', { id: `ko-p${i}` }, name);
      const box = ariaCheckbox(name, state, { labelledBy: `ko-p${i}` });
      boxes.set(name, box);
      grid.append(
        el(
          'div',
          { role: 'row' },
          el('span', { role: 'gridcell' }, box, nameEl),
          el('span', { role: 'gridcell' }, available),
        ),
      );
    });
  });
  let saves = 0;
  saveButton.addEventListener('click', () => {
    saves++;
    status.textContent = '저장하는 중…';
    table.replaceChildren();
    later(80, () => {
      status.textContent = '라이선스가 업데이트됨.';
      table.replaceChildren(
        el(
          'div',
          { role: 'row' },
          el('span', { role: 'cell' }, '김민준'),
          el('span', { role: 'cell' }, `업데이트됨 (${saves})`),
        ),
        el(
          'div',
          { role: 'row' },
          el('span', { role: 'cell' }, '이서연'),
          el('span', { role: 'cell' }, el('span', { role: 'img', 'aria-label': '오류' }), '권한 없음 (403)'),
        ),
      );
    });
  });
  return { boxes, shadow: shadowOf(host) };
}

describe('manage licenses in English', () => {
  it('reads products with their tick state and free seats', async () => {
    const { ctx } = testContext();
    englishPage();
    expect(await readProducts(ctx)).toEqual([
      { name: 'Kaizala Pro', checked: 'mixed', available: 0 },
      { name: 'Office 365 E3', checked: 'false', available: 12 },
      { name: 'Microsoft 365 Business Basic', checked: 'true', available: 1204 },
    ]);
  });

  it('swaps in one page state: clears the mixed product and ticks the new one, leaving others alone', async () => {
    const { ctx } = testContext();
    const { boxes } = englishPage();
    const after = await swapLicense({ from: 'kaizala pro', to: 'Office 365 E3' }, ctx);
    expect(after.map((p) => p.checked)).toEqual(['false', 'true', 'true']);
    expect(boxes.get('Kaizala Pro')?.checked).toBe(false);
    expect(boxes.get('Kaizala Pro')?.indeterminate).toBe(false);
    expect(boxes.get('Office 365 E3')?.checked).toBe(true);
  });

  it('is not-found when either product is not listed, and changes nothing then', async () => {
    const { ctx } = testContext();
    const { boxes } = englishPage();
    const to = await failure(swapLicense({ from: 'Kaizala Pro', to: 'Office 365 E5' }, ctx));
    expect([to.kind, to.target]).toEqual(['not-found', 'Office 365 E5']);
    const from = await failure(swapLicense({ from: 'Kaizala', to: 'Office 365 E3' }, ctx));
    expect([from.kind, from.target]).toEqual(['not-found', 'Kaizala']);
    expect(boxes.get('Kaizala Pro')?.indeterminate).toBe(true);
    expect(boxes.get('Office 365 E3')?.checked).toBe(false);
  });

  it('saves and reads the per-user results with the user names of the Selected users area', async () => {
    const { ctx } = testContext();
    englishPage();
    expect(await save(ctx)).toEqual({
      results: [
        { user: 'Adele Vance', ok: true, message: 'Updated' },
        { user: 'Bob Lee', ok: false, message: 'Failed: Error 900309 (HTTP 403): License change not permitted' },
      ],
    });
  });

  it('is a portal-error when an error message comes instead of the confirmation', async () => {
    const { ctx } = testContext();
    englishPage({ fail: 'alert' });
    const error = await failure(save(ctx));
    expect([error.kind, error.message]).toEqual(['portal-error', 'Something went wrong (HTTP 500)']);
  });
});

describe('manage licenses in Korean', () => {
  it('waits for the grid, swaps through the tri-state cycle, and saves twice on one status line', async () => {
    const { ctx } = testContext();
    const { boxes } = koreanPage();
    expect(await readProducts(ctx)).toEqual([
      { name: 'Kaizala Pro 독립 실행형', checked: 'mixed', available: 0 },
      { name: 'Office 365 E3', checked: 'false', available: 7 },
    ]);
    await swapLicense({ from: 'Kaizala Pro 독립 실행형', to: 'Office 365 E3' }, ctx);
    expect(boxes.get('Kaizala Pro 독립 실행형')?.getAttribute('aria-checked')).toBe('false');
    expect(boxes.get('Office 365 E3')?.getAttribute('aria-checked')).toBe('true');
    const expected = (n: number) => ({
      results: [
        { user: '김민준', ok: true, message: `업데이트됨 (${n})` },
        { user: '이서연', ok: false, message: '권한 없음 (403)' },
      ],
    });
    expect(await save(ctx)).toEqual(expected(1));
    expect(await save(ctx)).toEqual(expected(2));
  });

  it('is left-page when the portal moves on before the products load', async () => {
    const t = testContext();
    koreanPage();
    later(50, () => (t.page.on = false));
    expect((await failure(readProducts(t.ctx))).kind).toBe('left-page');
  });
});
