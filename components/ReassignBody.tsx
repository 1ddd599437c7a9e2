import { formatNumber, type Lang, type MessageKey, t } from '@/lib/i18n';
import type { StepProgress } from '@/lib/migration/steps/deps';
import { ProgressBar } from './ProgressBar';
import type { StepBodyProps } from './step-body';
import { UserChooser } from './UserChooser';

/**
 * Step B's body: who may move licenses, the holders to choose from (pooled SKU), a shortage of free
 * licenses known before the click, what the running step is doing, its progress and who failed.
 */
export function ReassignBody({ lang, model: m, offerName, busy, events }: StepBodyProps) {
  const r = m.reassign;
  return (
    <>
      <p class="note">{t(lang, 'panelRoleNote')}</p>
      {r.pool && <UserChooser lang={lang} pool={r.pool} from={m.fromProduct} disabled={busy} onChoose={events.onChooseUser} />}
      {!!r.shortOfSeats && (
        <p class="warning" role="status">
          {t(lang, 'seatsShort', { count: formatNumber(lang, r.shortOfSeats), to: offerName })}
        </p>
      )}
      {/* A live region from the start (so its first words are read out), but a status only once it says something. */}
      <p class="activity" aria-live="polite" role={r.activity ? 'status' : undefined}>
        {r.activity ? activityText(lang, r.activity) : ''}
      </p>
      {r.total > 0 && (
        <ProgressBar
          value={r.done}
          max={r.total}
          label={t(lang, 'reassignProgress', { done: formatNumber(lang, r.done), total: formatNumber(lang, r.total) })}
        />
      )}
      {r.failedUsers.length > 0 && (
        <div class="failed-users">
          <p>{t(lang, 'reassignFailedUsers', { count: r.failedUsers.length })}</p>
          <ul>
            {r.failedUsers.map((u) => (
              <li key={u.name}>
                {u.name}: {u.reason}
              </li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}

const ACTIVITY: Record<StepProgress['phase'], MessageKey> = {
  read: 'activityRead',
  select: 'activitySelect',
  save: 'activitySave',
  check: 'activityCheck',
};

/** What step B is doing now, in words (the status line under the step, read out by screen readers). */
function activityText(lang: Lang, a: StepProgress): string {
  return t(lang, ACTIVITY[a.phase], { done: formatNumber(lang, a.done), total: formatNumber(lang, a.total) });
}
