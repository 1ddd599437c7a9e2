/**
 * Acting on the portal's own pages as a person would (as a password manager fills a form): find a
 * control by ARIA role and visible name, then click, type into or tick it, and read the result back.
 * Every action first checks that we are still on the page it is meant for and that the run has not
 * been cancelled, and fails with an ActError that says which of those went wrong.
 */
import { accessibleName, closestAcross, parentAcross, roleOf, walkDeep } from './dom';
import { isLabel, LABELS, type LabelKey, normalizeLabel } from './labels';
import { observeDeep, WaitTimeout, waitFor } from './observe';

export interface ActContext {
  signal: AbortSignal;
  timeoutMs: number;
  /** true while we are still on the page this action is meant for */
  onPage: () => boolean;
}

export type ActErrorKind = 'not-found' | 'not-applied' | 'left-page' | 'portal-error' | 'aborted';

const KIND_TEXT: Record<ActErrorKind, string> = {
  'not-found': 'was not found on the page',
  'not-applied': 'did not take effect',
  'left-page': 'was not done: the portal is no longer on the page it is meant for',
  'portal-error': 'was refused by the portal',
  aborted: 'was cancelled',
};

export class ActError extends Error {
  override readonly name = 'ActError';

  constructor(
    readonly kind: ActErrorKind,
    /** What was acted on: a label key ("addToCart"), an offer or user name, or a short description. */
    readonly target: string,
    message?: string,
  ) {
    super(message ?? `${target} ${KIND_TEXT[kind]}`);
  }
}

/** How a control is named: a label key (any spelling, either language), an exact text, a pattern or a test. */
export type ControlName = LabelKey | string | RegExp | ((name: string) => boolean);
export type RoleSpec = string | readonly string[];

/**
 * Waits re-check on every DOM change and also on this interval: a checkbox's `checked`, an input's
 * `value` and the URL change without any mutation an observer would see.
 */
const POLL_MS = 100;
/** How often a quiet wait looks at the clock between changes (its quiet spell is counted from the last one). */
const QUIET_POLL_MS = 25;
/** Time a framework gets to re-render after our events before we read the result back. */
export const SETTLE_MS = 50;
/** The most clicks a tri-state checkbox needs: mixed → true → false. */
const MAX_TOGGLES = 3;
const CHECKABLE_ROLES = new Set(['checkbox', 'radio', 'switch', 'menuitemcheckbox', 'menuitemradio']);

const isLabelKey = (name: string): name is LabelKey => Object.prototype.hasOwnProperty.call(LABELS, name);

/** Exact text, ignoring case and whitespace: for names that come from data (offers, products, users). */
export function textIs(text: string): (name: string) => boolean {
  const want = normalizeLabel(text);
  return (name) => normalizeLabel(name) === want;
}

export function nameMatcher(name: ControlName): (accessible: string) => boolean {
  if (typeof name === 'function') return name;
  if (name instanceof RegExp) {
    // A global or sticky pattern would remember where it last matched.
    const pattern = new RegExp(name.source, name.flags.replace(/[gy]/g, ''));
    return (accessible) => pattern.test(accessible);
  }
  if (isLabelKey(name)) return (accessible) => isLabel(name, accessible);
  return textIs(name);
}

function describeName(name: ControlName): string {
  if (typeof name === 'function') return 'control';
  return name instanceof RegExp ? String(name) : name;
}

export function describeElement(el: Element): string {
  const name = accessibleName(el);
  return `${roleOf(el) ?? 'element'}${name ? ` "${name.slice(0, 80)}"` : ''}`;
}

/**
 * Whether a person could see the element: connected, not hidden, inert or aria-hidden on the way up
 * (through shadow hosts), and rendered (checkVisibility, where the browser has it).
 */
export function isShown(el: Element): boolean {
  if (!el.isConnected) return false;
  for (let cur: Element | null = el; cur; cur = parentAcross(cur)) {
    if (cur.hasAttribute('hidden') || cur.hasAttribute('inert') || cur.getAttribute('aria-hidden') === 'true') {
      return false;
    }
  }
  return typeof el.checkVisibility === 'function' ? el.checkVisibility({ visibilityProperty: true }) : true;
}

