/**
 * A task's recurrence (the `recurrence` field in openapi.yaml): a subset of an RFC 5545 RRULE,
 * `FREQ=DAILY|WEEKLY|MONTHLY|YEARLY` with optional `INTERVAL`, `BYDAY` (plain weekdays),
 * and `COUNT` or `UNTIL`, read with DTSTART = the task's current due.
 *
 * Occurrences are counted on local wall dates in the task's own zone, so a daily 09:30
 * Europe/Paris task stays at 09:30 local across daylight-saving changes. rrule does the date
 * arithmetic on "floating" times (the local date and time written as UTC); COUNT and UNTIL are
 * applied here: COUNT is the number of occurrences left, this one included.
 */
import * as rruleModule from 'rrule';
import { type FieldError, MAX_FIELD_ERRORS } from '../contract/field-errors.js';
import { type Due, dueInstant, dueWallTime, isCalendarDay } from './due.js';

const FREQS = ['DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'] as const;
const DAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
const PARTS = ['FREQ', 'INTERVAL', 'BYDAY', 'COUNT', 'UNTIL'] as const;
const MAX_LENGTH = 200;
const UNTIL = /^(\d{4})(\d{2})(\d{2})(?:T([01]\d|2[0-3])([0-5]\d)([0-5]\d)Z)?$/;

interface Rule {
  freq: (typeof FREQS)[number];
  interval: number;
  byday: number[];
  count?: number;
  until?: Until;
}

/** What is wrong with one part of a rule. */
type Bad = { problem: string };
/** A floating time for an UNTIL date (compared with the due's local date), else a UTC instant. */
type Until = { at: number; utc: boolean };

