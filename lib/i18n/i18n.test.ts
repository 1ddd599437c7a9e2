import { describe, expect, it } from 'vitest';
import { formatDate, formatNumber, pickLanguage, t } from './index';
import { en, ko } from './strings';

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
    for (const key of Object.keys(en) as Array<keyof typeof en>) {
      const holes = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
      expect(holes(ko[key]), key).toEqual(holes(en[key]));
    }
  });
  it('has no English words left in the Korean strings (brand and format names aside)', () => {
    for (const value of Object.values(ko)) {
      expect(value.replace(/\{\w+\}/g, '').replace(/Microsoft|CSV|JSON/g, '')).not.toMatch(/[A-Za-z]{2,}/);
    }
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
    expect(formatDate('en', d)).toBe('Jul 1, 2020');
    expect(formatDate('ko', d)).toBe('2020. 7. 1.');
    expect(formatNumber('en', 1200)).toBe('1,200');
    expect(formatNumber('ko', 1200)).toBe('1,200');
  });
});
