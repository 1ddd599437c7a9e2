/**
 * The subscription detail page: suspend the subscription (step C of the seed guides). Contract §1: a
 * Status section with radio buttons Active / Suspended, Submit; under Suspended the portal shows the
 * date on which the subscription will be de-provisioned.
 */
import {
  type ActContext,
  ActError,
  click,
  findControl,
  isEnabled,
  queryShown,
  quiet,
  readChecked,
  setChecked,
  waitUntil,
} from '../act';
import { closestAcross, deepText, parentAcross } from '../dom';
import { isLabel } from '../labels';
import { roleOfAny, sectionsNamed } from './rows';
import { hasPhrase, newAlert, shownAlerts, shownChunks } from './text';

export interface SuspendResult {
  /** The portal's sentence about de-provisioning (with its date), or null when none is shown. */
  deprovisionText: string | null;
  /** The page already showed the subscription as suspended: nothing was submitted. */
  alreadySuspended: boolean;
}

/**
 * The Suspended radio of the Status section. Where no section is named Status, the page's only radio
 * named Suspended (ASSUMED: a portal version that shows the radios without a labelled group).
 */
function suspendedRadio(root: ParentNode): Element | null {
  const inSection = [...new Set(sectionsNamed(root, 'status').flatMap((s) => queryShown(s, 'radio', 'suspended')))];
  const radios = inSection.length > 0 ? inSection : queryShown(root, 'radio', 'suspended');
  if (radios.length > 1) throw new ActError('not-found', 'suspended', `${radios.length} "Suspended" options`);
  return radios[0] ?? null;
}

/**
 * How many times the page states "Suspended" outside the radio buttons' own labels: a status field
 * that changes once the portal has applied the change.
 */
function suspendedStatements(root: ParentNode): number {
  const labelIds = new Set(
    queryShown(root, 'radio').flatMap((radio) => (radio.getAttribute('aria-labelledby') ?? '').split(/\s+/)),
  );
  labelIds.delete('');
  return shownChunks(root).filter(
    (chunk) =>
      isLabel('suspended', chunk.text) &&
      closestAcross(
        chunk.el,
        (e) => e.tagName === 'LABEL' || roleOfAny(e) === 'radio' || (e.id !== '' && labelIds.has(e.id)),
      ) === null,
  ).length;
}

/** The sentence about de-provisioning; with its surroundings when the date sits in a neighbouring element. */
function deprovisionText(root: ParentNode): string | null {
  const chunk = shownChunks(root).find((c) => hasPhrase('deprovision', c.text));
  if (!chunk) return null;
  const own = deepText(chunk.el);
  if (/\d/.test(own)) return own;
  const parent = parentAcross(chunk.el);
  const wider = parent ? deepText(parent) : '';
  return /\d/.test(wider) && wider.length <= 300 ? wider : own;
}

/**
 * Picks Suspended in the Status section, submits, and waits until the portal confirms (a
 * confirmation message, the form repainted with Suspended chosen, or the status now reading
 * Suspended); an error message instead is a `portal-error`.
 */
export async function suspend(
  ctx: ActContext,
  root: ParentNode = document,
  /** Runs right before Submit is clicked (the last moment to check that nobody still needs it); throwing stops. */
  beforeSubmit?: () => Promise<void>,
): Promise<SuspendResult> {
  const radio = await waitUntil(
    () => {
      const found = suspendedRadio(root);
      return found && isEnabled(found) ? found : null;
    },
    ctx,
    { target: 'suspended', scope: root, message: () => 'no Suspended option in the Status section' },
  );
  // Chosen and stated elsewhere on the page: the subscription is suspended already.
  if (readChecked(radio) === 'true' && suspendedStatements(root) > 0) {
    return { deprovisionText: deprovisionText(root), alreadySuspended: true };
  }
  await setChecked(radio, true, ctx, 'suspended');
  const submit = await findControl('button', 'submit', ctx, root);
  const alertsBefore = shownAlerts(root);
  const textBefore = new Set(shownChunks(root).map((c) => c.text));
  const statementsBefore = suspendedStatements(root);
  await beforeSubmit?.();
  await click(submit, ctx, { target: 'submit' });
  try {
    await waitUntil(
      () => {
        const error = newAlert(root, alertsBefore);
        if (error) throw new ActError('portal-error', 'submit', error);
        const saidSo = shownChunks(root).some(
          (c) => !textBefore.has(c.text) && hasPhrase('subscriptionUpdated', c.text),
        );
        const current = suspendedRadio(root);
        const repainted = !radio.isConnected && current !== null && readChecked(current) === 'true';
        return saidSo || repainted || suspendedStatements(root) > statementsBefore ? true : null;
      },
      ctx,
      {
        target: 'submit',
        kind: 'not-applied',
        scope: root,
        message: () => 'the portal did not confirm the suspension',
      },
    );
  } catch (error) {
    if (error instanceof ActError && error.kind === 'left-page') {
      throw new ActError('left-page', 'submit', 'the portal left the page after Submit: check the status first');
    }
    throw error;
  }
  const after = suspendedRadio(root);
  if (after && readChecked(after) !== 'true') {
    throw new ActError('not-applied', 'suspended', 'after Submit the Status section does not show Suspended');
  }
  // The de-provisioning note may be painted just after the confirmation.
  await quiet(ctx, 'suspended', root, 150, 1000);
  return { deprovisionText: deprovisionText(root), alreadySuspended: false };
}
