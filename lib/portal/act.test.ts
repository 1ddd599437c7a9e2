// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { click, fill, findControl, readChecked, setChecked } from './act';
import { ariaCheckbox, el, failure, later, shadowHost, shadowOf, sleep, testContext } from './pages/test-dom';

afterEach(() => {
  document.body.replaceChildren();
});


describe('findControl', () => {
  it('waits for a Korean label inside nested shadow roots, and for it to be enabled', async () => {
    const { ctx } = testContext();
    const button = el('button', { disabled: true }, '  구독   추가 ');
    later(50, () => document.body.append(shadowHost('x-shell', shadowHost('x-toolbar', button))));
    later(150, () => button.removeAttribute('disabled'));
    const started = Date.now();
    const found = await findControl(['button', 'link'], 'addSubscription', ctx);
    expect(found).toBe(button);
    expect(Date.now() - started).toBeGreaterThanOrEqual(100);
  });

  it('matches a spelling variant, a plain text and a pattern; skips hidden controls', async () => {
    const { ctx } = testContext();
    const hidden = el('a', { href: '#', hidden: true }, 'Add subscription');
    const visible = el('a', { href: '#' }, 'Add Subscriptions');
    document.body.append(el('div', {}, hidden, visible), el('button', { 'aria-label': 'Office 365 E3' }, 'x'));
    expect(await findControl('link', 'addSubscription', ctx)).toBe(visible);
    expect(await findControl('button', 'office 365  e3', ctx)).not.toBeNull();
    expect(await findControl('button', /E3$/g, ctx)).not.toBeNull();
  });

  it('is not-found after the timeout, saying when the control stayed disabled', async () => {
    const { ctx } = testContext(200);
    document.body.append(el('button', { 'aria-disabled': 'true' }, 'Save'));
    const missing = await failure(findControl('button', 'submit', ctx));
    expect(missing.kind).toBe('not-found');
    expect(missing.target).toBe('submit');
    const disabled = await failure(findControl('button', 'save', ctx));
    expect(disabled.kind).toBe('not-found');
    expect(disabled.message).toContain('disabled');
  });

  it('is left-page when the URL leaves while waiting, aborted when the run is cancelled', async () => {
    const left = testContext();
    later(50, () => {
      left.page.on = false;
    });
    expect((await failure(findControl('button', 'save', left.ctx))).kind).toBe('left-page');
    const cancelled = testContext();
    later(50, () => cancelled.controller.abort());
    expect((await failure(findControl('button', 'save', cancelled.ctx))).kind).toBe('aborted');
  });
});

describe('click', () => {
  it('refuses to act once the page was left or the run cancelled', async () => {
    let clicks = 0;
    const button = el('button', {}, 'Submit');
    button.addEventListener('click', () => clicks++);
    document.body.append(button);
    const { ctx, page, controller } = testContext();
    page.on = false;
    expect((await failure(click(button, ctx))).kind).toBe('left-page');
    page.on = true;
    controller.abort();
    expect((await failure(click(button, ctx))).kind).toBe('aborted');
    expect(clicks).toBe(0);
  });

  it('sends a mouse sequence and waits for the effect it expects', async () => {
    const seen: string[] = [];
    const button = el('button', {}, 'Review');
    for (const type of ['pointerdown', 'mousedown', 'mouseup', 'click']) {
      button.addEventListener(type, () => seen.push(type));
    }
    const status = el('p', {});
    button.addEventListener('click', () => later(80, () => (status.textContent = 'done')));
    document.body.append(button, status);
    const { ctx } = testContext();
    await click(button, ctx, { until: () => status.textContent === 'done' });
    expect(seen).toEqual(['pointerdown', 'mousedown', 'mouseup', 'click']);
  });

  it('is not-applied when the expected effect never comes, or the control is disabled', async () => {
    const button = el('button', {}, 'Review');
    document.body.append(button);
    const { ctx } = testContext(200);
    expect((await failure(click(button, ctx, { until: () => false }))).kind).toBe('not-applied');
    button.disabled = true;
    expect((await failure(click(button, ctx))).kind).toBe('not-applied');
  });
});

