// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { addToCartAndReview, chooseOffer, submitOrder } from './add-subscription';
import { el, failure, later, shadowHost, shadowOf, testContext } from './test-dom';

afterEach(() => {
  document.body.replaceChildren();
});

const ORDER_ID = '6b1f2a0e-52c4-4a8f-9d3e-2f0c9a7b1e44';
const OFFERS = ['Office 365 E1', 'Office 365 E3', 'Office 365 E3 (Government)', 'Microsoft 365 Business Basic'];

interface Picked {
  name: string;
  quantity: number;
}

/**
 * English catalog: tabs (Software selected first), a search box named by its placeholder, a plain
 * table whose Quantity inputs are named only by their column header, rows repainted (new elements)
 * 60 ms after a search, Add to cart → a cart that resets the quantity to 1 → Review → Submit.
 */
function englishCatalog(options: { failSubmit?: boolean; maxQuantity?: number; repaintOnTick?: boolean } = {}) {
  const picked = new Map<string, Picked>();
  const online = el('button', { role: 'tab', 'aria-selected': 'false' }, 'Online Services');
  const software = el('button', { role: 'tab', 'aria-selected': 'true' }, 'Software');
  const search = el('input', { type: 'search', placeholder: 'Search' });
  const tbody = el('tbody', {});
  const addToCart = el('button', { disabled: true }, 'Add to cart');
  const onlinePanel = el(
    'div',
    { role: 'tabpanel', hidden: true },
    search,
    el('table', {}, el('thead', {}, el('tr', {}, el('th', {}, 'Offer'), el('th', {}, 'Quantity'))), tbody),
    addToCart,
  );
  const catalog = el('div', {}, el('div', { role: 'tablist' }, online, software), onlinePanel);
  const cart = el('div', { hidden: true });
  document.body.append(el('main', {}, el('h1', {}, 'Add subscription'), catalog, cart));

  online.addEventListener('click', () => {
    online.setAttribute('aria-selected', 'true');
    software.setAttribute('aria-selected', 'false');
    onlinePanel.hidden = false;
  });
  const paint = () => {
    const query = search.value.toLowerCase();
    tbody.replaceChildren(
      ...OFFERS.filter((o) => o.toLowerCase().includes(query)).map((name, i) => {
        const id = `offer-${i}-${Math.random().toString(36).slice(2)}`;
        const box = el('input', { type: 'checkbox', id });
        box.checked = picked.has(name);
        const quantity = el('input', { type: 'number', value: picked.get(name)?.quantity ?? 1 });
        quantity.addEventListener('input', () => {
          const n = Number(quantity.value);
          // The field refuses quantities over the offer's maximum by putting its value back.
          if (options.maxQuantity !== undefined && n > options.maxQuantity) quantity.value = '1';
          const entry = picked.get(name);
          if (entry) entry.quantity = Number(quantity.value);
        });
        box.addEventListener('change', () => {
          if (box.checked) picked.set(name, { name, quantity: Number(quantity.value) });
          else picked.delete(name);
          addToCart.disabled = picked.size === 0;
          // Some frameworks render the whole list anew on every change: the ticked box is replaced.
          if (options.repaintOnTick) later(10, paint);
        });
        return el('tr', {}, el('td', {}, box, el('label', { for: id }, name)), el('td', {}, quantity));
      }),
    );
  };
  paint();
  search.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') later(60, paint);
  });

  addToCart.addEventListener('click', () => {
    catalog.hidden = true;
    const review = el('button', {}, 'Review');
    const lines = [...picked.values()].map((line) => {
      // This cart starts every line at 1, whatever the catalog said.
      line.quantity = 1;
      const q = el('input', { type: 'number', 'aria-label': 'Quantity', value: 1 });
      q.addEventListener('change', () => (line.quantity = Number(q.value)));
      return el('tr', {}, el('td', {}, line.name), el('td', {}, q));
    });
    cart.replaceChildren(el('h2', {}, 'Cart'), el('table', {}, el('tbody', {}, ...lines)), review);
    cart.hidden = false;
    review.addEventListener('click', () => {
      const submit = el('button', {}, 'Submit');
      const items = [...picked.values()].map((l) => el('li', {}, `${l.name} × ${l.quantity}`));
      cart.replaceChildren(el('h2', {}, 'Review'), el('ul', {}, ...items), submit);
      submit.addEventListener('click', () => {
        submit.disabled = true;
        later(80, () => {
          if (options.failSubmit) {
            cart.append(el('div', { role: 'alert' }, 'Error 2002: The quantity is outside the allowed range.'));
            return;
          }
          cart.replaceChildren(
            el('h2', {}, 'Order submitted'),
            el(
              'dl',
              {},
              el('dt', {}, 'Order ID'),
              el('dd', {}, ORDER_ID),
              el('dt', {}, 'Date'),
              el('dd', {}, '2026-03-01'),
            ),
          );
        });
      });
    });
  });
  return { picked, search };
}

