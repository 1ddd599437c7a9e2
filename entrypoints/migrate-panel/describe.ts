import { type Lang, t } from '@/lib/i18n';
import { StepStop } from '@/lib/migration/steps/deps';
import { isLabelKey, labelText } from '@/lib/portal/labels';
import { PAGE_NAMES } from '@/lib/portal/navigate';

/**
 * Why a step stopped, in the agent's language: every stop reason has its own sentence, so no English
 * fragment of a step's internal message reaches a Korean panel. Only the portal's own words (already
 * in the portal's language) are quoted.
 */
export function describeStop(error: unknown, lang: Lang): string {
  if (!(error instanceof StepStop)) return t(lang, 'verifyFailed', { detail: String(error) });
  const page = error.page ? PAGE_NAMES[error.page][lang] : '';
  const target = isLabelKey(error.target) ? labelText(error.target, lang) : error.target;
  const count = /^\d+$/.test(error.target) ? error.target : '';
  switch (error.reason) {
    case 'not-found':
      return t(lang, 'notFound', { target, page });
    case 'left-page':
      return t(lang, 'leftPage', { page });
    case 'role':
      return error.target ? `${t(lang, 'noRole')} ${t(lang, 'portalSaid', { said: error.target })}` : t(lang, 'noRole');
    case 'uncovered':
      return t(lang, 'notCovered', { count });
    case 'order-may-exist':
      return t(lang, 'orderMayExist', { orders: error.target ? ` (${error.target})` : '' });
    case 'unknown-sku':
      return t(lang, 'unknownSku');
    case 'in-use':
      return t(lang, 'inUse', { count });
    case 'extra-users':
      return t(lang, 'extraUsers', { count });
    case 'users-not-moved':
      return t(lang, 'usersNotMoved', { count });
    case 'api':
      // What could not be read, by its API path's name (orders, subscriptions, licenses …).
      return t(lang, 'readFailed', { what: error.target });
    case 'store':
      return t(lang, 'statusStoreFailed');
    case 'portal-error':
      return t(lang, 'portalSaid', { said: error.message });
    case 'not-applied':
      if (error.page === 'manage-licenses' && count) return t(lang, 'noConfirmation', { count });
      return t(lang, 'notApplied', { target, page });
    case 'aborted':
      return t(lang, 'stepStopped');
    case 'verify':
      if (error.target === 'subscription') return t(lang, 'subscriptionNotYet');
      if (error.target === 'no-order') return t(lang, 'nothingBought');
      if (error.target === 'status') return t(lang, 'notSuspendedYet');
      if (error.target === 'manual') return t(lang, 'manualNotDone');
      return t(lang, 'verifyFailed', { detail: error.message });
    default:
      return t(lang, 'verifyFailed', { detail: error.message });
  }
}
