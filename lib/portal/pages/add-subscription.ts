/**
 * The catalog (Add subscription): pick an offer and its quantity, put it in the cart, review, submit.
 * Contract §1: tab Online Services; a search box; offer rows, each with a checkbox or radio named by
 * the offer and a "Quantity" input; Add to cart → cart lines with quantities → Review → Submit → a
 * confirmation with the order id.
 */
import {
  type ActContext,
  ActError,
  click,
  fill,
  findControl,
  isEnabled,
  pause,
  pressEnter,
  queryShown,
  quiet,
  readChecked,
  SETTLE_MS,
  setChecked,
  textIs,
  waitUntil,
} from '../act';
import { deepText, walkDeep } from '../dom';
import { normalizeLabel } from '../labels';
import { cellText, cellsOf, columnIndex, isBusy, linesBeside, ownRow, shownLines } from './rows';
import { hasPhrase, newAlert, orderIdIn, shownAlerts, shownChunks } from './text';

export interface OfferChoice {
  /** The offer's name as the catalog lists it (matched ignoring case and spacing). */
  offerName: string;
  quantity: number;
}

const SEARCH_ROLES = ['searchbox', 'textbox', 'combobox'];
const SELECT_ROLES = ['checkbox', 'radio'];
const QUANTITY_ROLES = ['spinbutton', 'textbox'];
/** Tries at ticking an offer whose row the catalog repaints meanwhile. */
const MAX_ATTEMPTS = 3;

const valueOf = (el: Element): string => String((el as { value?: unknown }).value ?? '');
const sameNumber = (a: string | null, b: number): boolean => a !== null && a.trim() !== '' && Number(a) === b;

/** The offer's selectable control in a loaded row; several of the same name are refused, not guessed. */
function offerControl(root: ParentNode, offerName: string): Element | null {
  const controls = queryShown(root, SELECT_ROLES, textIs(offerName)).filter((c) => !isBusy(c));
  if (controls.length > 1) {
    throw new ActError('not-found', offerName, `${controls.length} offers are named "${offerName}"`);
  }
  return controls[0] ?? null;
}

/** The row's own Quantity input: labelled "Quantity", else the input under the "Quantity" column. */
function quantityIn(row: Element): Element | null {
  const labelled = queryShown(row, QUANTITY_ROLES, 'quantity');
  if (labelled.length > 0) return labelled.length === 1 ? (labelled[0] ?? null) : null;
  const index = columnIndex(row, 'quantity');
  const cell = index >= 0 ? cellsOf(row)[index] : undefined;
  return cell ? (queryShown(cell, QUANTITY_ROLES)[0] ?? null) : null;
}

function offerChosen(root: ParentNode, choice: OfferChoice): boolean {
  const control = offerControl(root, choice.offerName);
  if (!control || readChecked(control) !== 'true') return false;
  const input = quantityIn(ownRow(control, SELECT_ROLES));
  return input !== null && sameNumber(valueOf(input), choice.quantity);
}

/** Selects the Online Services tab when the page has tabs, once the catalog has rendered. */
async function showOnlineServices(ctx: ActContext, root: ParentNode): Promise<void> {
  const tabs = () => queryShown(root, 'tab', 'onlineServices');
  await waitUntil(() => tabs()[0] ?? queryShown(root, SEARCH_ROLES, 'search')[0], ctx, {
    target: 'search',
    scope: root,
    message: () => 'the catalog did not show a search box',
  });
  const tab = tabs()[0];
  if (!tab || tab.getAttribute('aria-selected') === 'true') return;
  await click(tab, ctx, {
    target: 'onlineServices',
    // The tab may be re-rendered on selection: look it up again.
    until: () => tabs().some((t) => t.getAttribute('aria-selected') === 'true'),
  });
}

/**
 * Searches the catalog for the offer, ticks its row (checkbox or radio named by the offer, exactly)
 * and types the quantity into that row's Quantity field; verifies both held.
 */
