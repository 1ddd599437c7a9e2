// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { createPanelIsland, PANEL_WIDTH } from './island';

afterEach(() => {
  document.body.replaceChildren();
  document.documentElement.style.marginRight = '';
});

describe('the Migrate panel covers none of the portal', () => {
  it('keeps the panel\'s width free at the page\'s right while it is open, and puts the page back after', () => {
    const root = document.documentElement;
    root.style.marginRight = '3px';
    const panel = createPanelIsland();
    expect(root.style.marginRight).toBe(PANEL_WIDTH);
    expect(panel.host.style.getPropertyValue('--pcma-panel-width')).toBe(PANEL_WIDTH);
    panel.remove();
    expect(root.style.marginRight).toBe('3px');
    panel.remove();
    expect(root.style.marginRight).toBe('3px');
  });

  it('keeps the space while any panel is open (a damaged-record notice and a panel overlap)', () => {
    const first = createPanelIsland();
    const second = createPanelIsland();
    first.remove();
    expect(document.documentElement.style.marginRight).toBe(PANEL_WIDTH);
    second.remove();
    expect(document.documentElement.style.marginRight).toBe('');
  });
});
