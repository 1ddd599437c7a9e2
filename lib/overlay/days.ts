/** Calendar days, as the banners, badges and worklist count them (no table of words, no catalog). */

import type { Urgency } from './assess';

const DAY = 86_400_000;
const dayNumber = (iso: string): number | null => {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY : null;
};

/** Whole calendar days from `today` to `endDate` (both YYYY-MM-DD…); negative once past, null when unreadable. */
export function daysLeftFrom(today: string, endDate: string): number | null {
  const from = dayNumber(today);
  const to = dayNumber(endDate);
  return from === null || to === null ? null : to - from;
}

/** Today in the agent's time zone, as the API writes calendar dates. */
export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function urgencyOf(daysLeft: number | null): Urgency {
  if (daysLeft === null) return 'soon';
  if (daysLeft < 0) return 'ended';
  if (daysLeft <= 30) return 'urgent';
  return daysLeft <= 90 ? 'soon' : 'later';
}
