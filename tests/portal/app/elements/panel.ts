// <pc-panel>: a titled card. Its content lives INSIDE its own open shadow root (not slotted), so a
// grid placed in a panel sits one shadow root deeper, as on the live portal.
import { BASE_CSS, h, style, uid } from '../dom.js';

export class PcPanel extends HTMLElement {
  readonly body: HTMLDivElement;
  private readonly heading: HTMLHeadingElement;
  private readonly section: HTMLElement;

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    const id = uid('panel-heading');
    this.heading = h('h2', { id });
    this.body = h('div', { class: 'panel-body' });
    this.section = h('section', { 'aria-labelledby': id }, this.heading, this.body);
    root.append(
      style(
        `${BASE_CSS} section { border: 1px solid #edebe9; padding: 12px 16px; margin: 12px 0; } h2 { font-size: 16px; margin: 0 0 8px; }`,
      ),
      this.section,
    );
  }

  /** Marks the panel's region busy (aria-busy) while the page works on it. */
  setBusy(busy: boolean): void {
    if (busy) this.section.setAttribute('aria-busy', 'true');
    else this.section.removeAttribute('aria-busy');
  }

  /** Sets the visible heading; a panel without one is labelled for screen readers only. */
  setTitle(title: string, visible = true): void {
    this.heading.textContent = title;
    this.heading.hidden = !visible;
    if (!visible) {
      this.section.removeAttribute('aria-labelledby');
      this.section.setAttribute('aria-label', title);
    }
  }
}
