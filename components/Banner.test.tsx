// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { builtInCatalog } from '@/lib/catalog';
import { assessRetiring } from '@/lib/overlay/assess';
import { Banner } from './Banner';
import { CustomerBadge } from './CustomerBadge';
import { daysBetween, pageLocale, showDay } from './format';
import { Summary } from './Summary';
import { agentClick } from './test-events';

const KAIZALA_SKU = 'c93fe0ce-7375-4b8d-a55e-bf562ae7154f';
const [item] = assessRetiring({
  catalog: builtInCatalog,
  customer: { id: 'c1', qualifications: [] },
  subscriptions: [
    {
      id: 's1',
      offerId: 'X',
      offerName: 'Kaizala Pro',
      friendlyName: 'Kaizala for the shop',
      quantity: 25,
      status: 'active',
      autoRenewEnabled: false,
      commitmentEndDate: '2026-12-21',
    },
  ],
  offers: [],
  subscribedSkus: [{ skuId: KAIZALA_SKU, totalUnits: 25, consumedUnits: 25, servicePlans: ['KAIZALA_STANDALONE'] }],
  today: '2026-11-21',
});
if (!item) throw new Error('fixture did not assess');

afterEach(() => render(null, document.body));

describe('Banner', () => {
  it('says what retires, by when, what to move to, in English', () => {
    const onMigrate = vi.fn();
    render(<Banner lang="en" item={item} onMigrate={onMigrate} />, document.body);
    const region = document.querySelector('section');
    expect(region?.getAttribute('aria-label')).toBe('Retirement notice: Kaizala for the shop');
    const text = region?.textContent ?? '';
    expect(text).toContain('Urgent');
    // Named as its row in Partner Center names it (friendlyName), dates as the portal writes them.
    expect(text).toContain('Kaizala for the shop is being retired. Microsoft ended its sale');
    expect(text).toContain('Microsoft ended its sale on July 1, 2020.');
    expect(text).toContain('This subscription ends on December 21, 2026 (30 days left)');
    expect(text).toContain('Auto-renew is off');
    expect(text).toContain('Recommended: Microsoft 365 Business Basic, 25 licenses.');
    const button = document.querySelector('button');
    expect(button?.getAttribute('aria-label')).toBe('Migrate Kaizala for the shop');
    // A script of the page clicking Migrate opens nothing; the agent's click does.
    button?.click();
    expect(onMigrate).not.toHaveBeenCalled();
    agentClick(button);
    expect(onMigrate).toHaveBeenCalledWith(item);
  });

  it('starts preparing the panel when the pointer or the focus reaches Migrate, opening nothing', () => {
    const onMigrate = vi.fn();
    const onIntent = vi.fn();
    render(<Banner lang="en" item={item} onMigrate={onMigrate} onIntent={onIntent} />, document.body);
    const button = document.querySelector('button');
    button?.dispatchEvent(new Event('focus'));
    button?.dispatchEvent(new Event('pointerenter'));
    expect(onIntent).toHaveBeenCalledTimes(2);
    expect(onMigrate).not.toHaveBeenCalled();
  });

  it('speaks Korean with no English words but names', () => {
    render(<Banner lang="ko" item={item} onMigrate={() => {}} />, document.body);
    const text = document.body.textContent ?? '';
    expect(text).toContain('긴급');
    expect(text).toContain('2026년 12월 21일');
    expect(text).toContain('2020년 7월 1일');
    expect(text).not.toMatch(/\d{4}\. \d{1,2}\. \d{1,2}\./);
    expect(text).toContain('30일 남음');
    expect(text).toContain('마이그레이션');
    const withoutNames = text.replace(/Kaizala for the shop|Microsoft 365 Business Basic|Microsoft/g, '');
    expect(withoutNames).not.toMatch(/[A-Za-z]{2,}/);
  });

  it('names the subscription as Partner Center does in Korean too, not by the catalog\'s Korean offer name', () => {
    // No friendly name: the portal's row shows the API's offer name, "Kaizala Pro", in every language.
    const plain = { ...item, subscription: { ...item.subscription, friendlyName: undefined } };
    render(<Banner lang="ko" item={plain} onMigrate={() => {}} />, document.body);
    const region = document.querySelector('section');
    expect(region?.getAttribute('aria-label')).toBe('사용 중지 알림: Kaizala Pro');
    expect(region?.textContent).toContain('Kaizala Pro 구독이 사용 중지됩니다.');
    expect(region?.textContent).not.toContain('독립 실행형');
    render(<Banner lang="en" item={plain} onMigrate={() => {}} />, document.body);
    expect(document.querySelector('section')?.textContent).toContain('Kaizala Pro is being retired');
  });

  it('writes dates in the page\'s own locale when it is given', () => {
    render(<Banner lang="en" locale="en-GB" item={item} onMigrate={() => {}} />, document.body);
    expect(document.body.textContent).toContain('This subscription ends on 21 December 2026');
  });
});