/**
 * Korean catalog: no tabs; in nested shadow roots; cards without any row role, each with an ARIA
 * radio named by aria-labelledby and a "수량" field inside a <label>; cards appear after a skeleton;
 * search filters at once; the cart and review are lists; the confirmation names an order number.
 */
function koreanCatalog(options: { failSubmit?: boolean; noOrderId?: boolean; twins?: boolean } = {}) {
  let chosen: { name: string; quantity: HTMLInputElement } | null = null;
  const offers = options.twins ? [...OFFERS, 'Office 365 E3'] : OFFERS;
  const searchLabel = el('span', { id: 'search-label' }, '검색');
  const search = el('input', { type: 'text', 'aria-labelledby': 'search-label' });
  const cards = el('div', { 'aria-busy': 'true' }, el('div', { class: 'shimmer' }));
  const add = el('button', {}, '카트에 추가');
  const inner = shadowHost('x-offer-list', cards);
  const stage = el('div', {}, el('div', {}, searchLabel, search), inner, add);
  document.body.append(shadowHost('x-app', shadowHost('x-catalog', stage)));

  const radios: HTMLElement[] = [];
  const paint = () => {
    const query = search.value.toLowerCase();
    radios.length = 0;
    cards.removeAttribute('aria-busy');
    cards.replaceChildren(
      ...offers
        .filter((o) => o.toLowerCase().includes(query))
        .map((name, i) => {
          const nameId = `n${i}`;
          const radio = el('span', { role: 'radio', 'aria-checked': 'false', 'aria-labelledby': nameId, tabindex: 0 });
          const quantity = el('input', { type: 'number', value: 1 });
          radio.addEventListener('click', () => {
            for (const r of radios) r.setAttribute('aria-checked', String(r === radio));
            chosen = { name, quantity };
          });
          radios.push(radio);
          return el(
            'div',
            { class: 'card' },
            el('div', {}, radio, el('b', { id: nameId }, name)),
            el('label', {}, '수량 ', quantity),
          );
        }),
    );
  };
  later(150, paint);
  search.addEventListener('input', paint);

  add.addEventListener('click', () => {
    if (!chosen) return;
    const line = { name: chosen.name, quantity: Number(chosen.quantity.value) };
    const review = el('a', { href: '#review', role: 'button' }, '검토');
    const cartLine = el('li', {}, `${line.name} — 수량: ${line.quantity}`);
    stage.replaceChildren(el('ul', { 'aria-label': '카트' }, cartLine), review);
    review.addEventListener('click', (e) => {
      e.preventDefault();
      const submit = el('button', {}, '제출');
      const table = el(
        'div',
        { role: 'table' },
        el('div', { role: 'row' }, ...['제품', '수량'].map((h) => el('span', { role: 'columnheader' }, h))),
        el('div', { role: 'row' }, ...[line.name, String(line.quantity)].map((c) => el('span', { role: 'cell' }, c))),
      );
      stage.replaceChildren(table, submit);
      submit.addEventListener('click', () =>
        later(50, () => {
          if (options.failSubmit) {
            shadowOf(inner).append(el('p', { role: 'alert' }, '오류 800091: 일시 중단된 구독이 있어 구매할 수 없습니다.'));
            stage.append(inner);
            return;
          }
          const text = options.noOrderId ? '주문이 제출되었습니다.' : '주문이 제출되었습니다. 주문 번호: ORD7731X2';
          stage.replaceChildren(el('p', { role: 'status' }, text));
        }),
      );
    });
  });
  return { chosen: () => chosen };
}


