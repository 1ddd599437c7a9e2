/**
 * Small DOM builders for the adapter's unit tests. The pages they build are deliberately unlike the
 * simulated portal (tests/portal/app/): other elements, other ways of naming, other nesting, so the
 * drivers are shown to rely on roles and visible labels only.
 */
import { type ActContext, ActError } from '../act';

type Child = Node | string | null | undefined | false;

/** An element with attributes (true: present, false/undefined: absent) and children. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number | boolean | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === false || value === undefined) continue;
    node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) if (child !== null && child !== undefined && child !== false) node.append(child);
  return node;
}

/** A custom-element-like host whose children live in an open shadow root. */
export function shadowHost(tag: string, ...children: Child[]): HTMLElement {
  const host = document.createElement(tag);
  const root = host.attachShadow({ mode: 'open' });
  for (const child of children) if (child !== null && child !== undefined && child !== false) root.append(child);
  return host;
}

/** The shadow root of a host built by shadowHost. */
export function shadowOf(host: Element): ShadowRoot {
  if (!host.shadowRoot) throw new Error('no shadow root');
  return host.shadowRoot;
}

export interface TestContext {
  ctx: ActContext;
  controller: AbortController;
  /** Set to false to make the page "left". */
  page: { on: boolean };
}

export function testContext(timeoutMs = 1500): TestContext {
  const controller = new AbortController();
  const page = { on: true };
  return { ctx: { signal: controller.signal, timeoutMs, onPage: () => page.on }, controller, page };
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `fn` after `ms`, as the portal paints asynchronously. */
export function later(ms: number, fn: () => void): void {
  setTimeout(fn, ms);
}

/** A checkbox or radio made of ARIA only: a span with role and aria-checked, toggled by click. */
export function ariaCheckbox(
  name: string,
  state: 'true' | 'false' | 'mixed',
  options: { role?: 'checkbox' | 'radio'; labelledBy?: string; cycle?: 'tri' | 'plain' } = {},
): HTMLSpanElement {
  const box = el('span', {
    role: options.role ?? 'checkbox',
    'aria-checked': state,
    tabindex: 0,
    'aria-label': options.labelledBy ? undefined : name,
    'aria-labelledby': options.labelledBy,
  });
  const initial = state;
  box.addEventListener('click', () => {
    const now = box.getAttribute('aria-checked');
    let next: string;
    if (options.role === 'radio') next = 'true';
    else if (now === 'mixed') next = 'true';
    else if (now === 'true') next = 'false';
    else next = initial === 'mixed' && options.cycle !== 'plain' ? 'mixed' : 'true';
    box.setAttribute('aria-checked', next);
  });
  return box;
}

/** The ActError a promise rejects with; anything else (a resolve, another error) fails the test. */
export async function failure(promise: Promise<unknown>): Promise<ActError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof ActError)) throw new Error(`expected an ActError, got ${String(error)}`);
  return error;
}
