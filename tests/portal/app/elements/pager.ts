// <pc-pager>: First / Previous / Next / Last, and where the grid stands. Emits `pager-move`.
import { BASE_CSS, h, style } from '../dom.js';

export type PagerMove = 'first' | 'previous' | 'next' | 'last';

export interface PagerLabels {
  region: string;
  first: string;
  previous: string;
  next: string;
  last: string;
}

export class PcPager extends HTMLElement {
  private readonly nav: HTMLElement;
  private readonly buttons: Record<PagerMove, HTMLButtonElement>;
  private readonly position: HTMLSpanElement;

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    const button = (move: PagerMove) => {
      const b = h('button', { type: 'button', disabled: true });
      b.addEventListener('click', () => this.dispatchEvent(new CustomEvent<PagerMove>('pager-move', { detail: move })));
      return b;
    };
    this.buttons = { first: button('first'), previous: button('previous'), next: button('next'), last: button('last') };
    this.position = h('span', { 'aria-live': 'polite', class: 'muted' });
    this.nav = h(
      'nav',
      { class: 'toolbar' },
      this.buttons.first,
      this.buttons.previous,
      this.position,
      this.buttons.next,
      this.buttons.last,
    );
    root.append(style(BASE_CSS), this.nav);
  }

  configure(labels: PagerLabels): void {
    this.nav.setAttribute('aria-label', labels.region);
    this.buttons.first.textContent = labels.first;
    this.buttons.previous.textContent = labels.previous;
    this.buttons.next.textContent = labels.next;
    this.buttons.last.textContent = labels.last;
  }

  update(state: { text: string; hasPrevious: boolean; hasNext: boolean }): void {
    this.position.textContent = state.text;
    this.buttons.first.disabled = !state.hasPrevious;
    this.buttons.previous.disabled = !state.hasPrevious;
    this.buttons.next.disabled = !state.hasNext;
    this.buttons.last.disabled = !state.hasNext;
  }
}
