import type { ComponentChildren, Ref } from 'preact';
import { type Lang, t } from '@/lib/i18n';
import { trusted } from './trusted';

/**
 * The Migrate panel's frame, the same while it opens and once it is ready: a non-modal dialog
 * (`aria-modal="false"`: the portal stays usable beside it, and Tab may leave it) named by its title,
 * with Close beside the title; Escape anywhere in it closes it too. `busy` while it reads.
 */
export function PanelFrame(props: {
  lang: Lang;
  subscription: string;
  busy?: boolean;
  dialogRef?: Ref<HTMLDivElement>;
  onClose(): void;
  children: ComponentChildren;
}) {
  const { lang, onClose } = props;
  return (
    <div
      class="panel"
      role="dialog"
      aria-modal="false"
      aria-labelledby="pcma-panel-title"
      {...(props.busy ? { 'aria-busy': 'true' } : {})}
      lang={lang}
      tabIndex={-1}
      ref={props.dialogRef}
      onKeyDown={trusted((e) => e.key === 'Escape' && onClose())}
    >
      <div class="panel__head">
        <h2 id="pcma-panel-title">{t(lang, 'panelTitle', { subscription: props.subscription })}</h2>
        <button type="button" class="panel__close" onClick={trusted(() => onClose())}>
          {t(lang, 'panelClose')}
        </button>
      </div>
      {props.children}
    </div>
  );
}
