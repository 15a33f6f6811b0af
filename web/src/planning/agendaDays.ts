/**
 * The Upcoming list by day, as a person reads a calendar: "Overdue" first, then "Today",
 * "Tomorrow" and each later day by name ("Wed 9 Dec"), in the reader's zone. An all-day due
 * falls on its own date; a moment on the reader's date of its instant.
 */
import type { Due } from '@task-api/sdk';
import { dateIn, dueInstant, formatDate, isOverdue } from './due.js';

export interface AgendaDay<T> {
  /** `overdue` or the day's date, `YYYY-MM-DD`; unique, usable as an element id. */
  key: string;
  title: string;
  tasks: T[];
}

const OVERDUE = 'overdue';

function dayAfter(date: string): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

/** `tasks` (each with a due, as the agenda lists them) in days, each day's in the order given. */
export function agendaDays<T extends { due: Due | null; status: string }>(
  tasks: T[],
  now: Date,
  timeZone: string,
): AgendaDay<T>[] {
  const today = dateIn(now, timeZone);
  const tomorrow = dayAfter(today);
  const days = new Map<string, T[]>();
  for (const task of tasks) {
    if (!task.due) continue;
    const key = isOverdue(task, now, timeZone)
      ? OVERDUE
      : task.due.time
        ? dateIn(dueInstant(task.due), timeZone)
        : task.due.date;
    const day = days.get(key);
    if (day) day.push(task);
    else days.set(key, [task]);
  }
  const title = (key: string) => {
    if (key === OVERDUE) return 'Overdue';
    if (key === today) return 'Today';
    if (key === tomorrow) return 'Tomorrow';
    return formatDate(key, now, timeZone);
  };
  // 'overdue' sorts after every date; it goes first.
  const keys = [...days.keys()].sort((a, b) =>
    a === OVERDUE ? -1 : b === OVERDUE ? 1 : a < b ? -1 : a > b ? 1 : 0,
  );
  return keys.map((key) => ({ key, title: title(key), tasks: days.get(key) ?? [] }));
}
