// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { MigratePanel } from './MigratePanel';
import { agentChange, agentClick, agentKey } from './test-events';
import { buttons, events, model, pick, top } from './test-model';

afterEach(() => render(null, document.body));

describe('MigratePanel', () => {
  it('offers exactly the next step, labelled with what the click will do', () => {
    const on = events();
    render(<MigratePanel lang="en" model={model()} {...on} />, document.body);
    expect(document.querySelector('[role="dialog"]')?.getAttribute('aria-labelledby')).toBe('pcma-panel-title');
    expect(buttons()).toContain('Buy 25 × Microsoft 365 Business Basic for Alpine Ski House');
    expect(buttons().some((b) => b?.startsWith('Move 25 users'))).toBe(false);
    agentClick([...document.querySelectorAll('button')].find((b) => b.textContent?.startsWith('Buy')));
    expect(on.onRun).toHaveBeenCalledWith('purchase');
  });

  it('shows progress of step B and the users who failed', () => {
    render(
      <MigratePanel
        lang="en"
        model={model({
          steps: { purchase: 'done', reassign: 'failed', suspend: 'waiting' },
          purchase: { orderId: 'o-1', subscriptionId: 's-2' },
          reassign: { done: 20, failed: 5, total: 25, cleanupOnly: false, failedUsers: [{ name: 'Ann Lee', reason: 'Out of licenses' }] },
        })}
        {...events()}
      />,
      document.body,
    );
    const bar = document.querySelector('[role="progressbar"]');
    expect(bar?.getAttribute('aria-valuenow')).toBe('20');
    expect(bar?.getAttribute('aria-valuemax')).toBe('25');
    expect(document.body.textContent).toContain('20 of 25 users moved');
    expect(document.body.textContent).toContain('Ann Lee: Out of licenses');
    expect(document.body.textContent).toContain('Bought: order o-1, subscription s-2.');
    expect(buttons()).toContain('Move 25 users from Microsoft Kaizala Pro to Microsoft 365 Business Basic');
  });

  it('says what a running step B is doing, in the agent\'s language', () => {
    const running = (lang: 'en' | 'ko', phase: 'read' | 'select' | 'save' | 'check') =>
      render(
        <MigratePanel
          lang={lang}
          model={model({
            steps: { purchase: 'done', reassign: 'running', suspend: 'waiting' },
            reassign: { done: 0, failed: 0, total: 1200, cleanupOnly: false, failedUsers: [], activity: { phase, done: 240, total: 1200 } },
          })}
          {...events()}
        />,
        document.body,
      );
    const status = () => document.querySelector('.activity[role="status"]')?.textContent;
    running('en', 'select');
    expect(status()).toBe('Selecting the users on Users and licenses: 240 of 1,200 found');
    running('en', 'check');
    expect(status()).toBe('Checking each user in Partner Center: 240 of 1,200');
    running('ko', 'read');
    expect(status()).toBe('파트너 센터에서 사용자별 라이선스를 확인하고 있습니다(1,200명 중 240명).');
    running('ko', 'save');
    expect(status()).toBe('라이선스 관리에서 사용자 1,200명의 라이선스 변경 내용을 저장하고 있습니다…');
  });

  it('lets the agent choose which holders of a pooled SKU move, and runs only with exactly that many', () => {
    const on = events();
    const holders = [
      { id: 'u1', name: 'Ann Lee', upn: 'ann@contoso.example', chosen: true },
      { id: 'u2', name: '김민준', upn: 'minjun@contoso.example', chosen: false },
    ];
    const pooled = (chosenCount: number) =>
      model({
        usersToMove: 1,
        steps: { purchase: 'done', reassign: 'pending', suspend: 'waiting' },
        reassign: {
          done: 0,
          failed: 0,
          total: 0,
          failedUsers: [],
          cleanupOnly: false,
          pool: { count: 1, holders, chosenCount, loading: false, failed: false },
        },
      });
    render(<MigratePanel lang="en" model={pooled(2)} {...on} />, document.body);
    const move = () => [...document.querySelectorAll('button')].find((b) => b.textContent?.startsWith('Move 1 users'));
    expect(document.querySelector('.pool legend')?.textContent).toBe(
      'Choose the 1 users who move: 2 users hold Microsoft Kaizala Pro, and the others keep it from the subscriptions that stay.',
    );
    expect(document.body.textContent).toContain('2 users chosen: choose exactly 1 before moving them.');
    expect(move()?.disabled).toBe(true);
    const second = document.querySelectorAll<HTMLInputElement>('.pool input[type="checkbox"]')[1];
    agentClick(second);
    expect(on.onChooseUser).toHaveBeenCalledWith('u2', true);
    render(<MigratePanel lang="ko" model={pooled(1)} {...on} />, document.body);
    expect(document.body.textContent).toContain('사용자 1명 중 1명을 선택했습니다.');
    expect([...document.querySelectorAll('button')].find((b) => b.textContent?.startsWith('사용자 1명을'))?.disabled).toBe(
      false,
    );
  });

  it('explains a stopped step with "I did this myself" and the guide\'s manual steps; its own button reruns it', () => {
    const on = events();
    render(
      <MigratePanel
        lang="ko"
        model={model({
          steps: { purchase: 'failed', reassign: 'waiting', suspend: 'waiting' },
          problem: { step: 'purchase', text: '찾지 못했습니다', manual: ['1. 고객을 선택합니다.'], canRerun: true },
        })}
        {...on}
      />,
      document.body,
    );
    expect(document.querySelector('[role="alert"]')?.textContent).toContain('찾지 못했습니다');
    expect(document.body.textContent).toContain('1. 고객을 선택합니다.');
    agentClick([...document.querySelectorAll('button')].find((b) => b.textContent === '직접 처리했습니다'));
    expect(on.onManualDone).toHaveBeenCalledWith('purchase');
    expect(buttons()).toContain('Alpine Ski House에 Microsoft 365 Business Basic 25개 구매');
  });

  it('blocks steps while another tab runs one, and refuses a bad quantity', () => {
    render(
      <MigratePanel
        lang="en"
        model={model({ otherTab: true, quantityError: { en: 'At most 300.', ko: '최대 300.' } })}
        {...events()}
      />,
      document.body,
    );
    const buy = [...document.querySelectorAll('button')].find((b) => b.textContent?.startsWith('Buy'));
    expect(buy?.disabled).toBe(true);
    expect(document.body.textContent).toContain('Another tab is running a step');
    expect(document.querySelector('input[type="number"]')?.getAttribute('aria-invalid')).toBe('true');
    expect(document.body.textContent).toContain('At most 300.');
  });

  it("acts on the agent's own input only: a script of the page changes nothing", () => {
    const on = events();
    const holders = [{ id: 'u1', name: 'Ann Lee', upn: 'ann@contoso.example', chosen: true }];
    const pooled = model({
      steps: { purchase: 'failed', reassign: 'pending', suspend: 'waiting' },
      problem: { step: 'purchase', text: 'Not found', manual: ['1. Select the customer.'], canRerun: true },
      reassign: {
        done: 0,
        failed: 0,
        total: 0,
        failedUsers: [],
        cleanupOnly: false,
        pool: { count: 1, holders, chosenCount: 1, loading: false, failed: false },
      },
    });
    render(<MigratePanel lang="en" model={pooled} {...on} />, document.body);
    const quantity = document.querySelector<HTMLInputElement>('input[type="number"]');
    const select = document.querySelector<HTMLSelectElement>('select');
    const box = document.querySelector<HTMLInputElement>('.pool input[type="checkbox"]');
    const other = pick.options.find((o) => o.eligible && o.plan.key !== top.plan.key);
    if (!quantity || !select || !box || !other) throw new Error('panel controls missing');

    // What a page script can do: click every button, set 300 and another plan, click the box, press Escape.
    for (const button of document.querySelectorAll('button')) button.click();
    quantity.value = '300';
    quantity.dispatchEvent(new Event('change', { bubbles: true }));
    select.value = other.plan.key;
    select.dispatchEvent(new Event('change', { bubbles: true }));
    box.click();
    document.querySelector('[role="dialog"]')?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    for (const handler of Object.values(on)) expect(handler).not.toHaveBeenCalled();
    // What the agent sees is put back: the quantity, the plan and the tick stay the agent's.
    expect(quantity.value).toBe('25');
    expect(select.value).toBe(top.plan.key);
    expect(box.checked).toBe(true);

    // The agent's own input does each of those.
    agentChange(quantity, '30');
    expect(on.onQuantity).toHaveBeenCalledWith(30);
    agentChange(select, other.plan.key);
    expect(on.onChoosePlan).toHaveBeenCalledWith(other.plan.key);
    agentClick(box);
    expect(on.onChooseUser).toHaveBeenCalledWith('u1', false);
    agentClick([...document.querySelectorAll('button')].find((b) => b.textContent?.startsWith('Buy 25')));
    expect(on.onRun).toHaveBeenCalledWith('purchase');
    agentClick([...document.querySelectorAll('button')].find((b) => b.textContent?.startsWith('Move 25 users')));
    expect(on.onRun).toHaveBeenCalledWith('reassign');
    agentClick([...document.querySelectorAll('button')].find((b) => b.textContent === 'Export log (CSV)'));
    expect(on.onExport).toHaveBeenCalledWith('csv');
    agentKey(document.querySelector('[role="dialog"]'), 'Escape');
    expect(on.onClose).toHaveBeenCalledTimes(1);
    agentClick([...document.querySelectorAll('button')].find((b) => b.textContent === 'Close'));
    expect(on.onClose).toHaveBeenCalledTimes(2);
  });

  it('holds no landmark of its own, names its groups, and has no empty status', () => {
    render(<MigratePanel lang="en" model={model()} {...events()} />, document.body);
    // A header or footer here would be a second banner or contentinfo landmark beside the portal's.
    expect(document.querySelectorAll('header, footer, main, nav, aside, [role="banner"], [role="contentinfo"]')).toHaveLength(0);
    const reasons = document.querySelector('.panel__plan details');
    const label = reasons?.getAttribute('aria-labelledby');
    expect(label && document.getElementById(label)?.textContent).toBe('Why this replacement');
    // Step B's activity line is a live region from the start, but no empty status.
    const activity = document.querySelector('.activity');
    expect(activity?.getAttribute('aria-live')).toBe('polite');
    expect(activity?.hasAttribute('role')).toBe(false);
    for (const status of document.querySelectorAll('[role="status"]')) expect(status.textContent?.trim()).not.toBe('');
  });

  it('says each reason once', () => {
    const twice = { en: 'The customer already buys this plan.', ko: '고객이 이미 이 요금제를 구매하고 있습니다.', fact: 'owned-plans' };
    render(
      <MigratePanel lang="ko" model={model({ reasons: [twice, ...pick.reasons], chosen: { ...top, reasons: [twice] } })} {...events()} />,
      document.body,
    );
    const lines = [...document.querySelectorAll('.panel__plan details li')].map((li) => li.textContent);
    expect(lines.filter((l) => l === twice.ko)).toHaveLength(1);
    expect(new Set(lines).size).toBe(lines.length);
  });

  it('makes only the step\'s action primary: Close, "I did this myself" and the log exports are secondary', () => {
    render(
      <MigratePanel
        lang="en"
        model={model({
          steps: { purchase: 'failed', reassign: 'waiting', suspend: 'waiting' },
          problem: { step: 'purchase', text: 'Not found', manual: ['1. Select the customer.'], canRerun: true },
        })}
        {...events()}
      />,
      document.body,
    );
    const primary = [...document.querySelectorAll('button')].filter((b) => b.matches('.primary, .step__run'));
    expect(primary.map((b) => b.textContent)).toEqual(['Buy 25 × Microsoft 365 Business Basic for Alpine Ski House']);
  });

  it('takes focus when it opens and gives it back to the Migrate button that opened it when it closes', () => {
    const page = document.createElement('div');
    const migrate = document.createElement('button');
    migrate.setAttribute('aria-label', 'Migrate Kaizala Pro');
    page.append(migrate);
    const root = document.createElement('div');
    document.body.append(page, root);
    try {
      migrate.focus();
      act(() => render(<MigratePanel lang="en" model={model()} {...events()} />, root));
      expect(document.activeElement).toBe(root.querySelector('[role="dialog"]'));
      root.querySelector<HTMLButtonElement>('.panel__close')?.focus();
      act(() => render(null, root));
      expect(document.activeElement).toBe(migrate);

      // Focus the agent moved out of the panel stays where they put it.
      migrate.focus();
      act(() => render(<MigratePanel lang="en" model={model()} {...events()} />, root));
      const elsewhere = document.createElement('input');
      page.append(elsewhere);
      elsewhere.focus();
      act(() => render(null, root));
      expect(document.activeElement).toBe(elsewhere);
    } finally {
      page.remove();
      root.remove();
    }
  });

  it('opened with nothing pressed (a reload), it closes onto that subscription\'s Migrate button', () => {
    const host = document.createElement('pcma-banner');
    host.setAttribute('data-pcma', 'banner');
    const migrate = document.createElement('button');
    migrate.setAttribute('aria-label', 'Migrate Kaizala Pro');
    host.attachShadow({ mode: 'open' }).append(migrate);
    const root = document.createElement('div');
    document.body.append(host, root);
    try {
      (document.activeElement as HTMLElement | null)?.blur();
      act(() => render(<MigratePanel lang="en" model={model()} {...events()} />, root));
      act(() => render(null, root));
      expect(host.shadowRoot?.activeElement).toBe(migrate);
    } finally {
      host.remove();
      root.remove();
    }
  });
});
