/**
 * Users and licenses: tick exactly the listed users in the paged grid (a row is a user by its user
 * principal name), then open Manage licenses from the Selected users area. Contract §1: a paged grid
 * (display name, user principal name, licenses), a selection checkbox per row and one in the header,
 * a pager First / Previous / Next / Last, then Selected users → Manage licenses.
 */
import {
  type ActContext,
  ActError,
  click,
  guard,
  isEnabled,
  pause,
  queryShown,
  quiet,
  readChecked,
  setChecked,
  waitUntil,
} from '../act';
import { accessibleName, deepText } from '../dom';
import { isLabel, type LabelKey } from '../labels';
import { dataRows, isBusy, sectionsNamed } from './rows';

export interface UserMatcher {
  upn: string;
  /** For the agent's messages only: rows are matched by user principal name, which is unique. */
  displayName: string;
}

export interface UserSelection {
  /** User principal names now ticked, in the order asked. */
  selected: string[];
  /** User principal names found, in the order the grid listed them (the order they were ticked). */
  listed: string[];
  /** User principal names not found on any page. */
  missing: string[];
  /** Users that were ticked but not listed, unticked so that Manage licenses changes no one else. */
  deselected: string[];
}

const PAGER_ROLES = ['button', 'link'];
/** A bound on paging, against a pager that never ends. */
const MAX_PAGES = 500;
/** A bound on clicks on one page. */
const MAX_CLICKS_PER_PAGE = 1000;

/** The users shown, once loaded: null while rows are placeholders (aria-busy, or no text yet). */
function loadedRows(root: ParentNode): Element[] | null {
  const rows = dataRows(root);
  if (rows.some(isBusy) || !rows.some((row) => deepText(row) !== '')) return null;
  return rows;
}

const waitForRows = (ctx: ActContext, root: ParentNode): Promise<Element[]> =>
  waitUntil(() => loadedRows(root), ctx, {
    target: 'users',
    scope: root,
    message: () => 'the list of users did not load',
  });

const signature = (rows: readonly Element[]): string => rows.map(deepText).join('\n');

/** The row's user principal name, when it is one of the wanted (compared as whole words, any case). */
function upnOf(row: Element, wanted: ReadonlyMap<string, string>): string | null {
  for (const token of deepText(row).toLowerCase().split(/[\s,;()<>[\]|]+/)) if (wanted.has(token)) return token;
  return null;
}

/** How to name an unlisted user in the result: the e-mail-like word of the row, else its text. */
function describeRow(row: Element): string {
  const text = deepText(row);
  return text.split(/\s+/).find((w) => w.includes('@')) ?? text.slice(0, 80);
}

const rowCheckbox = (row: Element): Element | null => queryShown(row, 'checkbox')[0] ?? null;
const pagerControl = (root: ParentNode, key: LabelKey): Element | null => queryShown(root, PAGER_ROLES, key)[0] ?? null;

/**
 * Clicks a pager control and waits until other rows have loaded. The pager's own state (is Next
 * still enabled?) may be painted just after the rows: see `pagerSettled` before reading it.
 */
async function turnPage(control: Element, key: LabelKey, ctx: ActContext, root: ParentNode): Promise<void> {
  const before = signature(loadedRows(root) ?? []);
  await click(control, ctx, {
    target: key,
    until: () => {
      const rows = loadedRows(root);
      return rows !== null && signature(rows) !== before;
    },
  });
}

/** How long the rows' text and the pager must hold still after a page turn before the pager is read. */
const STILL_MS = 150;
/** A page that never holds still (a clock in a row) is read after this long in any case. */
const STILL_CAP_MS = 1000;

/** What a page turn may still repaint: the rows' text, and which pager controls are shown and enabled. */
function pageState(root: ParentNode): string {
  const pager = (['first', 'previous', 'next', 'last'] as const)
    .map((key) => {
      const control = pagerControl(root, key);
      return control ? (isEnabled(control) ? '1' : '0') : '-';
    })
    .join('');
  return `${pager}\n${signature(loadedRows(root) ?? [])}`;
}

/**
 * Resolves once the page has held still for STILL_MS since `since` (when its rows were first read),
 * or STILL_CAP_MS after it. Measured on the rows' text and the pager, not on every change, so the
 * page's ticks (which repaint the selection) do not hold it up, and the wait runs while the page is
 * ticked rather than before. Stillness is a matter of time, so it is looked at when it would be
 * reached (a change seen then starts the count again), not on a polling interval.
 */
async function pagerSettled(ctx: ActContext, root: ParentNode, since: { at: number; state: string }): Promise<void> {
  let { state, at: changedAt } = since;
  for (;;) {
    guard(ctx, 'next');
    const now = Date.now();
    const current = pageState(root);
    if (current !== state) {
      state = current;
      changedAt = now;
    }
    const left = Math.min(changedAt + STILL_MS, since.at + STILL_CAP_MS) - now;
    if (left <= 0) return;
    await pause(ctx, 'next', left);
  }
}

async function goToFirstPage(ctx: ActContext, root: ParentNode): Promise<void> {
  const previous = pagerControl(root, 'previous');
  if (previous && !isEnabled(previous)) return; // already on the first page
  const first = pagerControl(root, 'first');
  if (first && isEnabled(first)) {
    await turnPage(first, 'first', ctx, root);
    return;
  }
  // Each step back reads the pager again, so it must have been painted for the page shown.
  const settled = () => pagerSettled(ctx, root, { at: Date.now(), state: pageState(root) });
  for (let page = 0; page < MAX_PAGES; page++) {
    const back = pagerControl(root, 'previous');
    if (!back || !isEnabled(back)) return;
    await turnPage(back, 'previous', ctx, root);
    await settled();
  }
}

