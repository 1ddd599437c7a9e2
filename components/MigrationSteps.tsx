import type { FunctionComponent } from 'preact';
import { type Lang, type MessageKey, t } from '@/lib/i18n';
import type { PanelEvents, PanelModel, StepId } from './panel-model';
import { PurchaseBody } from './PurchaseBody';
import { ReassignBody } from './ReassignBody';
import { stepAction } from './step-actions';
import type { StepBodyProps } from './step-body';
import { StepCard } from './StepCard';
import { StepProblem } from './StepProblem';
import { SuspendBody } from './SuspendBody';

/** The three steps, in order: each its title and its own body; the card, button and problem are common. */
const STEPS: ReadonlyArray<{ id: StepId; title: MessageKey; Body: FunctionComponent<StepBodyProps> }> = [
  { id: 'purchase', title: 'stepPurchase', Body: PurchaseBody },
  { id: 'reassign', title: 'stepReassign', Body: ReassignBody },
  { id: 'suspend', title: 'stepSuspend', Body: SuspendBody },
];

interface Props {
  lang: Lang;
  model: PanelModel;
  offerName: string;
  busy: boolean;
  events: PanelEvents;
}

/** Steps A, B and C as cards; a stopped step shows its problem, and its own button runs it again. */
export function MigrationSteps({ lang, model: m, offerName, busy, events }: Props) {
  return (
    <>
      {STEPS.map(({ id, title, Body }) => (
        <StepCard
          key={id}
          lang={lang}
          id={id}
          title={t(lang, title)}
          status={m.steps[id]}
          action={stepAction(lang, m, id)}
          canRun={canRun(m, id, busy)}
          onRun={() => events.onRun(id)}
        >
          <Body lang={lang} model={m} offerName={offerName} busy={busy} events={events} />
          {m.problem?.step === id && (
            <StepProblem
              lang={lang}
              problem={m.problem}
              busy={busy}
              onManualDone={() => events.onManualDone(id)}
              onNothingBought={() => events.onNothingBought()}
            />
          )}
        </StepCard>
      ))}
    </>
  );
}

/**
 * Whether a step's button may be pressed now: nothing else runs; A has a valid quantity; B has exactly
 * the pooled holders it needs; and a step stopped for a missing role waits for a reload (running it
 * again could only be refused again).
 */
function canRun(m: PanelModel, step: StepId, busy: boolean): boolean {
  const pool = m.reassign.pool;
  if (busy) return false;
  if (m.problem?.step === step && !m.problem.canRerun) return false;
  if (step === 'purchase') return m.quantityError === null;
  if (step === 'reassign') return !pool || (!pool.loading && pool.chosenCount === pool.count);
  return true;
}
