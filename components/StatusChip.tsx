import { formatDate, type Lang, t } from '@/lib/i18n';
import type { CustomerVisit } from '@/lib/store/schema';

export type StatusState = { kind: 'loading' } | { kind: 'ready'; visit: CustomerVisit } | { kind: 'store-failed' };

interface Props {
  lang: Lang;
  state: StatusState;
}

/** A small, polite status line: the assistant is running on this customer and its storage works. */
export function StatusChip({ lang, state }: Props) {
  return (
    <section class="chip" aria-label={t(lang, 'appName')} lang={lang}>
      <strong class="chip__name">{t(lang, 'appName')}</strong>
      <p class="chip__text" role="status" aria-live="polite">
        {state.kind === 'ready' && (
          <>
            {t(lang, 'statusReady')}
            <br />
            <span data-testid="visit-count">
              {state.visit.visits === 1
                ? t(lang, 'statusVisitOne', { date: formatDate(lang, state.visit.firstSeenAt) })
                : t(lang, 'statusVisits', { count: state.visit.visits, date: formatDate(lang, state.visit.firstSeenAt) })}
            </span>
          </>
        )}
        {state.kind === 'store-failed' && t(lang, 'statusStoreFailed')}
      </p>
    </section>
  );
}