const quote = (part: string) => JSON.stringify(part);
const oneOf = (names: readonly string[]) => `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;
const has = <T extends string>(names: readonly T[], name: string): name is T =>
  (names as readonly string[]).includes(name);

const frequency = (value: string): Rule['freq'] | Bad =>
  has(FREQS, value)
    ? value
    : { problem: `${quote(`FREQ=${value}`)} is not supported: use ${oneOf(FREQS)}` };

function wholeNumber(name: string, value: string, max: number): number | Bad {
  const n = /^[1-9]\d{0,3}$/.test(value) ? Number(value) : 0;
  if (n >= 1 && n <= max) return n;
  return { problem: `${quote(`${name}=${value}`)} is not a whole number from 1 to ${max}` };
}

function weekdays(value: string): number[] | Bad {
  const days = value.split(',');
  for (const day of days) {
    if (/^[+-]?\d+[A-Z]{2}$/.test(day)) {
      return { problem: `${quote(day)} in BYDAY is not supported: use plain weekdays like MO` };
    }
    if (!has(DAYS, day)) {
      return { problem: `${quote(day)} in BYDAY is not a weekday: use ${oneOf(DAYS)}` };
    }
  }
  if (new Set(days).size !== days.length) {
    return { problem: `${quote(`BYDAY=${value}`)} names a weekday twice` };
  }
  return days.map((day) => DAYS.indexOf(day as (typeof DAYS)[number]));
}

function until(value: string): Until | Bad {
  const m = UNTIL.exec(value);
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0] = (m ?? [])
    .slice(1)
    .map((n) => Number(n ?? 0));
  if (!m || !isCalendarDay(year, month, day)) {
    const want = 'a date YYYYMMDD or a UTC time YYYYMMDDTHHMMSSZ from 1970 to 9999';
    return { problem: `${quote(`UNTIL=${value}`)} is not ${want}` };
  }
  return { at: Date.UTC(year, month - 1, day, hour, minute, second), utc: m[4] !== undefined };
}

/** The rule `text` states, or what is wrong with it: one message per problem. */
function parse(text: string): Rule | string[] {
  if (text.length > MAX_LENGTH) return [`is ${text.length} characters long: at most ${MAX_LENGTH}`];
  if (text === '') return [`"" is not a rule: it needs at least FREQ=${oneOf(FREQS)}`];
  const problems: string[] = [];
  if (text.split(';').includes('')) {
    problems.push(`${quote(text)} has an empty part: one ";" between parts, none at either end`);
  }
  const raw = new Map<(typeof PARTS)[number], string>();
  for (const part of text.split(';').filter((p) => p !== '')) {
    const eq = part.indexOf('=');
    const name = part.slice(0, Math.max(eq, 0));
    if (!has(PARTS, name)) {
      problems.push(
        has(PARTS, name.toUpperCase())
          ? `${quote(part)} must be written in upper case`
          : `${quote(part)} is not supported: use ${oneOf(PARTS.map((p) => `${p}=`))}`,
      );
    } else if (raw.has(name)) problems.push(`${name} appears more than once`);
    else raw.set(name, part.slice(eq + 1));
  }
  const read = <T>(name: (typeof PARTS)[number], reader: (value: string) => T | Bad) => {
    const value = raw.get(name);
    const result = value === undefined ? undefined : reader(value);
    if (typeof result !== 'object' || result === null || !('problem' in result)) return result;
    problems.push(result.problem);
    return undefined;
  };
  const freq = read('FREQ', frequency);
  const interval = read('INTERVAL', (v) => wholeNumber('INTERVAL', v, 365)) ?? 1;
  const byday = read('BYDAY', weekdays) ?? [];
  const count = read('COUNT', (v) => wholeNumber('COUNT', v, 1000));
  const end = read('UNTIL', until);
  if (!raw.has('FREQ')) problems.push(`FREQ is required: one of ${oneOf(FREQS)}`);
  if (raw.has('COUNT') && raw.has('UNTIL'))
    problems.push('COUNT and UNTIL cannot be used together');
  if (problems.length > 0 || freq === undefined) return problems;
  return { freq, interval, byday, count, until: end };
}

export function recurrenceProblems(text: string, path: string): FieldError[] {
  const rule = parse(text);
  if (!Array.isArray(rule)) return [];
  // `A;A;A...` repeats one problem: each is named once, and no more than the contract allows.
  return [...new Set(rule)].slice(0, MAX_FIELD_ERRORS).map((message) => ({ path, message }));
}

// rrule's `main` is a UMD file, its `module` ESM in a package not marked so: Node's own import
// (tsx) sees only a default export, esbuild and vitest the named ones. Reflect.get keeps
// esbuild from warning that the ESM build has no default.
const { RRule } = (
  'RRule' in rruleModule ? rruleModule : Reflect.get(rruleModule, 'default')
) as typeof rruleModule;

/**
 * The occurrence after the one due at `due`, and the recurrence it carries (COUNT one less);
 * undefined when the series ends there. Throws on a rule `recurrenceProblems` refuses.
 */
export function nextOccurrence(
  recurrence: string,
  due: Due,
): { due: Due; recurrence: string } | undefined {
  const rule = parse(recurrence);
  if (Array.isArray(rule)) throw new Error(`recurrence ${quote(recurrence)} ${rule.join('; ')}`);
  if (rule.count === 1) return undefined;
  const dtstart = new Date(dueWallTime(due));
  // DAILY by whole weeks stays on the due's weekday: when BYDAY leaves that day out, nothing
  // follows, and rrule would search up to the year 9999 (a second of CPU) to say so.
  const weekday = (dtstart.getUTCDay() + 6) % 7;
  const stuck = rule.freq === 'DAILY' && rule.interval % 7 === 0 && rule.byday.length > 0;
  if (stuck && !rule.byday.includes(weekday)) return undefined;
  const next = new RRule({
    freq: RRule[rule.freq],
    interval: rule.interval,
    byweekday: rule.byday.length > 0 ? rule.byday : null,
    wkst: 0,
    dtstart,
  }).after(dtstart, false);
  if (!next || next.getUTCFullYear() > 9999) return undefined;
  const nextDue: Due = { ...due, date: next.toISOString().slice(0, 10) };
  if (rule.until) {
    const at = rule.until.utc
      ? Date.parse(dueInstant(nextDue))
      : dueWallTime({ date: nextDue.date });
    if (at > rule.until.at) return undefined;
  }
  // Only a rule with COUNT has a COUNT part to count down.
  return {
    due: nextDue,
    recurrence: recurrence.replace(/COUNT=\d+/, `COUNT=${(rule.count ?? 1) - 1}`),
  };
}
