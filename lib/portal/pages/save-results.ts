/**
 * What Manage licenses says after Save: the per-user lines under "Licenses updated" (contract §1),
 * each read as the user it names, whether it failed (an alert, an invalid mark, an error word or
 * icon) and the portal's own message.
 */
import { isShown, queryShown } from '../act';
import { accessibleName, closestAcross, deepText, parentAcross, walkDeep } from '../dom';
import type { SaveResult } from './manage-licenses';
import { cellsOf, isHeaderRow, lineOwner, roleOfAny } from './rows';
import { hasPhrase } from './text';

/** How far up from "Licenses updated" the per-user list may sit. */
const MAX_CLIMB = 5;

/** The lines of the first list (or grid) after the marker, within the nearest container that has one. */
export function resultLines(marker: Element): Element[] {
  let container = parentAcross(marker);
  for (let step = 0; container && step < MAX_CLIMB; step++, container = parentAcross(container)) {
    let after = false;
    let list: Element | null = null;
    const out: Element[] = [];
    for (const el of walkDeep(container)) {
      if (el === marker) after = true;
      const role = roleOfAny(el);
      if (!after || (role !== 'listitem' && role !== 'row') || !isShown(el) || isHeaderRow(el)) continue;
      if (queryShown(el, 'checkbox').length > 0) continue; // a product row, not a result
      if (out.some((line) => closestAcross(el, (e) => e === line))) continue; // a line within a line
      // Lines of one list only: a list item's list is its parent, a row's is its grid or table.
      const owner = lineOwner(el);
      list ??= owner;
      if (owner !== list) break;
      out.push(el);
    }
    if (out.length > 0) return out;
  }
  return [];
}

const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();

export function parseResult(line: Element, knownUsers: readonly string[]): SaveResult {
  const cells = cellsOf(line);
  const text = squash(deepText(line));
  let user = text;
  let message = '';
  const known = knownUsers
    .filter((name) => text.toLowerCase().startsWith(squash(name).toLowerCase()))
    .sort((a, b) => b.length - a.length)[0];
  if (cells.length >= 2) {
    user = deepText(cells[0] as Element);
    message = cells.slice(1).map(deepText).join(' ');
  } else if (known) {
    user = squash(known);
    message = text.slice(user.length);
  } else {
    const split = /^(.+?)\s*[:：]\s*(.*)$/.exec(text) ?? /^(.+?)\s+[-–—]\s+(.*)$/.exec(text);
    if (split) {
      user = split[1] ?? text;
      message = split[2] ?? '';
    }
  }
  message = squash(message.replace(/^[\s:：\-–—]+/, ''));
  // Icons that say "Error" count too: a person sees the red cross.
  const icons = queryShown(line, 'img').map(accessibleName).join(' ');
  const failed =
    closestAcross(line, (e) => e.getAttribute('role') === 'alert') !== null ||
    line.getAttribute('aria-invalid') === 'true' ||
    hasPhrase('failed', `${message} ${icons}`) ||
    (message === '' && hasPhrase('failed', text));
  return { user: squash(user), ok: !failed, message };
}
