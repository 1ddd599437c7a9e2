import { describe, expect, it } from 'vitest';
import { isLabel, LABELS, labelText, STATUS_TEXT } from './labels';

describe('portal labels', () => {
  it.each([
    ['addSubscription', 'Add subscription'],
    ['addSubscription', 'Add Subscription'],
    ['addSubscription', '  add   SUBSCRIPTIONS '],
    ['addSubscription', '구독 추가'],
    ['selectedUsers', 'Selected Users'],
    ['suspended', '일시 중단됨'],
    ['manageLicenses', '라이선스  관리'],
  ] as const)('%s matches %j', (key, text) => {
    expect(isLabel(key, text)).toBe(true);
  });

  it.each([
    ['addSubscription', 'Add subscription now'],
    ['save', 'Saved'],
    ['active', 'Inactive'],
    ['submit', null],
  ] as const)('%s does not match %j', (key, text) => {
    expect(isLabel(key, text)).toBe(false);
  });

  it('has every label in both languages', () => {
    for (const entry of Object.values(LABELS)) {
      expect(entry.en.length).toBeGreaterThan(0);
      expect(entry.ko.length).toBeGreaterThan(0);
      for (const ko of entry.ko) expect(ko).toMatch(/[가-힣]/);
    }
    expect(labelText('manageLicenses', 'ko')).toBe('라이선스 관리');
  });

  it('reads dates out of status texts', () => {
    expect(STATUS_TEXT.autoRenewsOn.en.exec('Auto renews on 12/31/2026')?.[1]).toBe('12/31/2026');
    expect(STATUS_TEXT.expiresOn.ko.exec('2026. 12. 31.에 만료')?.[1]).toBe('2026. 12. 31.');
  });
});
