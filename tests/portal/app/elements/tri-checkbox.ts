// A checkbox that can also be "mixed" (Manage licenses: only some selected users hold the product).
// Native checkboxes cannot return to mixed by clicking, so this is an ARIA checkbox: role, name,
// aria-checked, focusable, Space toggles. Cycle: mixed → true → false → mixed (when it began mixed).
import { h } from '../dom.js';

export type TriState = 'true' | 'false' | 'mixed';

export function triCheckbox(label: string, initial: TriState, onChange: (state: TriState) => void): HTMLSpanElement {
  const box = h('span', {
    role: 'checkbox',
    tabindex: 0,
    'aria-checked': initial,
    'aria-label': label,
    class: 'tri',
  });
  const paint = () => {
    const state = box.getAttribute('aria-checked');
    box.textContent = state === 'true' ? '☑' : state === 'mixed' ? '▣' : '☐';
  };
  const toggle = () => {
    const state = box.getAttribute('aria-checked') as TriState;
    const next: TriState =
      state === 'mixed' ? 'true' : state === 'true' ? 'false' : initial === 'mixed' ? 'mixed' : 'true';
    box.setAttribute('aria-checked', next);
    paint();
    onChange(next);
  };
  box.addEventListener('click', toggle);
  box.addEventListener('keydown', (e) => {
    if (e.key === ' ' || e.key === 'Enter') {
      e.preventDefault();
      toggle();
    }
  });
  paint();
  return box;
}
