/**
 * Manage licenses for the selected users. Contract §1: one row per product the customer owns, with a
 * checkbox named by the product (aria-checked true / false / mixed), Available licenses and Assigned;
 * Save applies every change of the page in one go, then "Licenses updated" and a per-user list of
 * successes and errors. Exclusive plans: the old product is cleared in the same save.
 */
import {
  type ActContext,
  ActError,
  type CheckedState,
  click,
  findControl,
  isEnabled,
  isShown,
  pause,
  queryShown,
  readChecked,
  SETTLE_MS,
  setChecked,
  textIs,
  waitUntil,
} from '../act';
import { accessibleName, deepText, walkDeep } from '../dom';
import { normalizeLabel } from '../labels';
import { cellText, dataRows, isBusy, isHeaderRow, rowOf, sectionsNamed, shownLines } from './rows';
import { parseResult, resultLines } from './save-results';
import { leadsWithLabel, newAlert, shownAlerts, shownChunks } from './text';

export interface ProductState {
  name: string;
  checked: CheckedState;
  /** The row's "Available licenses" count, where the page shows one. */
  available: number | null;
}

export interface LicenseSwap {
  /** Product to clear, by its name on this page. */
  from: string;
  /** Product to tick, by its name on this page. */
  to: string;
}

export interface SaveResult {
  user: string;
  ok: boolean;
  message: string;
}

/** Product checkboxes once loaded (not the header's), or null while the page still fills in. */
function productBoxes(root: ParentNode): Element[] | null {
  const boxes = queryShown(root, 'checkbox').filter((box) => {
    const row = rowOf(box);
    return !row || !isHeaderRow(row);
  });
  if (boxes.length === 0 || boxes.some(isBusy) || dataRows(root).some(isBusy)) return null;
  return boxes;
}

function availableOf(box: Element): number | null {
  const row = rowOf(box);
  const text = row ? cellText(row, 'availableLicenses') : null;
  const digits = text ? /-?\d[\d,.\s]*/.exec(text)?.[0].replace(/[,.\s]/g, '') : undefined;
  return digits ? Number(digits) : null;
}

const waitForProducts = (ctx: ActContext, root: ParentNode): Promise<Element[]> =>
  waitUntil(() => productBoxes(root), ctx, {
    target: 'products',
    scope: root,
    message: () => 'no products were listed for the selected users',
  });

/** The products on the page with their tick state (true / false / mixed) and free seats. */
export async function readProducts(ctx: ActContext, root: ParentNode = document): Promise<ProductState[]> {
  const boxes = await waitForProducts(ctx, root);
  return boxes.map((box) => ({ name: accessibleName(box), checked: readChecked(box), available: availableOf(box) }));
}

function productBox(root: ParentNode, name: string): Element {
  const same = textIs(name);
  const matches = (productBoxes(root) ?? []).filter((box) => same(accessibleName(box)));
  if (matches.length > 1) throw new ActError('not-found', name, `${matches.length} products are named "${name}"`);
  const box = matches[0];
  if (!box) throw new ActError('not-found', name, `no product "${name}" is listed for the selected users`);
  return box;
}

/**
 * Clears `from` and ticks `to` (for Save to apply together), then reads both back. Either product
 * missing from the page is `not-found`: a misnamed `from` would leave users holding both.
 */
export async function swapLicense(
  swap: LicenseSwap,
  ctx: ActContext,
  root: ParentNode = document,
): Promise<ProductState[]> {
  const { from, to } = swap;
  if (normalizeLabel(from) === normalizeLabel(to)) {
    throw new ActError('not-applied', to, 'the product to clear and the one to tick are the same');
  }
  await waitForProducts(ctx, root);
  // Right after navigating here the previous page's checkboxes may still be on screen (a single-page
  // app renders after the URL changes): wait until both products are listed before acting.
  const listed = (name: string) => (productBoxes(root) ?? []).some((box) => textIs(name)(accessibleName(box)));
  // A large selection (1,200 users) takes the page a while to list whose licenses are whose: wait on
  // as long as it shows it is working, and give up only once it is idle and still lacks a product.
  const started = Date.now();
  for (;;) {
    const both = await waitUntil(() => (listed(from) && listed(to) ? true : null), ctx, {
      target: listed(from) ? to : from,
      scope: root,
      message: () => `no product "${listed(from) ? to : from}" is listed for the selected users`,
    }).catch(() => null);
    if (both || !pageBusy(root) || Date.now() - started > MAX_LOAD_WAIT_MS || ctx.signal.aborted) break;
  }
  const fromBox = productBox(root, from);
  const toBox = productBox(root, to);
  await setChecked(fromBox, false, ctx, from);
  await setChecked(toBox, true, ctx, to);
  await pause(ctx, to, SETTLE_MS * 2);
  const after = await readProducts(ctx, root);
  const state = (name: string) => after.find((p) => textIs(name)(p.name))?.checked ?? 'missing';
  if (state(from) !== 'false' || state(to) !== 'true') {
    throw new ActError('not-applied', to, `"${from}" reads ${state(from)} and "${to}" reads ${state(to)}`);
  }
  return after;
}

