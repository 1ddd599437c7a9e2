// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PanelOpening } from './PanelOpening';
import { agentClick, agentKey } from './test-events';

afterEach(() => render(null, document.body));

describe('the panel while it opens', () => {
  it('shows its title, what it waits for and Close at once, in the agent language', () => {
    const onClose = vi.fn();
    render(<PanelOpening lang="ko" subscription="Kaizala Pro" onClose={onClose} />, document.body);
    const dialog = document.querySelector('[role="dialog"]');
    expect(dialog?.getAttribute('aria-busy')).toBe('true');
    expect(document.querySelector('h2')?.textContent).toBe('Kaizala Pro 마이그레이션');
    expect(document.querySelector('[role="status"]')?.textContent).toBe('파트너 센터에서 이 고객 정보를 읽는 중…');
    agentClick(document.querySelector('button'));
    agentKey(dialog, 'Escape');
    expect(onClose).toHaveBeenCalledTimes(2);
  });

  it("ignores a page script's click on Close", () => {
    const onClose = vi.fn();
    render(<PanelOpening lang="en" subscription="Kaizala Pro" onClose={onClose} />, document.body);
    document.querySelector('button')?.click();
    expect(onClose).not.toHaveBeenCalled();
    expect(document.querySelector('button')?.textContent).toBe('Close');
  });
});
