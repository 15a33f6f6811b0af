/** Building a task's `due` (components/schemas/Due in openapi.yaml) from a date, a time and a zone. */
import type { Due } from './types.js';

/** The time zone of this runtime (a browser's is the user's own). */
export const localTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/**
 * `dueAt('2026-12-24')` is an all-day due; `dueAt('2026-12-24', '09:30', 'Europe/Paris')` a
 * moment in that zone, which defaults to this runtime's. The API checks the date and the zone.
 */
export function dueAt(date: string, time?: string, timeZone?: string): Due {
  if (time === undefined) {
    if (timeZone !== undefined) throw new TypeError('a time zone needs a time of day');
    return { date };
  }
  return { date, time, time_zone: timeZone ?? localTimeZone() };
}

/** The moment `instant` as a due in `timeZone` (default: this runtime's), to the minute. */
export function dueFromInstant(instant: Date, timeZone: string = localTimeZone()): Due {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    time: `${parts.hour}:${parts.minute}`,
    time_zone: timeZone,
  };
}
