import { formatNumber, type Lang, type MessageKey, t } from '@/lib/i18n';
import type { WorklistStatus } from '@/lib/worklist/messages';
import { migrationText, noteText, replacementText, verdictText } from '@/lib/worklist/row-text';
import type { SortKey, WorklistView } from '@/lib/worklist/view';
import { showDay } from './format';

type Row = WorklistStatus['rows'][number];

export interface TableEvents {
  /** Opens the customer's page in the portal with this subscription's Migrate panel open. */
  onOpen(customerId: string, subscriptionId: string): void;
  onCheck(customerId: string): void;
  onSort(key: SortKey): void;
}

interface Props extends TableEvents {
  lang: Lang;
  rows: readonly Row[];
  sort: WorklistView['sort'];
  /** Customers whose check runs now (their button waits), and whether checks are possible at all. */
  checking: readonly string[];
  canCheck: boolean;
}

/**
 * A column header that sorts: a real button (keyboard and screen reader), and aria-sort on the
 * header the list is sorted by, so the order is announced.
 */
function SortHeader({ lang, label, column, sort, onSort }: { lang: Lang; label: MessageKey; column: SortKey; sort: WorklistView['sort']; onSort(key: SortKey): void }) {
  const sorted = sort.key === column;
  return (
    <th scope="col" aria-sort={sorted ? sort.dir : undefined}>
      <button type="button" class="sort" onClick={() => onSort(column)}>
        {t(lang, label)}
        <span aria-hidden="true">{sorted ? (sort.dir === 'ascending' ? ' ▲' : ' ▼') : ''}</span>
      </button>
    </th>
  );
}

function daysText(lang: Lang, r: Row): string {
  if (r.daysLeft === null) return t(lang, 'wlNoDate');
  return r.daysLeft < 0 ? t(lang, 'wlEnded') : t(lang, 'wlDaysLeft', { days: formatNumber(lang, r.daysLeft) });
}

/** The retiring subscriptions as the view orders them; a row opens its customer, or checks it before the migration. */
export function WorklistTable({ lang, rows, sort, checking, canCheck, onOpen, onCheck, onSort }: Props) {
  const header = (label: MessageKey, column: SortKey) => <SortHeader lang={lang} label={label} column={column} sort={sort} onSort={onSort} />;
  return (
    <div class="worklist__scroll">
      <table class="worklist__table">
        <thead>
          <tr>
            {header('wlColCustomer', 'customer')}
            {header('wlColOffer', 'retirement')}
            <th scope="col">{t(lang, 'wlColSeats')}</th>
            <th scope="col">{t(lang, 'wlColEnds')}</th>
            {header('wlColDaysLeft', 'daysLeft')}
            {header('wlColReplacement', 'replacement')}
            {header('wlColVerdict', 'verdict')}
            {header('wlColMigration', 'migration')}
            <th scope="col">{t(lang, 'wlColCheck')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const busy = checking.includes(r.customerId);
            return (
              <tr key={r.subscriptionId} class={`urgency--${r.urgency} verdict--${r.verdict}`}>
                <th scope="row">
                  <button type="button" class="link" aria-label={t(lang, 'wlOpen', { customer: r.customerName })} onClick={() => onOpen(r.customerId, r.subscriptionId)}>
                    {r.customerName}
                  </button>
                </th>
                <td>{r.offerName}</td>
                <td>{formatNumber(lang, r.quantity)}</td>
                <td>{r.endDate ? showDay(lang, r.endDate) : t(lang, 'wlNoDate')}</td>
                <td class="days">{daysText(lang, r)}</td>
                <td>{replacementText(lang, r)}</td>
                <td class="verdict">
                  {verdictText(lang, r)}
                  {/* A space before the notes, so the cell reads as two phrases to a screen reader. */}
                  {r.notes.length > 0 && <small> {r.notes.map((n) => noteText(lang, n)).join(' · ')}</small>}
                </td>
                <td>{migrationText(lang, r)}</td>
                <td>
                  <button
                    type="button"
                    aria-label={t(lang, 'wlCheckCustomer', { customer: r.customerName })}
                    disabled={busy || !canCheck}
                    onClick={() => onCheck(r.customerId)}
                  >
                    {t(lang, busy ? 'wlChecking' : 'wlCheck')}
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
