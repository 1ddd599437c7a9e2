import type { Lang, MessageKey } from '@/lib/i18n';
import { t } from '@/lib/i18n';
import type { WorklistRow } from '@/lib/worklist/rows';
import { verdictName } from '@/lib/worklist/row-text';
import { filterChoices, type WorklistFilter } from '@/lib/worklist/view';

interface Choice {
  value: string;
  label: string;
}

/** One labelled select: the label names it for screen readers, and it works with the keyboard as any select. */
function Select({ id, label, value, choices, onChange }: { id: string; label: string; value: string; choices: readonly Choice[]; onChange(value: string): void }) {
  return (
    <label for={id}>
      {label}
      <select id={id} value={value} onChange={(e) => onChange((e.currentTarget as HTMLSelectElement).value)}>
        {choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The list's filters: days left, retirement, replacement, pre-flight verdict and migration state. */
export function WorklistFilters({ lang, rows, filter, onChange }: { lang: Lang; rows: readonly WorklistRow[]; filter: WorklistFilter; onChange(filter: WorklistFilter): void }) {
  const all: Choice = { value: 'all', label: t(lang, 'wlFilterAll') };
  const keyed = (pairs: ReadonlyArray<readonly [string, MessageKey]>) => [all, ...pairs.map(([value, key]) => ({ value, label: t(lang, key) }))];
  const { retirements, replacements } = filterChoices(rows, lang);
  const set = (patch: Partial<WorklistFilter>) => onChange({ ...filter, ...patch });
  return (
    <fieldset class="worklist__filters">
      <legend>{t(lang, 'wlFilters')}</legend>
      <Select
        id="wl-days"
        label={t(lang, 'wlFilterDays')}
        value={filter.days}
        choices={keyed([['ended', 'wlDaysEndedOption'], ['within30', 'wlDays30'], ['within90', 'wlDays90'], ['later', 'wlDaysLater']])}
        onChange={(v) => set({ days: v as WorklistFilter['days'] })}
      />
      <Select id="wl-retirement" label={t(lang, 'wlFilterRetirement')} value={filter.retirement} choices={[all, ...retirements]} onChange={(v) => set({ retirement: v })} />
      <Select id="wl-replacement" label={t(lang, 'wlFilterReplacement')} value={filter.replacement} choices={[all, ...replacements]} onChange={(v) => set({ replacement: v })} />
      <Select
        id="wl-verdict"
        label={t(lang, 'wlFilterVerdict')}
        value={filter.verdict}
        choices={[all, ...(['attention', 'ready', 'unchecked', 'done'] as const).map((v) => ({ value: v, label: verdictName(lang, v) }))]}
        onChange={(v) => set({ verdict: v as WorklistFilter['verdict'] })}
      />
      <Select
        id="wl-migration"
        label={t(lang, 'wlFilterMigration')}
        value={filter.migration}
        choices={keyed([['not-started', 'wlMigNotStarted'], ['in-progress', 'wlMigInProgressAny'], ['done', 'wlMigDone']])}
        onChange={(v) => set({ migration: v as WorklistFilter['migration'] })}
      />
    </fieldset>
  );
}
