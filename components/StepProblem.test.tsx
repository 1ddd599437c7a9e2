// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { MigratePanel } from './MigratePanel';
import { agentClick } from './test-events';
import { button, buttons, events, model } from './test-model';

afterEach(() => render(null, document.body));

const stoppedB = (canRerun: boolean, text = 'Partner Center refused the save.') =>
  model({
    steps: { purchase: 'done', reassign: 'failed', suspend: 'waiting' },
    purchase: { orderId: 'o-1', subscriptionId: 's-2' },
    problem: { step: 'reassign', text, manual: ['1. Open Users and licenses.'], canRerun },
  });

describe('a stopped step', () => {
  it('offers one way to run it again: its own button, no Retry beside it', () => {
    const on = events();
    render(<MigratePanel lang="en" model={stoppedB(true)} {...on} />, document.body);
    expect(buttons()).not.toContain('Retry');
    const alert = document.querySelector('[role="alert"]');
    expect([...(alert?.querySelectorAll('button') ?? [])].map((b) => b.textContent)).toEqual(['I did this myself']);
    const move = button('Move 25 users from Microsoft Kaizala Pro');
    expect(move?.disabled).toBe(false);
    agentClick(move);
    expect(on.onRun).toHaveBeenCalledWith('reassign');
    agentClick(button('I did this myself'));
    expect(on.onManualDone).toHaveBeenCalledWith('reassign');
  });

  it('keeps "I checked: nothing was bought" when an order may exist', () => {
    const on = events();
    const m = model({
      steps: { purchase: 'failed', reassign: 'waiting', suspend: 'waiting' },
      problem: { step: 'purchase', text: 'An order may exist.', manual: [], canRerun: true, orderMayExist: true },
    });
    render(<MigratePanel lang="en" model={m} {...on} />, document.body);
    agentClick(button('I checked: nothing was bought'));
    expect(on.onNothingBought).toHaveBeenCalledTimes(1);
    expect(button('Buy 25 ×')?.disabled).toBe(false);
  });

  it('that can only be refused again (the account lacks the role): its button is off, and the box says what to do', () => {
    const on = events();
    render(<MigratePanel lang="en" model={stoppedB(false)} {...on} />, document.body);
    const move = button('Move 25 users');
    expect(move?.disabled).toBe(true);
    agentClick(move);
    expect(on.onRun).not.toHaveBeenCalled();
    const alert = document.querySelector('[role="alert"]');
    expect(alert?.textContent).toContain('Partner Center refused the save.');
    expect(alert?.textContent).toContain(
      'Ask an admin of your partner account for the role named above, then reload this page and run the step.',
    );
    // The way out that still works stays.
    expect(button('I did this myself')?.disabled).toBe(false);

    render(<MigratePanel lang="ko" model={stoppedB(false, '권한이 없습니다.')} {...on} />, document.body);
    expect(button('사용자 25명을')?.disabled).toBe(true);
    expect(document.querySelector('[role="alert"]')?.textContent).toContain(
      '파트너 계정 관리자에게 위에 적힌 역할을 요청한 후 이 페이지를 새로 고치고 단계를 실행하세요.',
    );
  });

  it('that may run again says nothing about roles', () => {
    render(<MigratePanel lang="en" model={stoppedB(true)} {...events()} />, document.body);
    expect(document.querySelector('[role="alert"]')?.textContent).not.toContain('reload this page');
  });
});
