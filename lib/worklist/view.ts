import type { Lang } from '@/lib/i18n';
import type { WorklistRow } from './rows';

/**
 * The side panel's view of the worklist: which rows it shows and in which order. Pure, so the
 * panel's controls, the CSV export of what is shown and the tests all use one rule.
 */

export type SortKey = 'customer' | 'daysLeft' | 'retirement' | 'replacement' | 'verdict' | 'migration';
export type SortDir = 'ascending' | 'descending';
export type DaysFilter = 'all' | 'ended' | 'within30' | 'within90' | 'later';

export interface WorklistFilter {
  days: DaysFilter;
  /** A retirement id, or 'all'. */
  retirement: string;
  /** A replacement's English name (its stable key), or 'all'. */
  replacement: string;
  verdict: WorklistRow['verdict'] | 'all';
  migration: WorklistRow['migration'] | 'all';
}

export interface WorklistView {
  sort: { key: SortKey; dir: SortDir };
  filter: WorklistFilter;
}

/** Soonest end first and nothing hidden: what the panel opens with. */
export const DEFAULT_VIEW: WorklistView = {
  sort: { key: 'daysLeft', dir: 'ascending' },
  filter: { days: 'all', retirement: 'all', replacement: 'all', verdict: 'all', migration: 'all' },
};

function inDays(days: DaysFilter, left: number | null): boolean {
  if (days === 'all') return true;
  if (left === null) return false;
  if (days === 'ended') return left < 0;
  if (days === 'within30') return left >= 0 && left <= 30;
  if (days === 'within90') return left >= 0 && left <= 90;
  return left > 90;
}

export function matches(row: WorklistRow, f: WorklistFilter): boolean {
  return (
    inDays(f.days, row.daysLeft) &&
    (f.retirement === 'all' || row.retirementId === f.retirement) &&
    (f.replacement === 'all' || row.replacement?.name.en === f.replacement) &&
    (f.verdict === 'all' || row.verdict === f.verdict) &&
    (f.migration === 'all' || row.migration === f.migration)
  );
}

// Ascending puts the work first: what needs attention before what is ready, unchecked and done last.
const VERDICT_ORDER: Record<WorklistRow['verdict'], number> = { attention: 0, ready: 1, unchecked: 2, done: 3 };
const STEP_ORDER = { purchase: 1, reassign: 2, suspend: 3 } as const;
const migrationOrder = (r: WorklistRow): number =>
  r.migration === 'done' ? 4 : r.migration === 'not-started' || !r.nextStep ? 0 : STEP_ORDER[r.nextStep];
const days = (r: WorklistRow) => r.daysLeft ?? Number.POSITIVE_INFINITY;

function compareBy(key: SortKey, lang: Lang): (a: WorklistRow, b: WorklistRow) => number {
  const text = (f: (r: WorklistRow) => string) => (a: WorklistRow, b: WorklistRow) => f(a).localeCompare(f(b), lang);
  switch (key) {
    case 'customer':
      return text((r) => r.customerName);
    case 'daysLeft':
      return (a, b) => days(a) - days(b);
    case 'retirement':
      return text((r) => r.retirement[lang]);
    case 'replacement':
      // Rows not yet checked have no replacement: they go last whichever way names sort.
      return (a, b) =>
        Number(!a.replacement) - Number(!b.replacement) || (a.replacement?.name[lang] ?? '').localeCompare(b.replacement?.name[lang] ?? '', lang);
    case 'verdict':
      return (a, b) => VERDICT_ORDER[a.verdict] - VERDICT_ORDER[b.verdict];
    case 'migration':
      return (a, b) => migrationOrder(a) - migrationOrder(b);
  }
}

/** The rows the view shows, in its order; ties by days left, then customer name, so the order is stable. */
export function viewRows(rows: readonly WorklistRow[], view: WorklistView, lang: Lang): WorklistRow[] {
  const primary = compareBy(view.sort.key, lang);
  const sign = view.sort.dir === 'ascending' ? 1 : -1;
  const tie = (a: WorklistRow, b: WorklistRow) => days(a) - days(b) || a.customerName.localeCompare(b.customerName, lang);
  return rows.filter((r) => matches(r, view.filter)).sort((a, b) => sign * primary(a, b) || tie(a, b));
}

/** The choices of the retirement and replacement filters: what the rows hold, each once. */
export function filterChoices(rows: readonly WorklistRow[], lang: Lang) {
  const retirements = new Map<string, string>();
  const replacements = new Map<string, string>();
  for (const r of rows) {
    retirements.set(r.retirementId, r.retirement[lang]);
    if (r.replacement) replacements.set(r.replacement.name.en, r.replacement.name[lang]);
  }
  const sorted = (m: Map<string, string>) =>
    [...m].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label, lang));
  return { retirements: sorted(retirements), replacements: sorted(replacements) };
}
