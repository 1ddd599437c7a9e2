/**
 * Acting on the portal's own pages as a person would (as a password manager fills a form): find a
 * control by ARIA role and visible name, then click, type into or tick it, and read the result back.
 * Every action first checks that we are still on the page it is meant for and that the run has not
 * been cancelled, and fails with an ActError that says which of those went wrong.
 */
import { roleOf } from './dom';
import { ActError, type ActContext } from './act-error';
import { type ControlName, describeElement, describeName, isEnabled, isShown, queryShown, type RoleSpec } from './query';
import { guard, pause, waitUntil } from './wait';

export * from './act-error';
export * from './query';
export * from './wait';

/** The most clicks a tri-state checkbox needs: mixed → true → false. */
const MAX_TOGGLES = 3;
const CHECKABLE_ROLES = new Set(['checkbox', 'radio', 'switch', 'menuitemcheckbox', 'menuitemradio']);

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
