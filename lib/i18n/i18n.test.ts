import { describe, expect, it } from 'vitest';
import { formatDate, formatNumber, pickLanguage, t } from './index';
import { pickEn, pickKo } from './reasons';
import { en as uiEn, ko as uiKo } from './strings';
import { worklistEn, worklistKo } from './worklist';

// Every table t() reads: the UI's own, the replacement picker's and the worklist's.
const en: Record<string, string> = { ...uiEn, ...pickEn, ...worklistEn };
const ko: Record<string, string> = { ...uiKo, ...pickKo, ...worklistKo };

describe('t', () => {
  it('fills parameters in both languages', () => {
    expect(t('en', 'statusVisits', { count: 3, date: 'Jul 1' })).toBe('Opened 3 times since Jul 1');
    expect(t('ko', 'statusVisits', { count: 3, date: '7월 1일' })).toBe('7월 1일 이후 3번 열람함');
  });
  it('leaves a missing parameter visible', () => {
    expect(t('en', 'statusVisits', { count: 1 })).toBe('Opened 1 times since {date}');
  });
  it('has the same keys and placeholders in Korean as in English', () => {
    expect(Object.keys(ko).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en)) {
      const holes = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
      expect(holes(ko[key] ?? ''), key).toEqual(holes(en[key] ?? ''));
    }
  });
  it('has no English words left in the Korean strings (brand, product and format names aside)', () => {
    for (const value of Object.values(ko)) {
      const names = /Microsoft|Dynamics|Government Community Cloud|GCC|CSV|JSON/g;
      expect(value.replace(/\{\w+\}/g, '').replace(names, '')).not.toMatch(/[A-Za-z]{2,}/);
    }
  });
  it('keeps the picker\'s keys apart from the UI\'s, so neither table hides the other', () => {
    expect(Object.keys(pickEn).filter((key) => key in uiEn)).toEqual([]);
    expect(Object.keys(worklistEn).filter((key) => key in uiEn || key in pickEn)).toEqual([]);
  });
  it('fills the picker\'s sentences through the same t()', () => {
    expect(t('en', 'pickLarge', { need: 450, cap: 300 })).toBe(
      "450 users need a seat, more than the Business plans' limit of 300, so Enterprise plans come first.",
    );
    expect(t('ko', 'pickSeats', { count: 12 })).toBe('12개');
  });
});

describe('pickLanguage', () => {
  it.each([
    ['ko', 'en', 'en-US', 'ko'],
    ['en', 'ko', 'ko-KR', 'en'],
    [null, 'ko-KR', 'en-US', 'ko'],
    [null, '', 'ko', 'ko'],
    [null, null, 'de-DE', 'en'],
    [null, null, null, 'en'],
  ] as const)('route %s, document %s, browser %s → %s', (route, doc, browser, expected) => {
    expect(pickLanguage(route, doc, browser)).toBe(expected);
  });
});

describe('formatting', () => {
  it('formats dates and numbers per language', () => {
    const d = Date.UTC(2020, 6, 1, 12);
    // As Partner Center writes dates: the month in words, Korean with 년 월 일.
    expect(formatDate('en', d)).toBe('July 1, 2020');
    expect(formatDate('ko', d)).toBe('2020년 7월 1일');
    // Read in UTC: midnight and the last minute of a day stay on that day in every time zone.
    expect(formatDate('en', Date.UTC(2027, 0, 2, 0, 0))).toBe('January 2, 2027');
    expect(formatDate('ko', Date.UTC(2027, 0, 2, 23, 59))).toBe('2027년 1월 2일');
    expect(formatNumber('en', 1200)).toBe('1,200');
    expect(formatNumber('ko', 1200)).toBe('1,200');
  });
});
