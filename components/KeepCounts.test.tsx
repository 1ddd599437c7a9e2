// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { KeepCounts } from './KeepCounts';

afterEach(() => render(null, document.body));

const held = (text: string) => {
  render(<KeepCounts text={text} />, document.body);
  expect(document.body.textContent).toBe(text);
  return [...document.querySelectorAll('.nowrap')].map((s) => s.textContent);
};

describe('KeepCounts', () => {
  it('keeps each number with the Korean counter after it, and only those', () => {
    expect(held('한결테크에 Microsoft 365 Business Basic 1,200개 구매')).toEqual(['1,200개']);
    expect(held('사용자 25명을 Kaizala Pro에서 Office 365 E3(으)로 이동')).toEqual(['25명']);
    expect(held('Buy 25 × Office 365 E1 for Contoso')).toEqual([]);
  });
});