/**
 * Ticks the wanted users on this page and unticks the others; rows are looked up afresh after each
 * click. The page is read back once all its boxes are set, after one pause (not one per box: a page
 * of twenty users would otherwise wait twenty times), and worked again if anything changed back.
 */
async function tickPage(
  ctx: ActContext,
  root: ParentNode,
  wanted: ReadonlyMap<string, string>,
  found: Set<string>,
  deselected: string[],
): Promise<void> {
  let settled = false;
  for (let clicks = 0; clicks < MAX_CLICKS_PER_PAGE; clicks++) {
    let next: { box: Element; on: boolean; who: string } | null = null;
    for (const row of await waitForRows(ctx, root)) {
      const box = rowCheckbox(row);
      if (!box) continue;
      const upn = upnOf(row, wanted);
      const state = readChecked(box);
      if (upn) found.add(upn);
      if (upn && state !== 'true') next = { box, on: true, who: wanted.get(upn) ?? upn };
      else if (!upn && state !== 'false') next = { box, on: false, who: describeRow(row) };
      if (next) break;
    }
    if (!next) {
      if (settled) return;
      await pause(ctx, 'users');
      settled = true;
      continue;
    }
    settled = false;
    await setChecked(next.box, next.on, ctx, next.who, false);
    if (!next.on && !deselected.includes(next.who)) deselected.push(next.who);
  }
  throw new ActError('not-applied', 'users', 'the selection on this page kept changing');
}

/**
 * Ticks the row checkbox of each listed user, going back to the first page first and then paging
 * with Next until all (or `enough`) are found or the pager ends. Never ticks anyone else (nor the
 * header box).
 */
export async function selectUsers(
  users: readonly UserMatcher[],
  ctx: ActContext,
  root: ParentNode = document,
  options: {
    /** Told after each page how many of the users are found (and ticked) so far. */
    onProgress?: (found: number, total: number) => void;
    /** Stop paging once this many are found (the page they are on is finished first). */
    enough?: number;
  } = {},
): Promise<UserSelection> {
  const { onProgress, enough = users.length } = options;
  const wanted = new Map(users.map((u) => [u.upn.trim().toLowerCase(), u.upn.trim()]));
  const found = new Set<string>();
  const deselected: string[] = [];
  await waitForRows(ctx, root);
  await quiet(ctx, 'users', root, 150, 1000);
  await goToFirstPage(ctx, root);
  const pagesSeen = new Set<string>();
  for (let page = 0; page < MAX_PAGES; page++) {
    const shown = signature(await waitForRows(ctx, root));
    if (pagesSeen.has(shown)) throw new ActError('not-applied', 'next', 'the pager came back to a page already seen');
    pagesSeen.add(shown);
    const turned = { at: Date.now(), state: pageState(root) };
    await tickPage(ctx, root, wanted, found, deselected);
    await pagerSettled(ctx, root, turned);
    // The rows' text changed while they were ticked (a late repaint): tick them again before moving on.
    if (signature(loadedRows(root) ?? []) !== shown) await tickPage(ctx, root, wanted, found, deselected);
    onProgress?.(found.size, wanted.size);
    if (found.size === wanted.size || found.size >= enough) break;
    const next = pagerControl(root, 'next');
    if (!next || !isEnabled(next)) break;
    await turnPage(next, 'next', ctx, root);
  }
  const key = (u: UserMatcher) => u.upn.trim().toLowerCase();
  return {
    selected: users.filter((u) => found.has(key(u))).map((u) => u.upn.trim()),
    listed: [...found].map((upn) => wanted.get(upn) ?? upn),
    missing: users.filter((u) => !found.has(key(u))).map((u) => u.upn.trim()),
    deselected,
  };
}

/** Manage licenses, preferably the one in the Selected users area, when enabled. */
function manageControl(root: ParentNode): Element | null {
  const inArea = sectionsNamed(root, 'selectedUsers').flatMap((s) => queryShown(s, PAGER_ROLES, 'manageLicenses'));
  const candidates = inArea.length > 0 ? inArea : queryShown(root, PAGER_ROLES, 'manageLicenses');
  return candidates.find(isEnabled) ?? null;
}

/** A closed "Selected users" button or tab, where a portal version folds the area away. */
function selectedUsersOpener(root: ParentNode): Element | null {
  return (
    queryShown(root, ['button', 'tab', 'link'], 'selectedUsers').find(
      (el) =>
        isEnabled(el) && el.getAttribute('aria-expanded') !== 'true' && el.getAttribute('aria-selected') !== 'true',
    ) ?? null
  );
}

/** Opens the Selected users area if it is folded, clicks Manage licenses and waits for its page. */
export async function openManageLicenses(ctx: ActContext, root: ParentNode = document): Promise<void> {
  const message = () => 'Manage licenses did not become available: are users selected?';
  const first = await waitUntil(() => manageControl(root) ?? selectedUsersOpener(root), ctx, {
    target: 'manageLicenses',
    scope: root,
    message,
  });
  let control = first;
  if (!isLabel('manageLicenses', accessibleName(first))) {
    await click(first, ctx, { target: 'selectedUsers', until: () => manageControl(root) !== null });
    control = await waitUntil(() => manageControl(root), ctx, { target: 'manageLicenses', scope: root, message });
  }
  await click(control, ctx, { target: 'manageLicenses', until: () => !ctx.onPage(), leavesPage: true });
}
