import { type Lang, t } from '@/lib/i18n';
import { trusted } from './trusted';

interface Props {
  lang: Lang;
  /** What is wrong with the stored record (the field and the problem). */
  problem: string;
  onStartAgain(): void;
  onClose(): void;
}

/**
 * Shown in place of the Migrate panel when the migration's stored progress fails its schema: says
 * so, and offers to start again from what Partner Center shows (the audit log is kept).
 */
export function DamagedRecord({ lang, problem, onStartAgain, onClose }: Props) {
  return (
    <div class="panel" role="dialog" aria-modal="false" aria-label={t(lang, 'appName')} lang={lang}>
      <p role="alert">{t(lang, 'recordDamaged', { problem })}</p>
      <div class="panel__foot">
        <button type="button" class="primary" onClick={trusted(() => onStartAgain())}>
          {t(lang, 'startAgain')}
        </button>
        <button type="button" onClick={trusted(() => onClose())}>
          {t(lang, 'panelClose')}
        </button>
      </div>
    </div>
  );
}
