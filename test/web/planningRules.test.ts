/**
 * The web app's planning rules, without a browser: a due in words, when it is overdue, the repeat
 * choices and their RRULEs, the planning fields a create sends, and their refusals in words.
 */
import { describe, expect, it } from 'vitest';
import type { Due } from '../../sdk/src/index.js';
import { agendaDays } from '../../web/src/planning/agendaDays.js';
import { agendaWindow } from '../../web/src/planning/agendaOps.js';
import { dueInstant, formatDue, isOverdue, zoneChoices } from '../../web/src/planning/due.js';
import {
  emptyPlanning,
  hasLabel,
  madeNextOccurrence,
  planningBody,
  readPlanning,
} from '../../web/src/planning/planning.js';
import { choiceOf, describeRepeat, REPEAT_CHOICES } from '../../web/src/planning/repeat.js';
import { attempt, emptyDraft, loadDraft, saveDraft } from '../../web/src/tasks/draft.js';
import { fieldErrors } from '../../web/src/ui/problems.js';
import { memoryStorage } from '../support/storage.js';

const NOW = new Date('2026-12-04T12:00:00Z');

describe('formatDue', () => {
  it.each([
    { name: 'an all-day due', due: { date: '2026-12-24' }, want: 'Thu 24 Dec' },
    {
      name: 'a moment, with its time and zone',
      due: { date: '2026-12-24', time: '09:30', time_zone: 'Europe/Paris' },
      want: 'Thu 24 Dec, 09:30 (Europe/Paris)',
    },
    {
      name: 'a day of another year, with its year',
      due: { date: '2027-01-05' },
      want: 'Tue 5 Jan 2027',
    },
  ])('says $name plainly', ({ due, want }) => {
    expect(formatDue(due, NOW, 'UTC')).toBe(want);
  });
});

describe('dueInstant', () => {
  it.each([
    { zone: 'Europe/Paris', date: '2026-12-24', time: '09:30', want: '2026-12-24T08:30:00.000Z' },
    { zone: 'Europe/Paris', date: '2026-07-01', time: '09:30', want: '2026-07-01T07:30:00.000Z' },
    {
      zone: 'America/New_York',
      date: '2026-03-08',
      time: '12:00',
      want: '2026-03-08T16:00:00.000Z',
    },
    { zone: 'Asia/Kolkata', date: '2026-12-24', time: '00:15', want: '2026-12-23T18:45:00.000Z' },
  ])('reads $date $time in $zone as the instant it names', ({ zone, date, time, want }) => {
    expect(dueInstant({ date, time, time_zone: zone }).toISOString()).toBe(want);
  });
});

describe('isOverdue', () => {
  const open = (due: Due | null, status = 'pending') => ({ due, status });

  it.each([
    { name: 'a day that is over', task: open({ date: '2026-12-03' }), zone: 'UTC', want: true },
    { name: 'today, all day', task: open({ date: '2026-12-04' }), zone: 'UTC', want: false },
    // At 12:00 UTC it is already 5 December in Auckland, still the 4th in New York.
    {
      name: 'yesterday in Auckland',
      task: open({ date: '2026-12-04' }),
      zone: 'Pacific/Auckland',
      want: true,
    },
    {
      name: 'today in New York',
      task: open({ date: '2026-12-04' }),
      zone: 'America/New_York',
      want: false,
    },
    {
      name: 'a moment that has passed',
      task: open({ date: '2026-12-04', time: '12:30', time_zone: 'Europe/Paris' }),
      zone: 'UTC',
      want: true,
    },
    {
      name: 'a moment still to come',
      task: open({ date: '2026-12-04', time: '13:30', time_zone: 'Europe/Paris' }),
      zone: 'UTC',
      want: false,
    },
    {
      name: 'a completed task',
      task: open({ date: '2020-01-01' }, 'completed'),
      zone: 'UTC',
      want: false,
    },
    { name: 'no due', task: open(null), zone: 'UTC', want: false },
  ])('$name: overdue is $want', ({ task, zone, want }) => {
    expect(isOverdue(task, NOW, zone)).toBe(want);
  });
});

