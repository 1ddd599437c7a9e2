import { formatNumber, type Lang, t } from '@/lib/i18n';
import type { PoolChoice } from './panel-model';
import { trusted } from './trusted';

interface Props {
  lang: Lang;
  pool: PoolChoice;
  /** The product the chosen users leave, and the one they keep otherwise. */
  from: string;
  disabled: boolean;
  onChoose(userId: string, chosen: boolean): void;
}

/**
 * When the retiring subscription's SKU is pooled with subscriptions that stay, only its own seats'
 * worth of users move: the agent picks which (a sensible choice is ticked to start with). Step B runs
 * only once exactly that many are ticked.
 */
export function UserChooser({ lang, pool, from, disabled, onChoose }: Props) {
  const countId = 'pcma-pool-count';
  if (pool.loading) return <p class="note">{t(lang, 'poolLoading')}</p>;
  if (pool.failed) return <p class="error">{t(lang, 'poolFailed')}</p>;
  const wrong = pool.chosenCount !== pool.count;
  return (
    <fieldset class="pool" disabled={disabled} aria-describedby={countId}>
      <legend>
        {t(lang, 'poolLegend', {
          count: formatNumber(lang, pool.count),
          holders: formatNumber(lang, pool.holders.length),
          from,
        })}
      </legend>
      <ul class="pool__list">
        {pool.holders.map((u) => (
          <li key={u.id}>
            <label>
              <input
                type="checkbox"
                checked={u.chosen}
                // A click is what ticks a box (mouse, Space, or its label): the page's own .click() is
                // refused before the box changes.
                onClick={trusted((e) => onChoose(u.id, e.currentTarget.checked))}
              />{' '}
              {u.name} <span class="pool__upn">{u.upn}</span>
            </label>
          </li>
        ))}
      </ul>
      <p id={countId} class={wrong ? 'error' : 'note'} role="status">
        {t(lang, wrong ? 'poolWrongCount' : 'poolCount', {
          chosen: formatNumber(lang, pool.chosenCount),
          count: formatNumber(lang, pool.count),
        })}
      </p>
    </fieldset>
  );
}
