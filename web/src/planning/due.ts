/**
 * A task's due (components/schemas/Due in openapi.yaml) as a person reads it, and when it is
 * overdue: an all-day due once its day is over in the reader's zone, a moment once it is past.
 */
import type { Due } from '@task-api/sdk';

const PARTS = { year: 'numeric', month: '2-digit', day: '2-digit' } as const;

function partsIn(instant: Date, timeZone: string, withTime: boolean): Record<string, number> {
  const format = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    ...PARTS,
    ...(withTime
      ? { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }
      : {}),
  });
  return Object.fromEntries(
    format
      .formatToParts(instant)
      .filter((p) => p.type !== 'literal')
      .map((p) => [p.type, Number(p.value)]),
  );
}

const pad = (n: number | undefined, size = 2) => String(n ?? 0).padStart(size, '0');

/** The calendar date (`YYYY-MM-DD`) of `instant` in `timeZone`. */
export function dateIn(instant: Date, timeZone: string): string {
  const p = partsIn(instant, timeZone, false);
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
}

const utcOf = (date: string, time = '00:00') => {
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number);
  const [h = 0, min = 0] = time.split(':').map(Number);
  return Date.UTC(y, m - 1, d, h, min);
};

/** How far `timeZone`'s wall clock is ahead of UTC at `instant`, in milliseconds. */
function offsetAt(instant: number, timeZone: string): number {
  const p = partsIn(new Date(instant), timeZone, true);
  const wall = Date.UTC(p.year ?? 0, (p.month ?? 1) - 1, p.day ?? 1, p.hour, p.minute, p.second);
  return wall - Math.floor(instant / 1000) * 1000;
}

/** The instant a due with a time names: its wall time in its zone (checked twice across a DST change). */
export function dueInstant(due: Due): Date {
  const wall = utcOf(due.date, due.time);
  if (!due.time || !due.time_zone) return new Date(wall);
  const first = wall - offsetAt(wall, due.time_zone);
  return new Date(wall - offsetAt(first, due.time_zone));
}

/** Past and not done: a day once it is over in `timeZone` (the reader's), a moment once passed. */
export function isOverdue(
  task: { due: Due | null; status: string },
  now: Date,
  timeZone: string,
): boolean {
  if (!task.due || task.status === 'completed') return false;
  if (!task.due.time) return dateIn(now, timeZone) > task.due.date;
  return dueInstant(task.due).getTime() < now.getTime();
}

/** "Thu 24 Dec", the year added when it is not this one. */
export function formatDate(date: string, now: Date, timeZone: string): string {
  const showYear = date.slice(0, 4) !== dateIn(now, timeZone).slice(0, 4);
  const parts = new Intl.DateTimeFormat('en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    ...(showYear ? { year: 'numeric' } : {}),
    timeZone: 'UTC',
  }).formatToParts(new Date(utcOf(date)));
  const part = (type: string) => parts.find((p) => p.type === type)?.value;
  return [part('weekday'), part('day'), part('month'), part('year')].filter(Boolean).join(' ');
}

/** "Thu 24 Dec, 09:30 (Europe/Paris)" or "Thu 24 Dec". */
export function formatDue(due: Due, now: Date, timeZone: string): string {
  const day = formatDate(due.date, now, timeZone);
  return due.time ? `${day}, ${due.time} (${due.time_zone})` : day;
}

/** The browser's zone first, then a zone the task already has, then every zone Intl knows. */
export function zoneChoices(current: string | undefined, local: string): string[] {
  return [
    ...new Set([local, ...(current ? [current] : []), ...Intl.supportedValuesOf('timeZone')]),
  ];
}
