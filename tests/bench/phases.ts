// Where a migration spends its time, measured from outside the extension: the panel's status line
// (step B says whether it is reading, selecting, saving or checking) and the spans of the simulated
// portal's own backend requests (Manage licenses loading its users' licenses; the save). Nothing in
// the extension is changed to be measured.
import type { BrowserContext, Page, Request } from '@playwright/test';

/** A named stretch of the migration, in seconds from its first click. */
export interface Span {
  name: string;
  fromS: number;
  toS: number;
}

const ACTIVITY: Array<[RegExp, string]> = [
  [/^Reading /, 'B read'],
  [/^Selecting /, 'B select'],
  [/^Saving /, 'B save'],
  [/^Checking /, 'B check'],
];
const BFF: Array<[RegExp, string]> = [
  [/\/_sim\/bff\/customers\/[^/]+\/users\/licenses$/, 'Manage licenses loads'],
  [/\/_sim\/bff\/customers\/[^/]+\/users\/licenseupdates$/, 'portal applies the save'],
];
/** How often the status line is read: fine enough for phases of seconds, cheap for the page. */
const POLL_MS = 250;

export class PhaseRecorder {
  readonly spans: Span[] = [];
  private readonly open = new Map<Request, { name: string; from: number }>();
  private activity: { name: string; from: number } | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(
    private readonly context: BrowserContext,
    private readonly page: Page,
    private readonly start: number,
  ) {
    context.on('request', this.onRequest);
    context.on('requestfinished', this.onDone);
    context.on('requestfailed', this.onDone);
    this.timer = setInterval(() => void this.poll(), POLL_MS);
  }

  /** Marks a stretch the bench itself delimits (a step from its click to the next step's button). */
  mark(name: string, from: number, to: number): void {
    this.spans.push({ name, fromS: this.s(from), toS: this.s(to) });
  }

  stop(): Span[] {
    if (this.timer) clearInterval(this.timer);
    this.context.off('request', this.onRequest);
    this.context.off('requestfinished', this.onDone);
    this.context.off('requestfailed', this.onDone);
    this.closeActivity(Date.now());
    return this.spans.sort((a, b) => a.fromS - b.fromS);
  }

  private s(t: number): number {
    return Math.round((t - this.start) / 100) / 10;
  }

  private readonly onRequest = (r: Request): void => {
    const hit = BFF.find(([re]) => re.test(new URL(r.url()).pathname));
    if (hit) this.open.set(r, { name: hit[1], from: Date.now() });
  };

  private readonly onDone = (r: Request): void => {
    const span = this.open.get(r);
    if (!span) return;
    this.open.delete(r);
    this.mark(span.name, span.from, Date.now());
  };

  private closeActivity(now: number): void {
    if (this.activity) this.mark(this.activity.name, this.activity.from, now);
    this.activity = null;
  }

  private async poll(): Promise<void> {
    const text = await this.page
      .evaluate(() => document.querySelector('pcma-panel')?.shadowRoot?.querySelector('.activity')?.textContent ?? '')
      .catch(() => null);
    // A navigation in progress says nothing: the phase goes on until the line says otherwise.
    if (text === null) return;
    const name = ACTIVITY.find(([re]) => re.test(text.trim()))?.[1] ?? null;
    if (name === (this.activity?.name ?? null)) return;
    const now = Date.now();
    this.closeActivity(now);
    if (name) this.activity = { name, from: now };
  }
}

/** Seconds per phase name, summed over its stretches, in order of first appearance. */
export function totals(spans: readonly Span[]): Array<{ name: string; s: number }> {
  const out = new Map<string, number>();
  for (const s of spans) out.set(s.name, (out.get(s.name) ?? 0) + (s.toS - s.fromS));
  return [...out].map(([name, s]) => ({ name, s: Math.round(s * 10) / 10 }));
}
