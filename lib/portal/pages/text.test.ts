// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { el, shadowHost } from './test-dom';
import { hasPhrase, leadsWithLabel, orderIdIn, shownChunks } from './text';

afterEach(() => {
  document.body.replaceChildren();
});

describe('reading what the portal says', () => {
  it('reads visible text through shadow roots and slots, skipping hidden parts', () => {
    const host = shadowHost('x-card', el('h2', {}, 'Order submitted'), el('slot', {}));
    host.append(el('p', {}, 'slotted line'));
    document.body.append(host, el('p', { hidden: true }, 'hidden'), el('p', { style: 'display: none' }, 'gone'));
    expect(shownChunks(document.body).map((c) => c.text)).toEqual(['Order submitted', 'slotted line']);
  });

  it('finds phrases from a word start in English and regardless of spacing in Korean', () => {
    expect(hasPhrase('deprovision', 'This subscription will be De-provisioned on 7/1/2026')).toBe(true);
    expect(hasPhrase('deprovision', '일시 중단된 구독은 120일 후 자동으로 프로 비전 해제 됩니다')).toBe(true);
    expect(hasPhrase('order', 'Reorder later')).toBe(false);
    expect(hasPhrase('order', 'border')).toBe(false);
    expect(hasPhrase('orderConfirmed', '주문이 제출되었습니다.')).toBe(true);
  });

  it('takes the id after the word Order, not dates, quantities or ids seen before', () => {
    const chunks = (...texts: string[]) => texts.map((text) => ({ el: document.body, text }));
    expect(orderIdIn(chunks('Order ID', '2026-03-01', 'ab12cd34ef'))).toBe('ab12cd34ef');
    expect(orderIdIn(chunks('주문 번호:ORD7731X2'))).toBe('ORD7731X2');
    expect(orderIdIn(chunks('Order', 'Quantity 300'))).toBeNull();
    expect(orderIdIn(chunks('Order: OLD123456 NEW654321'), (id) => id !== 'OLD123456')).toBe('NEW654321');
    expect(orderIdIn(chunks('CART999999', 'no word here'))).toBeNull();
  });

  it('recognises a label at the start of a sentence', () => {
    expect(leadsWithLabel('licensesUpdated', 'Licenses updated.')).toBe(true);
    expect(leadsWithLabel('licensesUpdated', '라이선스가 업데이트됨 (2명)')).toBe(true);
    expect(leadsWithLabel('licensesUpdated', 'Licenses updatedness')).toBe(false);
  });
});