export function isEnabled(el: Element): boolean {
  if ((el as { disabled?: unknown }).disabled === true) return false;
  try {
    // Also true inside a disabled <fieldset>.
    if (el.matches(':disabled')) return false;
  } catch {
    // A DOM without :disabled support: the property above is enough.
  }
  return closestAcross(el, (e) => e.getAttribute('aria-disabled') === 'true') === null;
}

/** Shown elements with one of the roles (and the name, when given), through open shadow roots, in order. */
export function queryShown(scope: ParentNode, role: RoleSpec, name?: ControlName): Element[] {
  const roles = typeof role === 'string' ? [role] : role;
  const test = name === undefined ? null : nameMatcher(name);
  const out: Element[] = [];
  for (const el of walkDeep(scope)) {
    const r = roleOf(el);
    if (r === null || !roles.includes(r)) continue;
    if (test && !test(accessibleName(el))) continue;
    if (isShown(el)) out.push(el);
  }
  return out;
}

function rootOf(scope: ParentNode): Document | ShadowRoot {
  if (scope instanceof Document || scope instanceof ShadowRoot) return scope;
  const root = (scope as Node).getRootNode();
  return root instanceof Document || root instanceof ShadowRoot ? root : document;
}

/** Throws when the run was cancelled or the portal has moved to another page. */
export function guard(ctx: ActContext, target: string): void {
  if (ctx.signal.aborted) throw new ActError('aborted', target);
  if (!ctx.onPage()) throw new ActError('left-page', target);
}

export interface WaitOptions {
  /** What is waited for, for the error. */
  target: string;
  /** The error when time runs out. */
  kind?: 'not-found' | 'not-applied';
  message?: () => string;
  /** Where changes are watched; the whole document by default. */
  scope?: ParentNode;
  timeoutMs?: number;
  /** The wait is for leaving the page (a link was followed): do not treat that as an error. */
  leavesPage?: boolean;
}

/**
 * Resolves with the first value `find` returns (neither null nor undefined), checking now, on every
 * change under the scope (open shadow roots included) and on a short interval. Leaving the page ends
 * the wait with `left-page` (unless that is what is awaited), cancelling with `aborted`, time with
 * `options.kind`; an ActError thrown by `find` ends it with that error.
 */
export async function waitUntil<T>(find: () => T | null | undefined, ctx: ActContext, options: WaitOptions): Promise<T> {
  const { target } = options;
  if (ctx.signal.aborted) throw new ActError('aborted', target);
  try {
    return await waitFor(
      () => {
        if (!options.leavesPage && !ctx.onPage()) throw new ActError('left-page', target);
        return find();
      },
      {
        signal: ctx.signal,
        timeoutMs: options.timeoutMs ?? ctx.timeoutMs,
        what: target,
        root: rootOf(options.scope ?? document),
        pollMs: POLL_MS,
      },
    );
  } catch (error) {
    if (error instanceof ActError) throw error;
    if (error instanceof WaitTimeout) throw new ActError(options.kind ?? 'not-found', target, options.message?.());
    if (ctx.signal.aborted) throw new ActError('aborted', target);
    throw error;
  }
}

