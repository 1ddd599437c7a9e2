// <pc-search-box>: a labelled search input; emits `search-change` (debounced, immediate on Enter).
import { BASE_CSS, h, style } from '../dom.js';

export class PcSearchBox extends HTMLElement {
  readonly input: HTMLInputElement;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    this.input = h('input', { type: 'search', autocomplete: 'off' });
    const emit = () => {
      clearTimeout(this.timer);
      this.dispatchEvent(new CustomEvent<string>('search-change', { detail: this.input.value.trim() }));
    };
    this.input.addEventListener('input', () => {
      clearTimeout(this.timer);
      this.timer = setTimeout(emit, 250);
    });
    this.input.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') emit();
    });
    root.append(
      style(`${BASE_CSS} input { width: 280px; padding: 4px 8px; }`),
      h('div', { role: 'search' }, this.input),
    );
  }

  configure(label: string): void {
    this.input.setAttribute('aria-label', label);
    this.input.placeholder = label;
  }
}