describe('repeat choices and their RRULEs', () => {
  it.each([
    { label: 'Does not repeat', rule: '' },
    { label: 'Daily', rule: 'FREQ=DAILY' },
    { label: 'Weekdays', rule: 'FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR' },
    { label: 'Weekly', rule: 'FREQ=WEEKLY' },
    { label: 'Monthly', rule: 'FREQ=MONTHLY' },
    { label: 'Yearly', rule: 'FREQ=YEARLY' },
  ])('$label is $rule, and the rule is that choice again', ({ label, rule }) => {
    expect(REPEAT_CHOICES.find((c) => c.label === label)?.rule).toBe(rule);
    expect(choiceOf(rule)?.label).toBe(label);
  });

  it.each([
    { rule: 'FREQ=WEEKLY', want: 'weekly' },
    { rule: 'FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR', want: 'on weekdays' },
    { rule: 'FREQ=WEEKLY;BYDAY=MO,WE', want: 'weekly on Mon, Wed' },
    { rule: 'FREQ=MONTHLY;INTERVAL=2', want: 'every 2 months' },
    { rule: 'FREQ=DAILY;COUNT=3', want: 'daily, 3 occurrences left' },
    { rule: 'FREQ=YEARLY;UNTIL=20301231', want: 'yearly, until 2030-12-31' },
  ])('says $rule as "$want"', ({ rule, want }) => {
    expect(describeRepeat(rule)).toBe(want);
  });

  it('finds no choice for a rule made elsewhere', () => {
    expect(choiceOf('FREQ=WEEKLY;BYDAY=MO,WE')).toBeUndefined();
  });
});

describe('planning fields in the "New task" draft', () => {
  it('sends only the fields that are set', () => {
    expect(planningBody(emptyPlanning())).toEqual({});
    const due = { date: '2026-12-24' };
    expect(
      planningBody({ due, priority: 'high', labels: ['work'], recurrence: 'FREQ=WEEKLY' }),
    ).toEqual({ due, priority: 'high', labels: ['work'], recurrence: 'FREQ=WEEKLY' });
  });

  it('sends a body with a due under a new key, and keeps it across a reload', () => {
    const store = memoryStorage();
    const plain = attempt({ ...emptyDraft(), title: 'Pay rent' });
    const planned = attempt({
      ...plain.draft,
      planning: { ...emptyPlanning(), due: { date: '2026-12-24' } },
    });

    expect(planned.body).toEqual({ title: 'Pay rent', due: { date: '2026-12-24' } });
    expect(planned.idempotencyKey).not.toBe(plain.idempotencyKey);
    saveDraft(planned.draft, store);
    expect(loadDraft(store)).toEqual(planned.draft);
    expect(attempt(loadDraft(store)).idempotencyKey).toBe(planned.idempotencyKey);
  });

  it('reads a malformed saved planning as the defaults, and no repeat without a due', () => {
    expect(
      readPlanning({ due: 'soon', priority: 'huge', labels: [1, 'ok'], recurrence: 'FREQ=DAILY' }),
    ).toEqual({ due: null, priority: 'none', labels: ['ok'], recurrence: null });
  });
});

describe('labels and repeats on the board', () => {
  it('matches a label regardless of case, as the API does', () => {
    expect(hasLabel({ labels: ['Work'] }, 'work')).toBe(true);
    expect(hasLabel({ labels: ['Workshop'] }, 'work')).toBe(false);
  });

  it.each([
    {
      name: 'completing a repeating task',
      before: { recurrence: 'FREQ=DAILY', status: 'pending' },
      after: 'completed',
      want: true,
    },
    {
      name: 'completing a task that does not repeat',
      before: { recurrence: null, status: 'pending' },
      after: 'completed',
      want: false,
    },
    {
      name: 'editing a completed repeating task',
      before: { recurrence: 'FREQ=DAILY', status: 'completed' },
      after: 'completed',
      want: false,
    },
    {
      name: 'starting a repeating task',
      before: { recurrence: 'FREQ=DAILY', status: 'pending' },
      after: 'in_progress',
      want: false,
    },
  ])('$name makes a next occurrence: $want', ({ before, after, want }) => {
    expect(madeNextOccurrence(before, { status: after })).toBe(want);
  });
});

describe('the Upcoming window and the time zones offered', () => {
  it('asks for the next 14 days from now', () => {
    expect(agendaWindow(NOW)).toEqual({
      from: '2026-12-04T12:00:00.000Z',
      to: '2026-12-18T12:00:00.000Z',
    });
  });

  it("offers the browser's zone first, and a task's own zone even if Intl does not list it", () => {
    const zones = zoneChoices('Etc/GMT+5', 'UTC');
    expect(zones.slice(0, 2)).toEqual(['UTC', 'Etc/GMT+5']);
    expect(zones).toContain('Europe/Paris');
    expect(new Set(zones).size).toBe(zones.length);
  });
});

