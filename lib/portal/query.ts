/**
 * Finding the portal's controls as a person sees them: by ARIA role and visible name, shown ones
 * only, through open shadow roots (lib/portal/act.ts acts on what these find).
 */
import { accessibleName, closestAcross, parentAcross, roleOf, walkDeep } from './dom';
import { isLabel, LABELS, type LabelKey, normalizeLabel } from './labels';

/** How a control is named: a label key (any spelling, either language), an exact text, a pattern or a test. */
export type ControlName = LabelKey | string | RegExp | ((name: string) => boolean);
export type RoleSpec = string | readonly string[];

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

export function describeName(name: ControlName): string {
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

export function rootOf(scope: ParentNode): Document | ShadowRoot {
  if (scope instanceof Document || scope instanceof ShadowRoot) return scope;
  const root = (scope as Node).getRootNode();
  return root instanceof Document || root instanceof ShadowRoot ? root : document;
}
