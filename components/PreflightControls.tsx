import { formatNumber, type Lang, t } from '@/lib/i18n';
import type { WorklistStatus } from '@/lib/worklist/messages';
import { ProgressBar } from './ProgressBar';

/**
 * The pre-flight pass over the whole list: one button starts it (or continues a stopped one), a
 * progress bar with counts shows it while it runs; stopping it is the panel's Stop button.
 */
export function PreflightControls({ lang, status, onCheckAll }: { lang: Lang; status: WorklistStatus; onCheckAll(): void }) {
  const { running, checked, total, stopped } = status.preflight;
  const n = (v: number) => formatNumber(lang, v);
  const label = t(lang, 'wlCheckProgress', { checked: n(checked), total: n(total) });
  return (
    <section class="worklist__preflight">
      {!running && (
        <button type="button" onClick={() => onCheckAll()}>
          {t(lang, stopped ? 'wlCheckContinue' : 'wlCheckAll')}
        </button>
      )}
      {(running || stopped) && total > 0 && <ProgressBar value={checked} max={total} label={label} />}
      {!running && !stopped && checked > 0 && <p role="status">{label}</p>}
      {stopped && !running && <p role="status">{t(lang, 'wlCheckStopped')}</p>}
    </section>
  );
}
