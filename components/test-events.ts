/**
 * For unit tests only (nothing shipped imports this). happy-dom has no `isTrusted`, so every event a
 * test fires would be refused by `trusted`, as a page script's would. These mark a test's event as
 * the agent's own input. A real browser makes `isTrusted` an unforgeable own property of every
 * event: the same `defineProperty` there throws, so no script can do this to a real event.
 */
export function asAgent<E extends Event>(event: E): E {
  Object.defineProperty(event, 'isTrusted', { value: true });
  return event;
}

function target(el: Element | null | undefined): Element {
  if (!el) throw new Error('no such element to act on');
  return el;
}

/** The agent clicks (or presses Enter or Space on) an element. */
export function agentClick(el: Element | null | undefined): void {
  target(el).dispatchEvent(asAgent(new MouseEvent('click', { bubbles: true, cancelable: true, detail: 1 })));
}

/** The agent types a value into a field or picks an option, and leaves it. */
export function agentChange(el: HTMLInputElement | HTMLSelectElement | null | undefined, value: string): void {
  const field = target(el) as HTMLInputElement | HTMLSelectElement;
  field.value = value;
  field.dispatchEvent(asAgent(new Event('input', { bubbles: true })));
  field.dispatchEvent(asAgent(new Event('change', { bubbles: true })));
}

/** The agent presses a key on an element. */
export function agentKey(el: Element | null | undefined, key: string): void {
  target(el).dispatchEvent(asAgent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true })));
}
