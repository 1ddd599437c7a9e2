import { formatNumber, type Lang, type MessageKey, t } from '@/lib/i18n';
import type { WorklistProblem, WorklistStatus } from '@/lib/worklist/messages';
import { ProgressBar } from './ProgressBar';
import { WorklistTable } from './WorklistTable';

export interface WorklistEvents {
  onStart(refresh: boolean): void;
  onExport(kind: 'csv' | 'json'): void;
  onCancel(): void;
  onOpen(customerId: string): void;
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
  if (!status) return <p role="alert">{t(lang, 'wlUnavailable')}</p>;
  const p = status.progress;
  const n = (v: number) => formatNumber(lang, v);
  const finished = p?.phase === 'done';
  const action = status.running ? null : !p ? 'start' : finished ? 'refresh' : 'continue';
  return (
    <main class="worklist" lang={lang}>
      <h1>{t(lang, 'wlTitle')}</h1>
      <p>{t(lang, 'wlIntro')}</p>
      <div class="worklist__actions">
        {status.running && (
          <button type="button" onClick={() => events.onCancel()}>
            {t(lang, 'wlCancel')}
          </button>
        )}
        {action && (
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
      {status.rows.length > 0 && <WorklistTable lang={lang} rows={status.rows} onOpen={events.onOpen} />}
      {status.rows.length > 0 && (
        <div class="worklist__actions">
          <button type="button" onClick={() => events.onExport('csv')}>
            {t(lang, 'wlExportCsv')}
          </button>
          <button type="button" onClick={() => events.onExport('json')}>
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