/** Elements that say "Licenses updated" (a heading, a status line). */
function updatedMarkers(root: ParentNode): Element[] {
  return shownChunks(root)
    .filter((c) => leadsWithLabel('licensesUpdated', c.text))
    .map((c) => c.el);
}

/**
 * The lines of the Selected users area (a user's name, or user name): which users this save will
 * change, and how to tell the user's name from the message in each result. Empty where a portal
 * version lists nobody there.
 */
export function selectedUserNames(root: ParentNode = document): string[] {
  return sectionsNamed(root, 'selectedUsers')
    .flatMap((section) => shownLines(section))
    .map((line) => deepText(line))
    .filter(Boolean);
}

/** A save still visibly under way after this long is given up on (the API then says what happened). */
const MAX_SAVE_WAIT_MS = 10 * 60_000;

/** The page shows it is working: a progress bar or a busy region. */
function pageBusy(root: ParentNode): boolean {
  if (queryShown(root, 'progressbar').length > 0) return true;
  for (const el of walkDeep(root)) if (el.getAttribute('aria-busy') === 'true' && isShown(el)) return true;
  return false;
}

/** …or the Save button held disabled. */
function isWorking(root: ParentNode, button: Element): boolean {
  return pageBusy(root) || (button.isConnected && !isEnabled(button));
}

/** A page still visibly loading the selected users' licenses after this long is given up on. */
const MAX_LOAD_WAIT_MS = 5 * 60_000;
/**
 * Save, then wait for "Licenses updated" and read the per-user lines (user, success or error, the
 * portal's words). An error message instead of the confirmation is a `portal-error`.
 */
export async function save(
  ctx: ActContext,
  root: ParentNode = document,
  options: {
    /**
     * Asked each time the usual wait runs out while the page still works: true when the changes are
     * known to be applied (the API shows them), so a confirmation that never comes is not waited for.
     */
    applied?: () => Promise<boolean>;
    /** The longest a visibly working page is waited for. */
    maxWaitMs?: number;
  } = {},
): Promise<{ results: SaveResult[] }> {
  const button = await findControl('button', 'save', ctx, root);
  const alertsBefore = shownAlerts(root);
  const markersBefore = new Set(updatedMarkers(root));
  const knownUsers = selectedUserNames(root);
  let earlierGone = markersBefore.size === 0;
  await click(button, ctx, { target: 'save' });
  const confirmation = () => {
    const markers = updatedMarkers(root);
    // A confirmation left from an earlier save counts again once the page has taken it away.
    earlierGone ||= [...markersBefore].some((m) => !markers.includes(m));
    const fresh = markers.find((m) => earlierGone || !markersBefore.has(m));
    if (fresh) return fresh;
    const error = newAlert(root, alertsBefore);
    if (error) throw new ActError('portal-error', 'save', error);
    return null;
  };
  const end = Date.now() + (options.maxWaitMs ?? MAX_SAVE_WAIT_MS);
  let marker: Element | null = null;
  // A save of hundreds of users takes as long as it takes: wait while the page visibly works.
  while (!marker) {
    try {
      marker = await waitUntil(confirmation, ctx, {
        target: 'licensesUpdated',
        kind: 'not-applied',
        scope: root,
        message: () => 'no confirmation after Save',
      });
    } catch (error) {
      const working = error instanceof ActError && error.kind === 'not-applied' && isWorking(root, button);
      if (!working || Date.now() >= end) throw error;
      if (options.applied && (await options.applied())) return { results: [] };
    }
  }
  // The per-user lines may be painted just after the heading; a confirmation without them is read as none.
  const lines = await waitUntil(() => {
    const found = resultLines(marker);
    return found.length > 0 ? found : null;
  }, ctx, { target: 'licensesUpdated', scope: root, timeoutMs: Math.min(ctx.timeoutMs, 2000) }).catch(
    (error: unknown) => {
      if (error instanceof ActError && error.kind === 'not-found') return [];
      throw error;
    },
  );
  return { results: lines.map((line) => parseResult(line, knownUsers)) };
}

/**
 * Clears one product for the selected users without ticking another: the license clean-up when users
 * already have the service through a product they hold. Verified by reading the box back.
 */
export async function clearLicense(from: string, ctx: ActContext, root: ParentNode = document): Promise<ProductState[]> {
  await waitForProducts(ctx, root);
  const listed = () => (productBoxes(root) ?? []).some((box) => textIs(from)(accessibleName(box)));
  await waitUntil(() => (listed() ? true : null), ctx, { target: from, scope: root }).catch(() => undefined);
  await setChecked(productBox(root, from), false, ctx, from);
  await pause(ctx, from, SETTLE_MS * 2);
  const after = await readProducts(ctx, root);
  const state = after.find((p) => textIs(from)(p.name))?.checked ?? 'missing';
  if (state !== 'false') throw new ActError('not-applied', from, `"${from}" reads ${state}`);
  return after;
}
