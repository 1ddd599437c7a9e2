/**
 * Finding things on the portal by what a person perceives: ARIA role and accessible name, through
 * open shadow roots at any depth. Tag names count only for their standard implicit roles (a <tr> is a
 * row on any page); ids, classes and DOM depth are never used.
 */

/** The roles of a grid or table (a <table> and a role=grid of divs read the same). */
export const GRID_ROLES: ReadonlySet<string> = new Set(['grid', 'table', 'treegrid']);

const IMPLICIT_ROLES: Record<string, (el: Element) => string | null> = {
  A: (el) => (el.hasAttribute('href') ? 'link' : null),
  BUTTON: () => 'button',
  TABLE: () => 'table',
  TR: () => 'row',
  TD: () => 'cell',
  TH: () => 'columnheader',
  H1: () => 'heading',
  H2: () => 'heading',
  H3: () => 'heading',
  H4: () => 'heading',
  H5: () => 'heading',
  H6: () => 'heading',
  SELECT: () => 'combobox',
  TEXTAREA: () => 'textbox',
  MAIN: () => 'main',
  NAV: () => 'navigation',
  INPUT: (el) => {
    const type = (el.getAttribute('type') ?? 'text').toLowerCase();
    if (type === 'checkbox') return 'checkbox';
    if (type === 'radio') return 'radio';
    if (type === 'number') return 'spinbutton';
    if (type === 'search') return 'searchbox';
    if (type === 'button' || type === 'submit') return 'button';
    return type === 'hidden' ? null : 'textbox';
  },
};

export function roleOf(el: Element): string | null {
  const explicit = el.getAttribute('role')?.trim().split(/\s+/)[0];
  if (explicit) return explicit;
  return IMPLICIT_ROLES[el.tagName]?.(el) ?? null;
}

/** Every element under root, entering open shadow roots, in document order. */
export function* walkDeep(root: ParentNode): Generator<Element> {
  const stack: Element[] = [...Array.from(root.children)].reverse();
  while (stack.length > 0) {
    const el = stack.pop() as Element;
    yield el;
    const kids = [...Array.from(el.children)];
    if (el.shadowRoot) kids.unshift(...Array.from(el.shadowRoot.children));
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i] as Element);
  }
}

/** The parent element, stepping out of a shadow root to its host. */
export function parentAcross(el: Element): Element | null {
  if (el.parentElement) return el.parentElement;
  const root = el.parentNode;
  return root instanceof ShadowRoot ? root.host : null;
}

export function closestAcross(el: Element, test: (e: Element) => boolean): Element | null {
  for (let cur: Element | null = el; cur; cur = parentAcross(cur)) if (test(cur)) return cur;
  return null;
}

const squash = (s: string | null | undefined): string => (s ?? '').replace(/\s+/g, ' ').trim();

function byIdInRoot(el: Element, id: string): Element | null {
  const root = el.getRootNode() as Document | ShadowRoot;
  return root.getElementById?.(id) ?? null;
}

/** Visible text, including text inside open shadow roots (a link whose label lives in a shadow root). */
export function deepText(el: Element): string {
  if (el.shadowRoot) return squash(Array.from(el.shadowRoot.childNodes, nodeText).join(' '));
  return squash(nodeText(el));
}

function nodeText(node: Node): string {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
  if (!(node instanceof Element)) return '';
  if (node.getAttribute('aria-hidden') === 'true' || node.tagName === 'STYLE' || node.tagName === 'SCRIPT') return '';
  if (node.shadowRoot) return Array.from(node.shadowRoot.childNodes, nodeText).join(' ');
  return Array.from(node.childNodes, nodeText).join(' ');
}

/** A simplified accessible name: aria-labelledby, aria-label, an associated <label>, then text. */
export function accessibleName(el: Element): string {
  const labelledBy = el.getAttribute('aria-labelledby');
  if (labelledBy) {
    const text = labelledBy
      .split(/\s+/)
      .map((id) => byIdInRoot(el, id))
      .filter((e): e is Element => e !== null)
      .map(deepText)
      .join(' ');
    if (squash(text)) return squash(text);
  }
  const label = el.getAttribute('aria-label');
  if (squash(label)) return squash(label);
  if (el instanceof HTMLInputElement || el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement) {
    const labels = el.labels ? Array.from(el.labels) : [];
    const text = labels.map(deepText).join(' ');
    if (squash(text)) return squash(text);
    return squash(el.getAttribute('title') ?? el.getAttribute('placeholder'));
  }
  return deepText(el);
}

export type NameTest = string | RegExp | ((name: string) => boolean);

function nameMatches(name: string, test: NameTest): boolean {
  if (typeof test === 'function') return test(name);
  if (test instanceof RegExp) return test.test(name);
  return name.toLowerCase() === squash(test).toLowerCase();
}

/** All elements with the role (and name, when given) under root, through open shadow roots. */
export function queryAllByRole(root: ParentNode, role: string, name?: NameTest): Element[] {
  const out: Element[] = [];
  for (const el of walkDeep(root)) {
    if (roleOf(el) !== role) continue;
    if (name === undefined || nameMatches(accessibleName(el), name)) out.push(el);
  }
  return out;
}

export function queryByRole(root: ParentNode, role: string, name?: NameTest): Element | null {
  return queryAllByRole(root, role, name)[0] ?? null;
}
