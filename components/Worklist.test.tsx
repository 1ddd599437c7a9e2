// @vitest-environment happy-dom
import { render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import type { WorklistStatus } from '@/lib/worklist/messages';
import { testRow } from '@/lib/worklist/test-rows';
import { Worklist } from './Worklist';

const preflight = { running: false, checked: 0, total: 2, stopped: false };
const base: WorklistStatus = { ok: true, running: false, progress: null, rows: [], failures: [], preflight, checking: [], startedAt: null, problem: null, portalLang: null };
const progress = { phase: 'done' as const, customersRead: 12, customersTotal: 12, retiringFound: 2, customersWithRetiring: 2, failed: 1 };
const rows: WorklistStatus['rows'] = [
  testRow({ customerId: 'c2', customerName: '한결테크', subscriptionId: 's2', quantity: 12, endDate: '2026-12-10', daysLeft: 7, migration: 'in-progress', nextStep: 'reassign', migrationSource: 'store', verdict: 'attention', issues: [{ kind: 'missing-location', users: 2 }], notes: [{ kind: 'holders', users: 12 }], replacement: { name: { en: 'Microsoft 365 Business Basic', ko: 'Microsoft 365 Business Basic' }, quantity: 12 } }),
  testRow({ customerId: 'c1', customerName: 'Contoso', subscriptionId: 's1', verdict: 'unchecked', replacement: null, checkedAt: null }),
];

function show(status: WorklistStatus | null, lang: 'en' | 'ko' = 'en') {
  const events = { onStart: vi.fn(), onCancel: vi.fn(), onOpen: vi.fn(), onExport: vi.fn(), onCheck: vi.fn() };
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
      ['한결테크', 'Kaizala Pro', '12', 'December 10, 2026', '7 days', 'Microsoft 365 Business Basic × 12', 'Needs attention: users to move without a usage location: 2 (set it before moving them) holders: 12', 'In progress: step B', 'Check'],
      ['Contoso', 'Kaizala Pro', '25', 'January 2, 2027', '30 days', '', 'Not checked', 'Not started', 'Check'],
    ]);
    expect(document.body.textContent).toContain('Fabrikam: server');
    done.button('Open Contoso')?.click();
    expect(done.events.onOpen).toHaveBeenCalledWith('c1', 's1');
    done.button('Export list (CSV)')?.click();
    expect(done.events.onExport).toHaveBeenCalledWith('csv', rows);
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

  it('checks one customer from its row, or the whole list, and shows the pass with its counts and a way to stop', () => {
    const idle = show({ ...base, progress, rows });
    idle.button('Check Contoso before migrating')?.click();
    expect(idle.events.onCheck).toHaveBeenCalledWith('c1');
    idle.button('Check all customers')?.click();
    expect(idle.events.onCheck).toHaveBeenCalledWith();
    const running = show({ ...base, progress, rows, preflight: { ...preflight, running: true, checked: 1 }, checking: ['c1'] });
    expect(document.querySelector('[role="progressbar"][aria-label="1 of 2 customers checked"]')).not.toBeNull();
    expect(running.button('Check Contoso before migrating')?.disabled).toBe(true);
    expect(running.button('Stop checking')).toBeDefined();
    running.button('Stop checking')?.click();
    expect(running.events.onCancel).toHaveBeenCalled();
  });

  it('sorts by a column header button, announced with aria-sort, and a labelled filter narrows the list and the export', async () => {
    const { button, events } = show({ ...base, progress, rows });
    const sortedHeader = () => [...document.querySelectorAll('th[aria-sort]')].map((th) => [th.textContent, th.getAttribute('aria-sort')]);
    expect(sortedHeader()).toEqual([['Days left ▲', 'ascending']]);
    button('Customer ▲')?.click();
    button('Customer')?.click();
    await new Promise((r) => setTimeout(r, 0));
    expect(sortedHeader()).toEqual([['Customer ▲', 'ascending']]);
    expect([...document.querySelectorAll('tbody th')].map((th) => th.textContent)).toEqual(['Contoso', '한결테크']);
    const select = document.getElementById('wl-verdict') as HTMLSelectElement;
    expect(document.querySelector('label[for="wl-verdict"]')?.textContent).toContain('Pre-flight');
    select.value = 'attention';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await new Promise((r) => setTimeout(r, 0));
    expect([...document.querySelectorAll('tbody th')].map((th) => th.textContent)).toEqual(['한결테크']);
    expect(document.body.textContent).toContain('1 of 2 subscriptions shown');
    button('Export list (CSV)')?.click();
    expect(events.onExport).toHaveBeenLastCalledWith('csv', [rows[0]]);
  });
});
