/**
 * Rows, cells, columns and named sections, read from ARIA roles only (a <table> and a role=grid of
 * divs read the same), for the page drivers beside this file.
 */
import { isShown, queryShown } from '../act';
import { accessibleName, closestAcross, deepText, GRID_ROLES, parentAcross, roleOf, walkDeep } from '../dom';
import { isLabel, type LabelKey } from '../labels';

/** Standard implicit roles that dom.ts's roleOf leaves out (lists, fieldsets, sections). */
const MORE_IMPLICIT_ROLES: Record<string, string> = {
  UL: 'list',
  OL: 'list',
  LI: 'listitem',
  FIELDSET: 'group',
  SECTION: 'region',
  ARTICLE: 'article',
  THEAD: 'rowgroup',
  TBODY: 'rowgroup',
  TFOOT: 'rowgroup',
  DIALOG: 'dialog',
};

export function roleOfAny(el: Element): string | null {
  const role = roleOf(el);
  // A <th scope="row"> heads its row, not a column.
  if (role === 'columnheader' && !el.hasAttribute('role') && el.getAttribute('scope') === 'row') return 'rowheader';
  return role ?? MORE_IMPLICIT_ROLES[el.tagName] ?? null;
}

const ROW_ROLES = new Set(['row', 'listitem']);
const CELL_ROLES = new Set(['cell', 'gridcell', 'rowheader', 'columnheader']);

/** The row (or list item) an element sits in. */
export function rowOf(el: Element): Element | null {
  return closestAcross(el, (e) => ROW_ROLES.has(roleOfAny(e) ?? ''));
}

/** Inside something still loading (a skeleton row, a grid being refilled). */
export function isBusy(el: Element): boolean {
  return closestAcross(el, (e) => e.getAttribute('aria-busy') === 'true') !== null;
}

export function cellsOf(row: Element): Element[] {
  const out: Element[] = [];
  for (const el of walkDeep(row)) {
    if (CELL_ROLES.has(roleOfAny(el) ?? '') && rowOf(el) === row) out.push(el);
  }
  return out;
}

/** A row of column headers only (its select-all checkbox is not a user's). */
export function isHeaderRow(row: Element): boolean {
  if (closestAcross(row, (e) => e.tagName === 'THEAD' && !e.hasAttribute('role')) !== null) return true;
  const cells = cellsOf(row);
  return cells.length > 0 && cells.every((c) => roleOfAny(c) === 'columnheader');
}

/** Shown rows that hold data (not header rows), in document order. */
export function dataRows(scope: ParentNode): Element[] {
  return queryShown(scope, 'row').filter((row) => !isHeaderRow(row));
}

/** The index of the column whose header is the label in the row's grid, or -1. */
export function columnIndex(row: Element, key: LabelKey): number {
  const grid = closestAcross(row, (e) => GRID_ROLES.has(roleOfAny(e) ?? ''));
  if (!grid) return -1;
  for (const candidate of walkDeep(grid)) {
    if (roleOfAny(candidate) !== 'row' || !isHeaderRow(candidate)) continue;
    const index = cellsOf(candidate).findIndex((cell) => isLabel(key, accessibleName(cell)));
    if (index >= 0) return index;
  }
  return -1;
}

/** The text of the row's cell under the labelled column, or null. */
export function cellText(row: Element, key: LabelKey): string | null {
  const index = columnIndex(row, key);
  const cell = index >= 0 ? cellsOf(row)[index] : undefined;
  return cell ? deepText(cell) : null;
}

/**
 * The part of the page that belongs to `control` alone: its row or list item, else the largest
 * ancestor holding no other control of the same roles (a card, a div "row" without a role).
 */
export function ownRow(control: Element, peerRoles: readonly string[]): Element {
  const row = rowOf(control);
  if (row) return row;
  let own = control;
  for (let parent = parentAcross(own); parent && parent !== document.documentElement; parent = parentAcross(own)) {
    if (queryShown(parent, peerRoles).some((peer) => peer !== control)) break;
    own = parent;
  }
  return own;
}

/** The name of a section: aria-labelledby / aria-label, or a fieldset's legend. */
function sectionName(el: Element): string {
  const name = el.hasAttribute('aria-labelledby') || el.hasAttribute('aria-label') ? accessibleName(el) : '';
  if (name) return name;
  const legend = Array.from(el.children).find((c) => c.tagName === 'LEGEND');
  return legend ? deepText(legend) : '';
}

const SECTION_ROLES = new Set(['group', 'radiogroup', 'region', 'form', 'tabpanel', 'dialog']);

/** Shown sections named by the label: named groups and regions, or what a heading with the label heads. */
export function sectionsNamed(scope: ParentNode, key: LabelKey): Element[] {
  const out: Element[] = [];
  for (const el of walkDeep(scope)) {
    const role = roleOfAny(el);
    if (role && SECTION_ROLES.has(role) && isLabel(key, sectionName(el)) && isShown(el)) out.push(el);
  }
  for (const heading of queryShown(scope, 'heading', key)) {
    const container = parentAcross(heading);
    if (container && !out.some((s) => s === container || s.contains(container))) out.push(container);
  }
  return out;
}

/** Shown rows and list items (with their implicit roles) that hold data, in document order. */
export function shownLines(scope: ParentNode): Element[] {
  const out: Element[] = [];
  for (const el of walkDeep(scope)) {
    const role = roleOfAny(el);
    if ((role === 'row' || role === 'listitem') && !isHeaderRow(el) && isShown(el)) out.push(el);
  }
  return out;
}

/** The grid, table or list a line belongs to (a list item's list is its parent). */
export function lineOwner(line: Element): Element | null {
  return roleOfAny(line) === 'listitem'
    ? parentAcross(line)
    : closestAcross(line, (e) => GRID_ROLES.has(roleOfAny(e) ?? ''));
}

/** Every shown line of the same grid or list as `line`, itself included (lines within lines left out). */
export function linesBeside(line: Element): Element[] {
  const owner = lineOwner(line);
  if (!owner) return [line];
  return shownLines(owner).filter((other) => lineOwner(other) === owner);
}