describe('Summary and CustomerBadge', () => {
  it('counts retiring subscriptions and names the earliest end', () => {
    render(<Summary lang="en" items={[item, { ...item, endDate: '2027-01-05' }]} />, document.body);
    expect(document.body.textContent).toBe(
      '2 subscriptions of this customer are being retired. The first ends on December 21, 2026.',
    );
  });
  it('writes the date in the style of the page (an en-gb page)', () => {
    render(<Summary lang="en" locale="en-GB" items={[item]} />, document.body);
    expect(document.body.textContent).toContain('21 December 2026');
  });
  it('renders nothing without retiring subscriptions', () => {
    render(<Summary lang="en" items={[]} />, document.body);
    expect(document.body.textContent).toBe('');
  });
  it('labels the badge with the customer', () => {
    render(<CustomerBadge lang="ko" locale="ko-KR" customer="한결테크" count={2} nearest={null} />, document.body);
    expect(document.querySelector('[role="note"]')?.getAttribute('aria-label')).toBe('한결테크: 사용 중지 예정 구독 2개');
    expect(document.body.textContent).toBe('사용 중지 예정 구독 2개');
  });
  it('says when the first retiring subscription ends, as the portal writes dates, in English and Korean', () => {
    const badge = (lang: 'en' | 'ko', locale: string, count: number, daysLeft: number) => {
      render(
        <CustomerBadge lang={lang} locale={locale} customer="Contoso" count={count} nearest={{ date: '2027-01-02', daysLeft }} />,
        document.body,
      );
      const note = document.querySelector('[role="note"]');
      return [note?.textContent, note?.getAttribute('aria-label')];
    };
    expect(badge('en', 'en-US', 1, 45)).toEqual([
      '1 retiring · ends January 2, 2027 (45 days left)',
      'Contoso: 1 retiring subscription, which ends January 2, 2027 (45 days left)',
    ]);
    expect(badge('en', 'en-US', 3, 1)).toEqual([
      '3 retiring · first ends January 2, 2027 (1 day left)',
      'Contoso: 3 retiring subscriptions, the first ends January 2, 2027 (1 day left)',
    ]);
    expect(badge('en', 'en-GB', 2, 0)[0]).toBe('2 retiring · first ends today (2 January 2027)');
    expect(badge('en', 'en-US', 1, -3)[0]).toBe('1 retiring · ended January 2, 2027');
    expect(badge('ko', 'ko-KR', 1, 1200)).toEqual([
      '사용 중지 예정 구독 1개 · 2027년 1월 2일 종료(1,200일 남음)',
      'Contoso: 사용 중지 예정 구독 1개, 2027년 1월 2일 종료(1,200일 남음)',
    ]);
    expect(badge('ko', 'ko-KR', 2, 30)[0]).toBe('사용 중지 예정 구독 2개 · 가장 먼저 2027년 1월 2일 종료(30일 남음)');
    expect(badge('ko', 'ko-KR', 1, 1)[0]).toBe('사용 중지 예정 구독 1개 · 2027년 1월 2일 종료(내일)');
  });
});

describe('dates as the portal writes them', () => {
  it("takes the page's locale when it is in the agent's language, and never shifts a day by time zone", () => {
    expect(pageLocale('en', 'en-gb', 'en')).toBe('en-GB');
    expect(pageLocale('en', null, 'en-US')).toBe('en-US');
    expect(pageLocale('ko', 'ko-kr', 'ko')).toBe('ko-KR');
    // A page in a language we do not speak: our English words with an English date.
    expect(pageLocale('en', 'de-de', 'de')).toBe('en-US');
    expect(pageLocale('ko', null, 'not a tag!')).toBe('ko-KR');
    expect(showDay('en', '2027-01-02T00:00:00Z')).toBe('January 2, 2027');
    expect(showDay('ko', '2027-01-02')).toBe('2027년 1월 2일');
    expect(showDay('en', '2027-01-02', 'en-GB')).toBe('2 January 2027');
    // The last minute of a day in UTC is still that day, whatever the agent's time zone.
    expect(showDay('en', '2027-01-02T23:59:59Z')).toBe('January 2, 2027');
    expect(showDay('ko', 'soon')).toBe('soon');
    expect(daysBetween('2026-12-31', '2027-01-02')).toBe(2);
    expect(daysBetween('2027-01-03', '2027-01-02')).toBe(-1);
  });
});
