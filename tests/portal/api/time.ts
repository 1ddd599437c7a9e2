// Calendar helpers. Partner Center writes dates as ISO strings in UTC ("2027-01-10T00:00:00Z");
// subscription terms run whole days, and `commitmentEndDate` is inclusive.

export const DAY_MS = 86_400_000;

/** Midnight UTC of the day containing `ms`. */
export function startOfDay(ms: number): number {
  return Math.floor(ms / DAY_MS) * DAY_MS;
}

/** `YYYY-MM-DDT00:00:00Z` for the day containing `ms`. */
export function isoDay(ms: number): string {
  return `${new Date(startOfDay(ms)).toISOString().slice(0, 10)}T00:00:00Z`;
}

/** A full timestamp without milliseconds, as the service writes creation dates. */
export function isoInstant(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19)}Z`;
}

/** The day `days` after the day containing `ms` (negative for before). */
export function addDays(ms: number, days: number): number {
  return startOfDay(ms) + days * DAY_MS;
}

/** Same day one calendar year later (Feb 29 becomes Mar 1). */
export function addYears(ms: number, years: number): number {
  const d = new Date(startOfDay(ms));
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d.getTime();
}

/** The first instant after an inclusive end date (midnight of the following day). */
export function endOfInclusiveDay(isoDate: string): number {
  return startOfDay(Date.parse(isoDate)) + DAY_MS;
}
