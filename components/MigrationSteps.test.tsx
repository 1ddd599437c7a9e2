// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { MigratePanel } from './MigratePanel';
import { button, events, model } from './test-model';

afterEach(() => render(null, document.body));

describe('the three steps', () => {
  it('are three cards of one kind, A, B, C in order, each named by its heading', () => {
    render(
      <MigratePanel
        lang="en"
        model={model({ steps: { purchase: 'done', reassign: 'pending', suspend: 'waiting' }, purchase: { orderId: 'o', subscriptionId: 's' } })}
        {...events()}
      />,
      document.body,
    );
    const cards = [...document.querySelectorAll('section.step')];
    expect(cards.map((c) => document.getElementById(c.getAttribute('aria-labelledby') ?? '')?.textContent)).toEqual([
      'A. Buy the new subscription — Done',
      "B. Move the users' licenses — Not started",
      'C. Suspend the old subscription — Waits for the step before',
    ]);
    expect(cards.map((c) => c.className)).toEqual(['step step--done', 'step step--pending', 'step step--waiting']);
    // Only the step that is next has a button, inside its own card.
    expect(cards.map((c) => c.querySelectorAll('.step__run').length)).toEqual([0, 1, 0]);
  });

  it('keeps a Korean count with its counter on one line in the step buttons, the words unchanged', () => {
    render(<MigratePanel lang="ko" model={model({ quantity: 12 })} {...events()} />, document.body);
    const buy = button('Alpine Ski House에');
    expect(buy?.textContent).toBe('Alpine Ski House에 Microsoft 365 Business Basic 12개 구매');
    expect([...(buy?.querySelectorAll('.nowrap') ?? [])].map((s) => s.textContent)).toEqual(['12개']);

    render(
      <MigratePanel lang="ko" model={model({ steps: { purchase: 'done', reassign: 'done', suspend: 'pending' } })} {...events()} />,
      document.body,
    );
    expect([...(button('Kaizala Pro 일시 중단')?.querySelectorAll('.nowrap') ?? [])].map((s) => s.textContent)).toEqual([
      '120일',
    ]);
  });
});