export async function chooseOffer(choice: OfferChoice, ctx: ActContext, root: ParentNode = document): Promise<void> {
  const { offerName } = choice;
  await showOnlineServices(ctx, root);
  const search = await findControl(SEARCH_ROLES, 'search', ctx, root);
  await fill(search, offerName, ctx, 'search');
  pressEnter(search);
  // The list repaints after a search: let it finish rather than tick a row about to be replaced.
  await quiet(ctx, 'search', root);
  for (let attempt = 1; ; attempt++) {
    const control = await waitUntil(() => offerControl(root, offerName), ctx, {
      target: offerName,
      scope: root,
      message: () => `no offer named "${offerName}" in the catalog`,
    });
    const row = ownRow(control, SELECT_ROLES);
    let input: Element | null = null;
    try {
      await setChecked(control, true, ctx, offerName);
      input = await waitUntil(
        () => {
          const found = quantityIn(row);
          return found && isEnabled(found) ? found : null;
        },
        ctx,
        { target: 'quantity', scope: root, message: () => `no Quantity field in the row of "${offerName}"` },
      );
      await fill(input, String(choice.quantity), ctx, 'quantity');
    } catch (error) {
      const repainted = !control.isConnected || (input !== null && !input.isConnected);
      if (error instanceof ActError && repainted && attempt < MAX_ATTEMPTS) continue;
      throw error;
    }
    await pause(ctx, offerName, SETTLE_MS * 2);
    if (offerChosen(root, choice)) return;
    if (attempt >= MAX_ATTEMPTS) {
      throw new ActError('not-applied', offerName, `"${offerName}" did not stay selected with ${choice.quantity}`);
    }
  }
}

