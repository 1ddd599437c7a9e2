// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { suspend } from './subscription-detail';
import { el, failure, later, shadowHost, testContext } from './test-dom';

afterEach(() => {
  document.body.replaceChildren();
});


/**
 * English: a <fieldset> with legend Status and native radios named by <label for>, a status field
 * in a <dl>; Submit updates that field in place and adds the de-provisioning note (no re-render).
 */
function englishDetail(options: { status?: 'active' | 'suspended'; fail?: boolean } = {}) {
  const suspendedNow = options.status === 'suspended';
  const active = el('input', { type: 'radio', name: 's', id: 'r-active' });
  const suspended = el('input', { type: 'radio', name: 's', id: 'r-suspended' });
  active.checked = !suspendedNow;
  suspended.checked = suspendedNow;
  const field = el('dd', {}, suspendedNow ? 'Suspended' : 'Active');
  const note = el('p', { hidden: !suspendedNow }, 'This subscription will be de-provisioned on 7/1/2026');
  // A billing radio group on the same page must not be confused with Status.
  const billing = el(
    'fieldset',
    {},
    el('legend', {}, 'Billing cycle'),
    el('input', { type: 'radio', name: 'b', id: 'b1', checked: true }),
    el('label', { for: 'b1' }, 'Monthly'),
  );
  const submit = el('button', {}, 'Submit');
  let submits = 0;
  submit.addEventListener('click', () => {
    submits++;
    later(80, () => {
      if (options.fail) {
        document.body.append(el('p', { role: 'alert' }, 'Error 800091: This subscription cannot be updated.'));
        return;
      }
      field.textContent = suspended.checked ? 'Suspended' : 'Active';
      note.hidden = !suspended.checked;
    });
  });
  document.body.append(
    el('h1', {}, 'Kaizala Pro'),
    el('dl', {}, el('dt', {}, 'Status'), field),
    el(
      'fieldset',
      {},
      el('legend', {}, 'Status'),
      active,
      el('label', { for: 'r-active' }, 'Active'),
      suspended,
      el('label', { for: 'r-suspended' }, 'Suspended'),
      note,
    ),
    billing,
    submit,
  );
  return { suspended, submits: () => submits };
}

/**
 * Korean: in shadow roots, a role=radiogroup named by aria-labelledby, ARIA radios named by
 * aria-label; Submit re-renders the whole form (new elements) and says the subscription was updated.
 */
function koreanDetail(options: { silent?: boolean } = {}) {
  const form = el('div', {});
  const render = (status: 'active' | 'suspended', confirmed: boolean) => {
    const radio = (label: string, value: 'active' | 'suspended') => {
      const checked = String(status === value);
      const r = el('span', { role: 'radio', 'aria-checked': checked, 'aria-label': label, tabindex: 0 });
      r.addEventListener('click', () => {
        for (const other of Array.from(form.querySelectorAll('[role=radio]'))) {
          other.setAttribute('aria-checked', 'false');
        }
        r.setAttribute('aria-checked', 'true');
      });
      return r;
    };
    const submit = el('button', {}, '제출');
    submit.addEventListener('click', () => {
      const chosen = form.querySelector('[aria-label="일시 중단됨"]')?.getAttribute('aria-checked') === 'true';
      if (!options.silent) later(60, () => render(chosen ? 'suspended' : 'active', true));
    });
    form.replaceChildren(
      el('span', { id: 'status-label' }, '상태'),
      el(
        'div',
        { role: 'radiogroup', 'aria-labelledby': 'status-label' },
        radio('활성', 'active'),
        radio('일시 중단됨', 'suspended'),
        status === 'suspended'
          ? el('p', {}, '이 구독은 ', el('time', {}, '2026. 7. 1.'), '에 프로비전 해제됩니다')
          : null,
      ),
      submit,
      ...(confirmed ? [el('p', { role: 'status' }, '구독이 업데이트되었습니다.')] : []),
    );
  };
  later(100, () => render('active', false));
  document.body.append(shadowHost('x-app', shadowHost('x-detail', form)));
  return { form };
}

describe('suspend in English', () => {
  it('picks Suspended in the Status fieldset, submits and reads the de-provisioning note', async () => {
    const { ctx } = testContext();
    const page = englishDetail();
    expect(await suspend(ctx)).toEqual({
      deprovisionText: 'This subscription will be de-provisioned on 7/1/2026',
      alreadySuspended: false,
    });
    expect(page.suspended.checked).toBe(true);
    expect(page.submits()).toBe(1);
  });

  it('submits nothing when the page already shows the subscription suspended', async () => {
    const { ctx } = testContext();
    const page = englishDetail({ status: 'suspended' });
    expect(await suspend(ctx)).toEqual({
      deprovisionText: 'This subscription will be de-provisioned on 7/1/2026',
      alreadySuspended: true,
    });
    expect(page.submits()).toBe(0);
  });

  it('is a portal-error when the portal answers with an error message', async () => {
    const { ctx } = testContext();
    englishDetail({ fail: true });
    const error = await failure(suspend(ctx));
    expect([error.kind, error.message]).toEqual(['portal-error', 'Error 800091: This subscription cannot be updated.']);
  });
});

describe('suspend in Korean', () => {
  it('waits for the form, chooses the ARIA radio, and accepts the repainted confirmation', async () => {
    const { ctx } = testContext();
    const { form } = koreanDetail();
    expect(await suspend(ctx)).toEqual({
      deprovisionText: '이 구독은 2026. 7. 1. 에 프로비전 해제됩니다',
      alreadySuspended: false,
    });
    expect(form.querySelector('[aria-label="일시 중단됨"]')?.getAttribute('aria-checked')).toBe('true');
  });

  it('is not-applied when Submit brings no confirmation', async () => {
    const { ctx } = testContext(400);
    koreanDetail({ silent: true });
    const error = await failure(suspend(ctx));
    expect([error.kind, error.target]).toEqual(['not-applied', 'submit']);
  });

  it('is left-page before acting when the portal has moved on', async () => {
    const t = testContext();
    const { form } = koreanDetail();
    later(50, () => (t.page.on = false));
    expect((await failure(suspend(t.ctx))).kind).toBe('left-page');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(form.querySelector('[aria-label="일시 중단됨"]')?.getAttribute('aria-checked')).toBe('false');
  });
});
