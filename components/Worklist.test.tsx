// @vitest-environment happy-dom
import { render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import type { WorklistStatus } from '@/lib/worklist/messages';
import { Worklist } from './Worklist';

const base: WorklistStatus = { ok: true, running: false, progress: null, rows: [], failures: [], startedAt: null, problem: null };
const progress = { phase: 'done' as const, customersRead: 12, customersTotal: 12, retiringFound: 2, customersWithRetiring: 2, failed: 1 };
const rows: WorklistStatus['rows'] = [
  { customerId: 'c2', customerName: '한결테크', subscriptionId: 's2', offerName: 'Kaizala Pro', quantity: 12, endDate: '2026-12-10', daysLeft: 7, urgency: 'urgent', migration: 'in-progress', nextStep: 'reassign' },
  { customerId: 'c1', customerName: 'Contoso', subscriptionId: 's1', offerName: 'Kaizala Pro', quantity: 25, endDate: '2027-01-02', daysLeft: 30, urgency: 'urgent', migration: 'not-started', nextStep: null },
];

function show(status: WorklistStatus | null, lang: 'en' | 'ko' = 'en') {
  const events = { onStart: vi.fn(), onCancel: vi.fn(), onOpen: vi.fn(), onExport: vi.fn() };
  render(<Worklist lang={lang} status={status} {...events} />, document.body);
  const button = (name: string) => [...document.querySelectorAll('button')].find((b) => (b.getAttribute('aria-label') ?? b.textContent) === name);
  return { events, button };
}

describe('the worklist panel', () => {
  it('offers one scan to start, then lists the retiring subscriptions soonest first with days left', () => {
    const { events, button } = show(base);
    button('Scan all customers')?.click();
    expect(events.onStart).toHaveBeenCalledWith(false);
    const done = show({ ...base, progress, rows, failures: [{ customerId: 'c9', customerName: 'Fabrikam', reason: 'server' }] });
    expect(document.body.textContent).toContain('All 12 customers read: 2 customers have 2 retiring subscriptions.');
    const cells = [...document.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent));
    expect(cells).toEqual([
      ['한결테크', 'Kaizala Pro', '12', 'December 10, 2026', '7 days', 'In progress: step B'],
      ['Contoso', 'Kaizala Pro', '25', 'January 2, 2027', '30 days', 'Not started'],
    ]);
    expect(document.body.textContent).toContain('Fabrikam: server');
    done.button('Open Contoso')?.click();
    expect(done.events.onOpen).toHaveBeenCalledWith('c1');
    done.button('Export list (CSV)')?.click();
    expect(done.events.onExport).toHaveBeenCalledWith('csv');
    done.button('Refresh the list')?.click();
    expect(done.events.onStart).toHaveBeenCalledWith(true);
  });

  it('while scanning shows the progress bar with counts and a way to stop; stopped, a way to continue', () => {
    const running = show({ ...base, running: true, progress: { ...progress, phase: 'reading', customersRead: 5 } });
    expect(document.querySelector('[role="progressbar"]')?.getAttribute('aria-valuenow')).toBe('5');
    expect(document.body.textContent).toContain('5 of 12 customers read · 2 retiring subscriptions found');
    running.button('Stop the scan')?.click();
    expect(running.events.onCancel).toHaveBeenCalled();
    const stopped = show({ ...base, progress: { ...progress, phase: 'stopped', customersRead: 5 } });
    stopped.button('Continue the scan')?.click();
    expect(stopped.events.onStart).toHaveBeenCalledWith(false);
  });

  it('says in Korean what stands in the way', () => {
    show({ ...base, problem: 'no-portal-tab' }, 'ko');
    expect(document.querySelector('[role="alert"]')?.textContent).toBe('탭에서 파트너 센터를 열고 로그인한 후 검색을 다시 시작하세요.');
    show(null, 'ko');
    expect(document.querySelector('[role="alert"]')?.textContent).toContain('확장 프로그램에 연결할 수 없습니다');
  });
});
