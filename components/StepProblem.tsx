import { type Lang, t } from '@/lib/i18n';
import type { PanelModel } from './panel-model';
import { trusted } from './trusted';

interface Props {
  lang: Lang;
  problem: NonNullable<PanelModel['problem']>;
  busy: boolean;
  onManualDone(): void;
  onNothingBought(): void;
}

/**
 * What stopped a step, and the ways out that are not the step's own button (which runs it again, so
 * the box offers no second "Retry"): the agent did it by hand, or checked that nothing was bought.
 * When running it again can only be refused (the account lacks the role), the box says what to do
 * instead.
 */
export function StepProblem({ lang, problem, busy, onManualDone, onNothingBought }: Props) {
  const manualId = `pcma-manual-${problem.step}`;
  return (
    <div class="problem" role="alert">
      <p>{problem.text}</p>
      {!problem.canRerun && <p>{t(lang, 'rerunNeedsRole')}</p>}
      <div class="problem__actions">
        <button type="button" onClick={trusted(() => onManualDone())} disabled={busy}>
          {t(lang, 'didItMyself')}
        </button>
        {problem.orderMayExist && (
          <button type="button" onClick={trusted(() => onNothingBought())} disabled={busy}>
            {t(lang, 'nothingWasBought')}
          </button>
        )}
      </div>
      <details aria-labelledby={manualId}>
        <summary id={manualId}>{t(lang, 'manualSteps')}</summary>
        <ol class="manual">
          {problem.manual.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ol>
      </details>
    </div>
  );
}