describe('the catalog in English', () => {
  it('selects the tab, searches, ticks the exact offer, fills its row, carts, corrects and submits', async () => {
    const { ctx } = testContext();
    const { picked } = englishCatalog();
    await chooseOffer({ offerName: 'office 365 e3', quantity: 5 }, ctx);
    expect([...picked.values()]).toEqual([{ name: 'Office 365 E3', quantity: 5 }]);
    await addToCartAndReview({ offerName: 'Office 365 E3', quantity: 5 }, ctx);
    expect(document.body.textContent).toContain('Office 365 E3 × 5');
    expect(await submitOrder(ctx)).toEqual({ orderId: ORDER_ID });
  });

  it('starts again on the new row when the list is rendered anew as the offer is ticked', async () => {
    const { ctx } = testContext();
    const { picked } = englishCatalog({ repaintOnTick: true });
    await chooseOffer({ offerName: 'Microsoft 365 Business Basic', quantity: 300 }, ctx);
    expect([...picked.values()]).toEqual([{ name: 'Microsoft 365 Business Basic', quantity: 300 }]);
  });

  it('is not-applied when the row refuses the quantity', async () => {
    const { ctx } = testContext();
    englishCatalog({ maxQuantity: 300 });
    const error = await failure(chooseOffer({ offerName: 'Office 365 E1', quantity: 301 }, ctx));
    expect([error.kind, error.target]).toEqual(['not-applied', 'quantity']);
  });

  it('is not-found for an offer the catalog does not list', async () => {
    const { ctx } = testContext(500);
    englishCatalog();
    const error = await failure(chooseOffer({ offerName: 'Kaizala Pro', quantity: 1 }, ctx));
    expect([error.kind, error.target]).toEqual(['not-found', 'Kaizala Pro']);
  });

  it('reports the error the portal shows after Submit', async () => {
    const { ctx } = testContext();
    englishCatalog({ failSubmit: true });
    await chooseOffer({ offerName: 'Office 365 E1', quantity: 2 }, ctx);
    await addToCartAndReview({ offerName: 'Office 365 E1', quantity: 2 }, ctx);
    const error = await failure(submitOrder(ctx));
    expect(error.kind).toBe('portal-error');
    expect(error.message).toContain('Error 2002');
  });
});

describe('the catalog in Korean', () => {
  it('chooses a radio in a card without row roles, carts, reviews and reads the order number', async () => {
    const { ctx } = testContext();
    const page = koreanCatalog();
    await chooseOffer({ offerName: 'Office 365 E3', quantity: 12 }, ctx);
    expect(page.chosen()?.name).toBe('Office 365 E3');
    expect(page.chosen()?.quantity.value).toBe('12');
    await addToCartAndReview({ offerName: 'Office 365 E3', quantity: 12 }, ctx);
    expect(await submitOrder(ctx)).toEqual({ orderId: 'ORD7731X2' });
  });

  it('returns a null order id when the confirmation shows none', async () => {
    const { ctx } = testContext();
    koreanCatalog({ noOrderId: true });
    await chooseOffer({ offerName: 'Office 365 E1', quantity: 1 }, ctx);
    await addToCartAndReview({ offerName: 'Office 365 E1', quantity: 1 }, ctx);
    expect(await submitOrder(ctx)).toEqual({ orderId: null });
  });

  it('is not-applied when the review shows another quantity than chosen', async () => {
    const { ctx } = testContext(400);
    koreanCatalog();
    await chooseOffer({ offerName: 'Office 365 E1', quantity: 3 }, ctx);
    const error = await failure(addToCartAndReview({ offerName: 'Office 365 E1', quantity: 4 }, ctx));
    expect(error.kind).toBe('not-applied');
  });

  it('refuses two offers of the same name rather than guess', async () => {
    const { ctx } = testContext();
    koreanCatalog({ twins: true });
    const error = await failure(chooseOffer({ offerName: 'Office 365 E3', quantity: 1 }, ctx));
    expect(error.kind).toBe('not-found');
    expect(error.message).toContain('2 offers');
  });

  it('reports a Korean error after Submit, and left-page when the page is gone', async () => {
    const t = testContext();
    koreanCatalog({ failSubmit: true });
    await chooseOffer({ offerName: 'Office 365 E1', quantity: 1 }, t.ctx);
    await addToCartAndReview({ offerName: 'Office 365 E1', quantity: 1 }, t.ctx);
    const error = await failure(submitOrder(t.ctx));
    expect([error.kind, error.message]).toEqual(['portal-error', '오류 800091: 일시 중단된 구독이 있어 구매할 수 없습니다.']);
    t.page.on = false;
    expect((await failure(submitOrder(t.ctx))).kind).toBe('left-page');
  });
});
