/** A labelled progress bar for long work (users moved out of users to move). */
export function ProgressBar({ value, max, label }: { value: number; max: number; label: string }) {
  const pct = max > 0 ? Math.round((value / max) * 100) : 0;
  return (
    <div class="progress">
      <div
        class="progress__track"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={max}
        aria-valuenow={value}
        aria-valuetext={label}
      >
        <div class="progress__fill" style={{ width: `${pct}%` }} />
      </div>
      <span class="progress__text">{label}</span>
    </div>
  );
}