describe('the Upcoming days', () => {
  const open = (title: string, due: Due) => ({ title, due, status: 'pending' });
  const titles = (days: ReturnType<typeof agendaDays<ReturnType<typeof open>>>) =>
    days.map((d) => [d.title, d.tasks.map((t) => t.title)]);

  it('puts the overdue first, then today, tomorrow and each later day by name', () => {
    const days = agendaDays(
      [
        open('last week', { date: '2026-11-27' }),
        open('this morning', { date: '2026-12-04', time: '08:00', time_zone: 'UTC' }),
        open('all day today', { date: '2026-12-04' }),
        open('tonight', { date: '2026-12-04', time: '20:00', time_zone: 'UTC' }),
        open('tomorrow', { date: '2026-12-05' }),
        open('next week', { date: '2026-12-09' }),
        open('next year', { date: '2027-01-05' }),
      ],
      NOW,
      'UTC',
    );
    expect(titles(days)).toEqual([
      ['Overdue', ['last week', 'this morning']],
      ['Today', ['all day today', 'tonight']],
      ['Tomorrow', ['tomorrow']],
      ['Wed 9 Dec', ['next week']],
      ['Tue 5 Jan 2027', ['next year']],
    ]);
    expect(days.map((d) => d.key)).toEqual([
      'overdue',
      '2026-12-04',
      '2026-12-05',
      '2026-12-09',
      '2027-01-05',
    ]);
  });

  it("places a moment on the reader's day, an all-day due on its own date", () => {
    // 23:30 in New York on the 4th is the 5th in UTC; 01:00 in Tokyo on the 6th is the 5th.
    const days = agendaDays(
      [
        open('call New York', { date: '2026-12-04', time: '23:30', time_zone: 'America/New_York' }),
        open('call Tokyo', { date: '2026-12-06', time: '01:00', time_zone: 'Asia/Tokyo' }),
        open('all day on the 6th', { date: '2026-12-06' }),
      ],
      NOW,
      'UTC',
    );
    expect(titles(days)).toEqual([
      ['Tomorrow', ['call New York', 'call Tokyo']],
      ['Sun 6 Dec', ['all day on the 6th']],
    ]);
  });

  it("reckons today in the reader's zone", () => {
    // 12:00 UTC on the 4th is already the 5th in Auckland (UTC+13).
    const days = agendaDays(
      [open('on the 4th', { date: '2026-12-04' }), open('on the 5th', { date: '2026-12-05' })],
      NOW,
      'Pacific/Auckland',
    );
    expect(titles(days)).toEqual([
      ['Overdue', ['on the 4th']],
      ['Today', ['on the 5th']],
    ]);
  });
});

describe('planning refusals in plain words', () => {
  const refused = (...paths: string[]) => ({
    type: 'https://task-api.dev/problems/validation-error',
    title: 'Bad Request',
    status: 400,
    detail: 'the task has fields that are not valid',
    errors: paths.map((path) => ({ path, message: 'validator words' })),
  });
  const sent = (body: Record<string, unknown>) => ({ operation: 'createTask', body }) as const;

  it.each([
    {
      name: 'a label that repeats another but for its case',
      path: '/body/labels/1',
      body: { labels: ['Work', 'work'] },
      want: { labels: 'Label "work" is there already (labels are the same whatever their case)' },
    },
    {
      name: 'a long label',
      path: '/body/labels/0',
      body: { labels: ['x'.repeat(51)] },
      want: { labels: `Label "${'x'.repeat(51)}" can be at most 50 characters` },
    },
    {
      name: 'a blank label',
      path: '/body/labels/0',
      body: { labels: ['  '] },
      want: { labels: 'A label needs at least one visible character' },
    },
    {
      name: 'too many labels',
      path: '/body/labels',
      body: { labels: Array.from({ length: 21 }, (_, i) => `l${i}`) },
      want: { labels: 'A task can have at most 20 labels' },
    },
    {
      name: 'an impossible date',
      path: '/body/due/date',
      body: { due: { date: '2026-02-30' } },
      want: { due: 'Due date 2026-02-30 is not a date on the calendar' },
    },
    {
      name: 'an unknown zone',
      path: '/body/due/time_zone',
      body: { due: { date: '2026-02-03', time: '09:00', time_zone: 'Mars/Olympus' } },
      want: { due: 'Time zone Mars/Olympus is not known' },
    },
    {
      name: 'a repeat without a due',
      path: '/body/recurrence',
      body: { recurrence: 'FREQ=DAILY' },
      want: { recurrence: 'Repeat needs a due date' },
    },
  ])('tells $name', ({ path, body, want }) => {
    expect(fieldErrors(refused(path), sent(body))).toEqual(want);
  });
});
