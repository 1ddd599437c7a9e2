import { formatNumber, type Lang, type MessageKey, t } from '@/lib/i18n';
import type { PreflightIssue, PreflightNote } from './preflight-state';
import type { WorklistRow } from './rows';

/**
 * A row's words in the agent's language: one source for the side panel's cells and the CSV export,
 * so the file says exactly what the list shows.
 */

const STEP_LETTER = { purchase: 'A', reassign: 'B', suspend: 'C' } as const;

/** Where the migration stands; work Partner Center shows but this browser did not do says so. */
export function migrationText(lang: Lang, r: Pick<WorklistRow, 'migration' | 'nextStep' | 'migrationSource'>): string {
  const state =
    r.migration === 'done'
      ? t(lang, 'wlMigDone')
      : r.migration === 'not-started' || !r.nextStep
        ? t(lang, 'wlMigNotStarted')
        : t(lang, 'wlMigInProgress', { step: STEP_LETTER[r.nextStep] });
  return r.migrationSource === 'api' ? t(lang, 'wlMigFromApi', { state }) : state;
}

/** The recommended replacement and how many to buy; empty before the customer is checked. */
export function replacementText(lang: Lang, r: Pick<WorklistRow, 'replacement'>): string {
  if (!r.replacement) return '';
  const plan = r.replacement.name[lang];
  return r.replacement.quantity > 0
    ? t(lang, 'wlReplacementBuy', { plan, quantity: formatNumber(lang, r.replacement.quantity) })
    : t(lang, 'wlReplacementNoBuy', { plan });
}

const VERDICT: Record<WorklistRow['verdict'], MessageKey> = {
  unchecked: 'wlVerdictUnchecked',
  ready: 'wlVerdictReady',
  attention: 'wlVerdictAttention',
  done: 'wlVerdictDone',
};

export function issueText(lang: Lang, issue: PreflightIssue): string {
  const n = (v: number) => formatNumber(lang, v);
  switch (issue.kind) {
    case 'no-recommendation':
      return t(lang, 'wlIssueNoRecommendation', { reason: issue.reason[lang] });
    case 'over-max':
      return t(lang, 'wlIssueOverMax', { need: n(issue.need), max: n(issue.max) });
    case 'unknown-product':
      return t(lang, 'wlIssueUnknownProduct');
    case 'missing-location':
      return t(lang, 'wlIssueMissingLocation', { users: n(issue.users) });
    case 'pooled':
      return t(lang, 'wlIssuePooled', { move: n(issue.move), holders: n(issue.holders) });
    case 'read-failed':
      return t(lang, 'wlIssueReadFailed', { reason: issue.reason });
  }
}

export function noteText(lang: Lang, note: PreflightNote): string {
  const n = (v: number) => formatNumber(lang, v);
  switch (note.kind) {
    case 'holders':
      return t(lang, 'wlNoteHolders', { users: n(note.users) });
    case 'owned':
      return t(lang, 'wlNoteOwned', { product: note.product, free: n(note.free) });
    case 'covered':
      return t(lang, 'wlNoteCovered', { users: n(note.users) });
  }
}

/** The verdict alone (a filter's option, a sorted column). */
export const verdictName = (lang: Lang, verdict: WorklistRow['verdict']): string => t(lang, VERDICT[verdict]);

/** The verdict with its reasons when it needs attention ("Needs attention: licenses are pooled: …"). */
export function verdictText(lang: Lang, r: Pick<WorklistRow, 'verdict' | 'issues'>): string {
  const verdict = verdictName(lang, r.verdict);
  if (r.verdict !== 'attention' || r.issues.length === 0) return verdict;
  return t(lang, 'wlVerdictWith', { verdict, reasons: r.issues.map((i) => issueText(lang, i)).join('; ') });
}
