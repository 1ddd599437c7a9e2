import type { ComponentChildren } from 'preact';
import { type Lang, type MessageKey, t } from '@/lib/i18n';
import { KeepCounts } from './KeepCounts';
import type { StepId, StepStatus } from './panel-model';
import { trusted } from './trusted';

const STATUS: Record<StepStatus, MessageKey> = {
  waiting: 'stateWaiting',
  pending: 'statePending',
  running: 'stateRunning',
  done: 'stateDone',
  skipped: 'stateSkipped',
  failed: 'stateFailed',
};

interface Props {
  lang: Lang;
  id: StepId;
  title: string;
  status: StepStatus;
  /** The exact thing one click will do; the button's label is the agent's confirmation. */
  action: string;
  canRun: boolean;
  onRun: () => void;
  children?: ComponentChildren;
}

/**
 * One step of the migration: its state, what one click will do, and what happened. The button is
 * the one way to run the step, the first time and again after it stopped.
 */
export function StepCard({ lang, id, title, status, action, canRun, onRun, children }: Props) {
  const headingId = `pcma-step-${id}`;
  return (
    <section class={`step step--${status}`} aria-labelledby={headingId}>
      <h3 id={headingId} class="step__title">
        {title} <span class="step__status">— {t(lang, STATUS[status])}</span>
      </h3>
      {children}
      {(status === 'pending' || status === 'failed') && (
        <button type="button" class="step__run" disabled={!canRun} onClick={trusted(() => onRun())}>
          <KeepCounts text={action} />
        </button>
      )}
    </section>
  );
}
