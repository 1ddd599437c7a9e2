import { formatNumber, type Lang, t } from '@/lib/i18n';
import type { WorklistStatus } from '@/lib/worklist/messages';
import { showDay } from './format';

type Row = WorklistStatus['rows'][number];

const STEP_LETTER = { purchase: 'A', reassign: 'B', suspend: 'C' } as const;

/** Where this browser's migration of the subscription stands (the Migrate panel's progress store). */
function migrationText(lang: Lang, r: Row): string {
  if (r.migration === 'done') return t(lang, 'wlMigDone');
  if (r.migration === 'not-started' || !r.nextStep) return t(lang, 'wlMigNotStarted');
  return t(lang, 'wlMigInProgress', { step: STEP_LETTER[r.nextStep] });
}

/** Every retiring subscription, soonest end first; each row's button opens its customer in Partner Center. */
export function WorklistTable({ lang, rows, onOpen }: { lang: Lang; rows: readonly Row[]; onOpen(customerId: string): void }) {
  return (
    <table class="worklist__table">
      <thead>
        <tr>
          <th scope="col">{t(lang, 'wlColCustomer')}</th>
          <th scope="col">{t(lang, 'wlColOffer')}</th>
          <th scope="col">{t(lang, 'wlColSeats')}</th>
          <th scope="col">{t(lang, 'wlColEnds')}</th>
          <th scope="col">{t(lang, 'wlColDaysLeft')}</th>
          <th scope="col">{t(lang, 'wlColMigration')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.subscriptionId} class={`urgency--${r.urgency}`}>
            <th scope="row">
              <button type="button" class="link" aria-label={t(lang, 'wlOpen', { customer: r.customerName })} onClick={() => onOpen(r.customerId)}>
                {r.customerName}
              </button>
            </th>
            <td>{r.offerName}</td>
            <td>{formatNumber(lang, r.quantity)}</td>
            <td>{r.endDate ? showDay(lang, r.endDate) : t(lang, 'wlNoDate')}</td>
            <td>
              {r.daysLeft === null
                ? t(lang, 'wlNoDate')
                : r.daysLeft < 0
                  ? t(lang, 'wlEnded')
                  : t(lang, 'wlDaysLeft', { days: formatNumber(lang, r.daysLeft) })}
            </td>
            <td>{migrationText(lang, r)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
