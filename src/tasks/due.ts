/**
 * A task's due date (components/schemas/Due in openapi.yaml): a whole day (`{date}`) or a moment,
 * a wall-clock time in an IANA time zone (`{date, time, time_zone}`).
 *
 * Dues order by one UTC instant (`dueInstant`):
 * - an all-day due orders as the start of its day in UTC (`2026-12-24` is `2026-12-24T00:00:00.000Z`),
 *   whatever zone its owner lives in;
 * - a moment is its wall time in its zone. A wall time that does not exist (the gap when clocks
 *   spring forward) moves forward by the gap: 02:30 on Europe/Paris's 2026-03-29 is 03:30 local
 *   (01:30Z). A wall time that happens twice (the overlap when clocks fall back) is the earlier
 *   instant: 02:30 on Europe/Paris's 2026-10-25 is 00:30Z. Both are Temporal's `compatible`
 *   disambiguation, so a later move to Temporal keeps every stored order.
 */
import type { FieldError } from '../contract/field-errors.js';

export interface Due {
  date: string;
  time?: string;
  time_zone?: string;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;
/** `Area/Location` (`America/Argentina/Buenos_Aires`, `Etc/GMT+5`) or `UTC`; never an offset. */
const ZONE_NAME = /^(?:UTC|[A-Za-z][A-Za-z_]*(?:\/[A-Za-z0-9][A-Za-z0-9_+-]*)+)$/;
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** Whether year, month (1-12) and day name a real day from 1970 to 9999. */
export function isCalendarDay(year: number, month: number, day: number): boolean {
  if (year < 1970 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function zoneProblem(zone: string): string | undefined {
  const bad = `${JSON.stringify(zone)} is not a time zone name`;
  if (zone.length > 64 || !ZONE_NAME.test(zone))
    return `${bad}: use an IANA name like Europe/Paris`;
  let resolved: string;
  try {
    resolved = new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return `${bad} this server knows`;
  }
  if (resolved !== zone && resolved.toLowerCase() === zone.toLowerCase()) {
    return `${bad}: write it ${JSON.stringify(resolved)}`;
  }
  return undefined;
}

export function dueProblems(due: Due, path: string): FieldError[] {
  const problems: FieldError[] = [];
  const date = DATE.exec(due.date);
  if (!date || !isCalendarDay(Number(date[1]), Number(date[2]), Number(date[3]))) {
    const message = date
      ? `${JSON.stringify(due.date)} is not a calendar date from 1970 to 9999`
      : `${JSON.stringify(due.date)} is not a date in the form YYYY-MM-DD`;
    problems.push({ path: `${path}/date`, message });
  }
  if (due.time !== undefined && !TIME.test(due.time)) {
    const message = `${JSON.stringify(due.time)} is not a time in the form HH:MM (00:00 to 23:59)`;
    problems.push({ path: `${path}/time`, message });
  }
  const zone = due.time_zone === undefined ? undefined : zoneProblem(due.time_zone);
  if (zone) problems.push({ path: `${path}/time_zone`, message: zone });
  if ((due.time === undefined) !== (due.time_zone === undefined)) {
    const has = due.time === undefined ? 'time_zone without time' : 'time without time_zone';
    problems.push({ path, message: `time and time_zone come together: got ${has}` });
  }
  return problems;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** The wall clock in `zone` at `epochMs`, written as if it were UTC (a "floating" time). */
function wallTime(zone: string, epochMs: number): number {
  const part: Record<string, number> = {};
  for (const p of formatter(zone).formatToParts(epochMs)) part[p.type] = Number(p.value);
  const { year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0 } = part;
  return Date.UTC(year, month - 1, day, hour, minute, second);
}

/** The instant a floating wall time names in `zone` (module comment: gaps and overlaps). */
function zonedInstant(zone: string, wall: number): number {
  // A zone changes its offset at most once in a day either side of any wall time.
  const before = wall - (wallTime(zone, wall - DAY) - (wall - DAY));
  const after = wall - (wallTime(zone, wall + DAY) - (wall + DAY));
  const fits = [before, after].filter((t) => wallTime(zone, t) === wall);
  // Both fit in an overlap (the earlier wins); neither in a gap, where the offset before the
  // change carries the wall time forward by the gap.
  return fits.length > 0 ? Math.min(...fits) : before;
}

/** A due's wall time as a floating time: Date.UTC of its local date and time (midnight if all-day). */
export function dueWallTime(due: Due): number {
  const [hour = 0, minute = 0] = (due.time ?? '00:00').split(':').map(Number);
  return Date.parse(`${due.date}T00:00:00Z`) + (hour * 60 + minute) * MINUTE;
}

export function dueInstant(due: Due): string {
  const wall = dueWallTime(due);
  const instant = due.time_zone === undefined ? wall : zonedInstant(due.time_zone, wall);
  return new Date(instant).toISOString();
}
