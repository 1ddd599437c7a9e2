// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { MigratePanel } from './MigratePanel';
import type { PanelModel } from './panel-model';
import { events, model } from './test-model';

afterEach(() => render(null, document.body));

const ends = (lang: 'en' | 'ko', value: PanelModel['ends']) => {
  render(<MigratePanel lang={lang} model={model({ ends: value })} {...events()} />, document.body);
  return document.querySelector('.panel__ends')?.textContent ?? null;
};

describe('the panel header', () => {
  it('repeats when the retiring subscription ends and the days left', () => {
    expect(ends('en', { date: '2027-01-02', daysLeft: 30 })).toBe('Ends on January 2, 2027 (30 days left)');
    expect(ends('ko', { date: '2027-01-02', daysLeft: 30 })).toBe('2027년 1월 2일에 종료(30일 남음)');
    expect(ends('en', { date: '2027-01-02', daysLeft: 1 })).toBe('Ends on January 2, 2027 (1 day left)');
    expect(ends('en', { date: '2027-01-02', daysLeft: 0 })).toBe('Ends today (January 2, 2027)');
    expect(ends('en', { date: '2027-01-02', daysLeft: -3 })).toBe('Ended on January 2, 2027');
    expect(ends('ko', { date: '2027-01-02', daysLeft: -3 })).toBe('2027년 1월 2일에 종료됨');
    expect(ends('en', { date: '2027-01-02', daysLeft: null })).toBe('Ends on January 2, 2027');
  });

  it('says nothing of an end date it does not know', () => {
    expect(ends('en', null)).toBeNull();
  });

  it('puts the end date right under the title, before the customer', () => {
    render(<MigratePanel lang="en" model={model()} {...events()} />, document.body);
    const order = [...document.querySelectorAll('.panel > *')].map((el) => el.className || el.textContent);
    expect(order.slice(0, 3)).toEqual(['panel__head', 'panel__ends', 'Customer: Alpine Ski House']);
  });
});