/** Gives the page's framework a moment to re-render; rejects when the run is cancelled meanwhile. */
export function pause(ctx: ActContext, target: string, ms = SETTLE_MS): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (ctx.signal.aborted) {
      reject(new ActError('aborted', target));
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(new ActError('aborted', target));
    };
    const timer = setTimeout(() => {
      ctx.signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    ctx.signal.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Resolves once nothing under the scope has changed for `quietMs` (a search or a page turn has
 * finished repainting), or after `maxMs` in any case: a page with a clock or a spinner never rests.
 */
export async function quiet(
  ctx: ActContext,
  target: string,
  scope: ParentNode = document,
  quietMs = 200,
  maxMs = 2000,
): Promise<void> {
  if (ctx.signal.aborted) throw new ActError('aborted', target);
  const root = rootOf(scope);
  const cap = Math.max(quietMs, maxMs);
  const start = Date.now();
  let last = start;
  // Registered before waitFor's own observer, so a change moves `last` before the check runs.
  const local = new AbortController();
  observeDeep(root, () => (last = Date.now()), local.signal);
  try {
    await waitFor(
      () => {
        const now = Date.now();
        return now - last >= quietMs || now - start >= cap ? true : null;
      },
      { signal: ctx.signal, timeoutMs: cap + 1000, what: target, root, pollMs: QUIET_POLL_MS },
    );
  } catch (error) {
    if (ctx.signal.aborted) throw new ActError('aborted', target);
    throw error;
  } finally {
    local.abort();
  }
}

/** Waits until a control with the role and name is shown and enabled, and returns it. */
export function findControl(
  role: RoleSpec,
  name: ControlName,
  ctx: ActContext,
  scope: ParentNode = document,
): Promise<Element> {
  const target = describeName(name);
  let seen = false;
  return waitUntil(
    () => {
      const shown = queryShown(scope, role, name);
      seen = shown.length > 0;
      return shown.find(isEnabled) ?? null;
    },
    ctx,
    {
      target,
      scope,
      message: () => (seen ? `${target} stayed disabled` : `${target} did not appear`),
    },
  );
}

function press(el: Element): void {
  if (el instanceof HTMLElement) el.focus({ preventScroll: true });
  const init: MouseEventInit = { bubbles: true, cancelable: true, composed: true, button: 0, buttons: 1 };
  // The whole sequence a mouse produces: some components act on pointerdown or mousedown.
  if (typeof PointerEvent === 'function') {
    el.dispatchEvent(new PointerEvent('pointerdown', { ...init, pointerType: 'mouse', isPrimary: true }));
  }
  el.dispatchEvent(new MouseEvent('mousedown', init));
  if (typeof PointerEvent === 'function') {
    el.dispatchEvent(new PointerEvent('pointerup', { ...init, buttons: 0, pointerType: 'mouse', isPrimary: true }));
  }
  el.dispatchEvent(new MouseEvent('mouseup', { ...init, buttons: 0 }));
  // click() also runs the element's activation (toggling a checkbox, following a link).
  if (el instanceof HTMLElement) el.click();
  else el.dispatchEvent(new MouseEvent('click', { ...init, buttons: 0 }));
}

export interface ClickOptions {
  /** The click counts as done only once this holds (re-checked on every change); else `not-applied`. */
  until?: () => boolean;
  /** The click is meant to leave the page (a link, a button that navigates). */
  leavesPage?: boolean;
  target?: string;
}

export async function click(el: Element, ctx: ActContext, options: ClickOptions = {}): Promise<void> {
  const target = options.target ?? describeElement(el);
  guard(ctx, target);
  if (!isShown(el)) throw new ActError('not-found', target, `${target} is no longer shown`);
  if (!isEnabled(el)) throw new ActError('not-applied', target, `${target} is disabled`);
  press(el);
  const { until } = options;
  if (until) {
    await waitUntil(() => (until() ? true : null), ctx, {
      target,
      kind: 'not-applied',
      leavesPage: options.leavesPage,
    });
  }
}

/** The `value` setter of the element's class, not of the instance: frameworks (React) shadow it there. */
function nativeValueSetter(el: Element): ((this: Element, value: string) => void) | null {
  for (let proto = Object.getPrototypeOf(el) as object | null; proto; proto = Object.getPrototypeOf(proto)) {
    const descriptor = Object.getOwnPropertyDescriptor(proto, 'value');
    if (descriptor?.set) return descriptor.set as (this: Element, value: string) => void;
  }
  return null;
}

const readValue = (el: Element): string => String((el as { value?: unknown }).value ?? '');

function sameValue(shown: string, wanted: string): boolean {
  if (shown === wanted) return true;
  // A number field may write 5 as "5.0" or "05".
  const numeric = /^\s*-?\d+(\.\d+)?\s*$/;
  return numeric.test(shown) && numeric.test(wanted) && Number(shown) === Number(wanted);
}

/** Why the field says its value is wrong (aria-invalid with its message, or native validation), else null. */
function invalidReason(el: Element): string | null {
  if (el.getAttribute('aria-invalid') === 'true') {
    const ids = `${el.getAttribute('aria-errormessage') ?? ''} ${el.getAttribute('aria-describedby') ?? ''}`;
    const root = el.getRootNode() as Document | ShadowRoot;
    const text = ids
      .split(/\s+/)
      .filter(Boolean)
      .map((id) => root.getElementById?.(id)?.textContent?.replace(/\s+/g, ' ').trim() ?? '')
      .filter(Boolean)
      .join(' ');
    return text || 'marked invalid';
  }
  const validity = (el as { validity?: ValidityState }).validity;
  if (validity && !validity.valid) return (el as { validationMessage?: string }).validationMessage || 'invalid';
  return null;
}

/**
 * Types a value as a person would, for any framework: focus, the native setter, `input` and `change`
 * (bubbling out of shadow roots), blur; then reads the field back and fails when it shows something
 * else or calls itself invalid.
 */
export async function fill(el: Element, value: string, ctx: ActContext, target = describeElement(el)): Promise<void> {
  guard(ctx, target);
  if (!isShown(el)) throw new ActError('not-found', target, `${target} is no longer shown`);
  const readOnly = (el as { readOnly?: unknown }).readOnly === true || el.getAttribute('aria-readonly') === 'true';
  if (!isEnabled(el) || readOnly) throw new ActError('not-applied', target, `${target} cannot be edited`);
  const setter = nativeValueSetter(el);
  if (!setter) throw new ActError('not-applied', target, `${target} does not take typed text`);
  if (el instanceof HTMLElement) el.focus({ preventScroll: true });
  setter.call(el, value);
  const events = { bubbles: true, composed: true };
  el.dispatchEvent(
    typeof InputEvent === 'function'
      ? new InputEvent('input', { ...events, data: value, inputType: 'insertText' })
      : new Event('input', events),
  );
  el.dispatchEvent(new Event('change', events));
  if (el instanceof HTMLElement) el.blur();
  await pause(ctx, target);
  if (!el.isConnected) throw new ActError('not-applied', target, `${target} was replaced while typing`);
  const shown = readValue(el);
  if (!sameValue(shown, value)) {
    throw new ActError('not-applied', target, `${target} shows "${shown}" instead of "${value}"`);
  }
  const invalid = invalidReason(el);
  if (invalid !== null) throw new ActError('not-applied', target, `${target} refused "${value}": ${invalid}`);
}

export type CheckedState = 'true' | 'false' | 'mixed';

/** A native checkbox or radio by its properties, anything else by aria-checked. */
export function readChecked(el: Element): CheckedState {
  if (el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio')) {
    return el.indeterminate ? 'mixed' : el.checked ? 'true' : 'false';
  }
  const aria = el.getAttribute('aria-checked');
  return aria === 'true' || aria === 'mixed' ? aria : 'false';
}

/**
 * Clicks a checkbox, radio or switch until it reads as wanted: a tri-state box may need
 * mixed → true → false. Each click must change the state; the final state must hold a moment later.
 */
export async function setChecked(
  el: Element,
  checked: boolean,
  ctx: ActContext,
  target = describeElement(el),
  /** false when the caller ticks many boxes and reads them all back after one pause of its own. */
  settle = true,
): Promise<void> {
  const want: CheckedState = checked ? 'true' : 'false';
  const role = roleOf(el);
  if (!role || !CHECKABLE_ROLES.has(role)) {
    throw new ActError('not-applied', target, `${target} is not a checkbox or radio button`);
  }
  for (let clicks = 0; readChecked(el) !== want; clicks++) {
    if (role === 'radio' || role === 'menuitemradio') {
      // Clicking a selected radio button leaves it selected: another option has to be chosen.
      if (!checked) {
        throw new ActError('not-applied', target, `${target} can only be cleared by choosing another option`);
      }
    }
    if (clicks >= MAX_TOGGLES) {
      throw new ActError('not-applied', target, `${target} still reads ${readChecked(el)} after ${clicks} clicks`);
    }
    const before = readChecked(el);
    await click(el, ctx, { target, until: () => readChecked(el) !== before });
  }
  if (!settle) return;
  await pause(ctx, target);
  if (!el.isConnected || readChecked(el) !== want) {
    throw new ActError('not-applied', target, `${target} did not stay ${checked ? 'ticked' : 'cleared'}`);
  }
}

/** Enter in a field: search boxes that apply only on Enter. Synthetic keys submit no form. */
export function pressEnter(el: Element): void {
  const init: KeyboardEventInit = { key: 'Enter', code: 'Enter', keyCode: 13, bubbles: true, composed: true };
  for (const type of ['keydown', 'keypress', 'keyup']) el.dispatchEvent(new KeyboardEvent(type, init));
}
