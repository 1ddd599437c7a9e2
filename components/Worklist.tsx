import { useState } from 'preact/hooks';
import { formatNumber, type Lang, type MessageKey, t } from '@/lib/i18n';
import type { WorklistProblem, WorklistStatus } from '@/lib/worklist/messages';
import type { WorklistRow } from '@/lib/worklist/rows';
import { DEFAULT_VIEW, type SortKey, viewRows, type WorklistView } from '@/lib/worklist/view';
import { ProgressBar } from './ProgressBar';
import { PreflightControls } from './PreflightControls';
import { WorklistFilters } from './WorklistFilters';
import { WorklistTable } from './WorklistTable';

export interface WorklistEvents {
  onStart(refresh: boolean): void;
  /** Exports the rows as the list shows them (its filter and order). */
  onExport(kind: 'csv' | 'json', rows: readonly WorklistRow[]): void;
  onCancel(): void;
  /** Opens the customer's page in the portal with this subscription's Migrate panel open. */
  onOpen(customerId: string, subscriptionId: string): void;
  /** Checks one customer, or (no id) starts or continues the pass over the whole list. */
  onCheck(customerId?: string): void;
}

const PROBLEM: Record<WorklistProblem, MessageKey> = {
  'no-portal-tab': 'wlProblemNoTab',
  'signed-out': 'wlProblemSignedOut',
  'list-failed': 'wlProblemListFailed',
  damaged: 'wlProblemDamaged',
  failed: 'wlProblemFailed',
};

/**
 * The worklist: one scan of every customer (started, stopped, continued or refreshed by one button),
 * its progress with counts, and every retiring subscription soonest first, each opening its customer.
 */
export function Worklist({ lang, status, ...events }: { lang: Lang; status: WorklistStatus | null } & WorklistEvents) {
  // The agent's sort and filter live in the panel (not stored): a reopened panel starts soonest first.
  const [view, setView] = useState<WorklistView>(DEFAULT_VIEW);
  if (!status) return <p role="alert">{t(lang, 'wlUnavailable')}</p>;
  const shown = viewRows(status.rows, view, lang);
  const sortBy = (key: SortKey) =>
    setView({ ...view, sort: { key, dir: view.sort.key === key && view.sort.dir === 'ascending' ? 'descending' : 'ascending' } });
  const busy = status.running || status.preflight.running;
  const p = status.progress;
  const n = (v: number) => formatNumber(lang, v);
  const finished = p?.phase === 'done';
  const action = status.running ? null : !p ? 'start' : finished ? 'refresh' : 'continue';
  return (
    <main class="worklist" lang={lang}>
      <h1>{t(lang, 'wlTitle')}</h1>
      <p>{t(lang, 'wlIntro')}</p>
      <div class="worklist__actions">
        {busy && (
          <button type="button" onClick={() => events.onCancel()}>
            {t(lang, status.running ? 'wlCancel' : 'wlCheckStop')}
          </button>
        )}
        {action && !status.preflight.running && (
          <button type="button" class="primary" onClick={() => events.onStart(action === 'refresh')}>
            {t(lang, action === 'start' ? 'wlStart' : action === 'refresh' ? 'wlRefresh' : 'wlContinue')}
          </button>
        )}
      </div>
      {status.problem && (
        <p class="error" role="alert">
          {t(lang, PROBLEM[status.problem])}
        </p>
      )}
      {p && p.phase === 'listing' && status.running && (
        <p role="status">{t(lang, 'wlListing', { total: n(p.customersTotal) })}</p>
      )}
      {p && p.customersTotal > 0 && (
        <ProgressBar
          value={p.customersRead}
          max={p.customersTotal}
          label={t(lang, 'wlProgress', { read: n(p.customersRead), total: n(p.customersTotal), found: n(p.retiringFound) })}
        />
      )}
      {p && !status.running && (
        <p role="status">
          {finished
            ? t(lang, 'wlDone', { total: n(p.customersTotal), customers: n(p.customersWithRetiring), found: n(p.retiringFound) })
            : t(lang, 'wlStopped')}
        </p>
      )}
      {p && status.rows.length === 0 && finished && <p>{t(lang, 'wlEmpty')}</p>}
      {status.rows.length > 0 && !status.running && <PreflightControls lang={lang} status={status} onCheckAll={() => events.onCheck()} />}
      {status.rows.length > 0 && (
        <>
          <WorklistFilters lang={lang} rows={status.rows} filter={view.filter} onChange={(filter) => setView({ ...view, filter })} />
          <p role="status">{t(lang, 'wlShown', { shown: n(shown.length), total: n(status.rows.length) })}</p>
          <WorklistTable
            lang={lang}
            rows={shown}
            sort={view.sort}
            checking={status.checking}
            canCheck={!status.running}
            onOpen={events.onOpen}
            onCheck={(id) => events.onCheck(id)}
            onSort={sortBy}
          />
        </>
      )}
      {status.rows.length > 0 && (
        <div class="worklist__actions">
          <button type="button" onClick={() => events.onExport('csv', shown)}>
            {t(lang, 'wlExportCsv')}
          </button>
          <button type="button" onClick={() => events.onExport('json', shown)}>
            {t(lang, 'wlExportJson')}
          </button>
        </div>
      )}
      {status.failures.length > 0 && (
        <section aria-labelledby="wl-failed">
          <h2 id="wl-failed">{t(lang, 'wlFailedTitle', { count: n(status.failures.length) })}</h2>
          <p>{t(lang, 'wlFailedNote')}</p>
          <ul>
            {status.failures.map((f) => (
              <li key={f.customerId}>{t(lang, 'wlFailedReason', { customer: f.customerName || f.customerId, reason: f.reason })}</li>
            ))}
          </ul>
        </section>
      )}
    </main>
  );
}