/** Whether some piece of the line reads as the offer's name (alone, not part of a longer name). */
function namesOffer(line: Element, offerName: string): boolean {
  const want = normalizeLabel(offerName);
  const text = normalizeLabel(deepText(line));
  if (!text.includes(want)) return false;
  for (const el of walkDeep(line)) if (normalizeLabel(deepText(el)) === want) return true;
  // "Office 365 E3 × 5" names it; "Office 365 E3 Add-on" or "Office 365 E3 (Government)" do not.
  const rest = text.startsWith(want) ? text.slice(want.length).trim() : null;
  return rest !== null && (rest === '' || !/^[\p{L}(]/u.test(rest));
}

/** Cart or review lines of the offer: rows or list items naming it, without the catalog's own control. */
function offerLines(root: ParentNode, offerName: string): Element[] {
  return shownLines(root).filter(
    (line) =>
      !isBusy(line) &&
      queryShown(line, SELECT_ROLES, textIs(offerName)).length === 0 &&
      namesOffer(line, offerName),
  );
}

/** The quantity a line shows: its Quantity field, its "Quantity" cell, or the number after the name. */
function lineQuantity(line: Element, offerName: string): { text: string | null; input: Element | null } {
  const input = queryShown(line, QUANTITY_ROLES, 'quantity')[0] ?? queryShown(line, 'spinbutton')[0] ?? null;
  if (input) return { text: valueOf(input), input };
  const cell = cellText(line, 'quantity');
  if (cell !== null) return { text: cell, input: null };
  const text = normalizeLabel(deepText(line));
  const name = normalizeLabel(offerName);
  const at = text.indexOf(name);
  const after = at >= 0 ? text.slice(at + name.length) : text;
  return { text: /\d+/.exec(after)?.[0] ?? null, input: null };
}

const lineShows = (root: ParentNode, choice: OfferChoice): boolean =>
  offerLines(root, choice.offerName).some((line) =>
    sameNumber(lineQuantity(line, choice.offerName).text, choice.quantity),
  );

/**
 * Add to cart, check the cart line (correcting its quantity field if the cart reset it), then Review,
 * and check the review shows the offer with the quantity and a Submit button.
 */
export async function addToCartAndReview(
  choice: OfferChoice,
  ctx: ActContext,
  root: ParentNode = document,
): Promise<void> {
  const { offerName, quantity } = choice;
  const add = await findControl(['button', 'link'], 'addToCart', ctx, root);
  await click(add, ctx, { target: 'addToCart', until: () => offerLines(root, offerName).length > 0 });
  const line = offerLines(root, offerName)[0];
  const shown = line ? lineQuantity(line, offerName) : { text: null, input: null };
  if (!sameNumber(shown.text, quantity)) {
    if (!shown.input) {
      const says = `the cart shows "${offerName}" × ${shown.text ?? '?'}, not ${quantity}`;
      throw new ActError('not-applied', offerName, says);
    }
    await fill(shown.input, String(quantity), ctx, 'quantity');
  }
  const review = await findControl(['button', 'link'], 'review', ctx, root);
  await click(review, ctx, {
    target: 'review',
    until: () => queryShown(root, 'button', 'submit').length > 0 && lineShows(root, choice),
  });
  reviewHoldsOnly(root, choice);
}

/**
 * Submit orders every line the review lists: it must list the offer alone, with the quantity, or
 * nothing is submitted (a line left in the cart from earlier would be bought too).
 */
export function reviewHoldsOnly(root: ParentNode, choice: OfferChoice): void {
  const ours = offerLines(root, choice.offerName).filter((line) =>
    sameNumber(lineQuantity(line, choice.offerName).text, choice.quantity),
  );
  const line = ours[0];
  const all = line ? linesBeside(line).filter((l) => !isBusy(l)) : [];
  if (ours.length !== 1 || all.length !== 1) {
    const others = all.filter((l) => l !== line).map((l) => deepText(l).replace(/\s+/g, ' ').trim().slice(0, 120));
    throw new ActError(
      'not-applied',
      choice.offerName,
      `the order to submit is not "${choice.offerName}" × ${choice.quantity} alone` +
        (others.length ? ` (also: ${others.join('; ')})` : ''),
    );
  }
}

/**
 * Submit, then wait for the confirmation and read the order id shown near "Order" / "주문" (null if the
 * confirmation shows none). An error message after Submit is a `portal-error` with its text.
 */
export async function submitOrder(
  ctx: ActContext,
  root: ParentNode = document,
  /** Awaited right before Submit is clicked (from then on an order may exist); throwing stops before it. */
  onSubmit?: () => Promise<void>,
): Promise<{ orderId: string | null }> {
  const submit = await findControl('button', 'submit', ctx, root);
  const alertsBefore = shownAlerts(root);
  const textBefore = shownChunks(root).map((c) => c.text);
  const seenBefore = new Set(textBefore);
  const joinedBefore = textBefore.join('\n');
  const isNewId = (id: string) => !joinedBefore.includes(id);
  await onSubmit?.();
  await click(submit, ctx, { target: 'submit' });
  try {
    const outcome = await waitUntil(
      () => {
        const error = newAlert(root, alertsBefore);
        if (error) throw new ActError('portal-error', 'submit', error);
        const chunks = shownChunks(root);
        const orderId = orderIdIn(chunks, isNewId);
        if (orderId) return { orderId };
        const confirmed = chunks.some((c) => !seenBefore.has(c.text) && hasPhrase('orderConfirmed', c.text));
        return confirmed ? { orderId: null } : null;
      },
      ctx,
      {
        target: 'submit',
        kind: 'not-applied',
        scope: root,
        message: () => 'no order confirmation appeared after Submit; the order may still have been placed',
      },
    );
    if (outcome.orderId !== null) return outcome;
    // Confirmed without an id yet: the id may be painted a moment after the heading.
    await quiet(ctx, 'submit', root, 200, 1000);
    return { orderId: orderIdIn(shownChunks(root), isNewId) };
  } catch (error) {
    if (error instanceof ActError && error.kind === 'left-page') {
      throw new ActError(
        'left-page',
        'submit',
        'the portal left the page after Submit: the order may have been placed; check the subscriptions first',
      );
    }
    throw error;
  }
}
