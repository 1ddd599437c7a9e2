import { t } from '@/lib/i18n';
import { showDay } from './format';
import type { StepBodyProps } from './step-body';

/** Step C's outcome: the day Microsoft de-provisions the suspended subscription. */
export function SuspendBody({ lang, model: m }: StepBodyProps) {
  if (m.steps.suspend !== 'done' || !m.suspend.deprovisionDate) return null;
  return <p>{t(lang, 'suspendDone', { date: showDay(lang, m.suspend.deprovisionDate) })}</p>;
}