describe('fill', () => {
  it('sets the value through the native setter and fires input and change out of a shadow root', async () => {
    const input = el('input', { type: 'number', 'aria-label': 'Quantity' });
    // A framework's own tracker on the instance (as React installs): it must be bypassed.
    let trackerSaw: string | null = null;
    const proto = Object.getPrototypeOf(input) as object;
    const native = Object.getOwnPropertyDescriptor(proto, 'value');
    Object.defineProperty(input, 'value', {
      configurable: true,
      get: () => native?.get?.call(input) as string,
      set: (v: string) => {
        trackerSaw = v;
      },
    });
    document.body.append(shadowHost('x-field', input));
    const events: string[] = [];
    for (const type of ['input', 'change', 'focusin', 'focusout']) {
      document.addEventListener(type, (e) => events.push(`${type}:${(e as Event).composed ? 'composed' : 'local'}`));
    }
    const { ctx } = testContext();
    await fill(input, '25', ctx);
    expect(native?.get?.call(input)).toBe('25');
    expect(trackerSaw).toBeNull();
    expect(events).toContain('input:composed');
    expect(events).toContain('change:composed');
    expect(events.indexOf('input:composed')).toBeLessThan(events.indexOf('change:composed'));
  });

  it('is not-applied when the field puts its own value back', async () => {
    const input = el('input', { type: 'text', value: '1' });
    input.addEventListener('input', () => {
      // A controlled field that accepts digits up to 300 only.
      if (!/^\d+$/.test(input.value) || Number(input.value) > 300) input.value = '1';
    });
    document.body.append(input);
    const { ctx } = testContext();
    await fill(input, '300', ctx);
    const error = await failure(fill(input, '301', ctx, 'quantity'));
    expect(error.kind).toBe('not-applied');
    expect(error.target).toBe('quantity');
    expect(error.message).toContain('"1"');
  });

  it('is not-applied when the field marks itself invalid, with its message', async () => {
    const message = el('span', { id: 'q-err' }, 'At most 300 licenses');
    const input = el('input', { type: 'text', 'aria-errormessage': 'q-err' });
    input.addEventListener('change', () => input.setAttribute('aria-invalid', String(Number(input.value) > 300)));
    document.body.append(input, message);
    const { ctx } = testContext();
    const error = await failure(fill(input, '500', ctx));
    expect(error.kind).toBe('not-applied');
    expect(error.message).toContain('At most 300 licenses');
  });

  it('refuses a read-only field and a page that was left', async () => {
    const input = el('input', { type: 'text', readonly: true });
    document.body.append(input);
    const { ctx, page } = testContext();
    expect((await failure(fill(input, 'x', ctx))).kind).toBe('not-applied');
    input.readOnly = false;
    page.on = false;
    expect((await failure(fill(input, 'x', ctx))).kind).toBe('left-page');
    expect(input.value).toBe('');
  });
});

describe('setChecked', () => {
  it('ticks and clears a native checkbox labelled by <label for>', async () => {
    const box = el('input', { type: 'checkbox', id: 'c1' });
    document.body.append(box, el('label', { for: 'c1' }, 'Adele'));
    const { ctx } = testContext();
    await setChecked(box, true, ctx);
    expect(box.checked).toBe(true);
    await setChecked(box, false, ctx);
    expect(box.checked).toBe(false);
  });

  it('takes a tri-state box from mixed to false in two clicks, and from mixed to true in one', async () => {
    const { ctx } = testContext();
    const a = ariaCheckbox('Kaizala Pro', 'mixed');
    const b = ariaCheckbox('Office 365 E3', 'mixed');
    let clicksA = 0;
    let clicksB = 0;
    a.addEventListener('click', () => clicksA++);
    b.addEventListener('click', () => clicksB++);
    document.body.append(shadowHost('x-grid', a, b));
    await setChecked(a, false, ctx);
    await setChecked(b, true, ctx);
    expect([a.getAttribute('aria-checked'), clicksA]).toEqual(['false', 2]);
    expect([b.getAttribute('aria-checked'), clicksB]).toEqual(['true', 1]);
  });

  it('handles a native indeterminate checkbox as mixed', async () => {
    const box = el('input', { type: 'checkbox', 'aria-label': 'Product' });
    box.indeterminate = true;
    document.body.append(box);
    expect(readChecked(box)).toBe('mixed');
    const { ctx } = testContext();
    await setChecked(box, false, ctx);
    expect(readChecked(box)).toBe('false');
  });

  it('is not-applied when clicks do not change the box, or it changes back', async () => {
    const stuck = el('span', { role: 'checkbox', 'aria-checked': 'false', 'aria-label': 'Stuck' });
    const bouncy = el('input', { type: 'checkbox', 'aria-label': 'Bouncy' });
    bouncy.addEventListener('change', () => later(10, () => (bouncy.checked = false)));
    document.body.append(stuck, bouncy);
    const { ctx } = testContext(200);
    expect((await failure(setChecked(stuck, true, ctx))).kind).toBe('not-applied');
    expect((await failure(setChecked(bouncy, true, ctx))).kind).toBe('not-applied');
  });

  it('chooses a radio (native and ARIA) and refuses to clear one', async () => {
    const active = el('input', { type: 'radio', name: 'status', id: 'r1', checked: true });
    const suspended = el('input', { type: 'radio', name: 'status', id: 'r2' });
    const host = shadowHost(
      'x-status',
      el('fieldset', {}, el('legend', {}, 'Status'), active, el('label', { for: 'r1' }, 'Active')),
    );
    shadowOf(host).append(suspended, el('label', { for: 'r2' }, 'Suspended'));
    const aria = ariaCheckbox('Monthly', 'false', { role: 'radio' });
    document.body.append(host, aria);
    const { ctx } = testContext();
    await setChecked(suspended, true, ctx);
    expect([active.checked, suspended.checked]).toEqual([false, true]);
    await setChecked(aria, true, ctx);
    expect(aria.getAttribute('aria-checked')).toBe('true');
    expect((await failure(setChecked(suspended, false, ctx))).kind).toBe('not-applied');
  });

  it('stops at the page boundary between clicks', async () => {
    const { ctx, page } = testContext();
    const box = ariaCheckbox('Kaizala Pro', 'mixed');
    box.addEventListener('click', () => {
      page.on = false;
    });
    document.body.append(box);
    expect((await failure(setChecked(box, false, ctx))).kind).toBe('left-page');
    await sleep(0);
  });
});
