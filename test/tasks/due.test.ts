import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Due, dueInstant, dueProblems } from '../../src/tasks/due.js';

const at = (date: string, time: string, time_zone: string): Due => ({ date, time, time_zone });

describe('dueProblems', () => {
  it.each([
    { name: 'an all-day due', due: { date: '2026-12-24' } },
    { name: 'a moment', due: at('2026-12-24', '09:30', 'Europe/Paris') },
    { name: 'a leap day', due: { date: '2028-02-29' } },
    { name: 'the first and last minute', due: at('1970-01-01', '00:00', 'UTC') },
    { name: 'the last day', due: at('9999-12-31', '23:59', 'Pacific/Kiritimati') },
    { name: 'a three-part zone name', due: at('2026-06-01', '12:00', 'America/Argentina/Salta') },
    { name: 'an Etc zone with a sign', due: at('2026-06-01', '12:00', 'Etc/GMT+5') },
    { name: 'a zone alias', due: at('2026-06-01', '12:00', 'Asia/Calcutta') },
  ])('accepts $name', ({ due }) => {
    expect(dueProblems(due, '/due')).toEqual([]);
  });

  it.each([
    ['2026-02-30', 'is not a calendar date'],
    ['2025-02-29', 'is not a calendar date'],
    ['2100-02-29', 'is not a calendar date'],
    ['2026-13-01', 'is not a calendar date'],
    ['2026-00-10', 'is not a calendar date'],
    ['2026-04-31', 'is not a calendar date'],
    ['1969-12-31', 'is not a calendar date'],
    ['2026-1-5', 'is not a date in the form YYYY-MM-DD'],
    ['26-01-05', 'is not a date in the form YYYY-MM-DD'],
    ['2026-01-05T00:00', 'is not a date in the form YYYY-MM-DD'],
    ['', 'is not a date in the form YYYY-MM-DD'],
  ])('refuses the date %j: %s', (date, words) => {
    expect(dueProblems({ date }, '/body/due')).toEqual([
      {
        path: '/body/due/date',
        message: expect.stringContaining(`${JSON.stringify(date)} ${words}`),
      },
    ]);
  });

  it.each(['24:00', '9:30', '09:60', '09:30:00', '0930', ''])(
    'refuses the time %j: HH:MM from 00:00 to 23:59 only',
    (time) => {
      expect(dueProblems(at('2026-12-24', time, 'UTC'), '/due')).toEqual([
        {
          path: '/due/time',
          message: expect.stringContaining(`${JSON.stringify(time)} is not a time`),
        },
      ]);
    },
  );

  it.each([
    ['Mars/Olympus', 'this server knows'],
    ['+01:00', 'use an IANA name'],
    ['-05:00', 'use an IANA name'],
    ['', 'use an IANA name'],
    ['Europe', 'use an IANA name'],
    ['GMT', 'use an IANA name'],
    ['Europe/Paris ', 'use an IANA name'],
    ['europe/paris', 'write it "Europe/Paris"'],
    [`Europe/${'x'.repeat(80)}`, 'use an IANA name'],
  ])('refuses the time zone %j: %s', (zone, words) => {
    const problems = dueProblems(at('2026-12-24', '09:30', zone), '/due');
    expect(problems).toEqual([{ path: '/due/time_zone', message: expect.stringContaining(words) }]);
    expect(problems[0]?.message).toContain(`${JSON.stringify(zone)} is not a time zone name`);
  });

  it('refuses a time without a time zone: the two come together', () => {
    expect(dueProblems({ date: '2026-12-24', time: '09:30' }, '/due')).toEqual([
      { path: '/due', message: 'time and time_zone come together: got time without time_zone' },
    ]);
  });

  it('refuses a time zone without a time: the two come together', () => {
    expect(dueProblems({ date: '2026-12-24', time_zone: 'UTC' }, '/due')).toEqual([
      { path: '/due', message: 'time and time_zone come together: got time_zone without time' },
    ]);
  });

  it('names every bad field at once', () => {
    const paths = dueProblems(
      { date: '2026-02-30', time: '25:00', time_zone: 'Mars/Olympus' },
      '/d',
    );
    expect(paths.map((p) => p.path)).toEqual(['/d/date', '/d/time', '/d/time_zone']);
  });
});

describe('dueInstant', () => {
  it.each([
    {
      name: 'all-day: the start of its day in UTC',
      due: { date: '2026-12-24' },
      want: '2026-12-24T00:00:00.000Z',
    },
    { name: 'UTC', due: at('2026-12-24', '09:30', 'UTC'), want: '2026-12-24T09:30:00.000Z' },
    {
      name: 'Paris in winter (+01:00)',
      due: at('2026-12-24', '09:30', 'Europe/Paris'),
      want: '2026-12-24T08:30:00.000Z',
    },
    {
      name: 'Paris in summer (+02:00)',
      due: at('2026-07-14', '09:30', 'Europe/Paris'),
      want: '2026-07-14T07:30:00.000Z',
    },
    // 2026-03-29 02:00 CET -> 03:00 CEST: 02:30 does not exist and moves forward by the hour.
    {
      name: 'Paris spring-forward gap: 02:30 is 03:30 local',
      due: at('2026-03-29', '02:30', 'Europe/Paris'),
      want: '2026-03-29T01:30:00.000Z',
    },
    {
      name: 'Paris just before the gap',
      due: at('2026-03-29', '01:59', 'Europe/Paris'),
      want: '2026-03-29T00:59:00.000Z',
    },
    {
      name: 'Paris just after the gap',
      due: at('2026-03-29', '03:00', 'Europe/Paris'),
      want: '2026-03-29T01:00:00.000Z',
    },
    // 2026-10-25 03:00 CEST -> 02:00 CET: 02:30 happens twice; the earlier (CEST) wins.
    {
      name: 'Paris fall-back overlap: the earlier 02:30',
      due: at('2026-10-25', '02:30', 'Europe/Paris'),
      want: '2026-10-25T00:30:00.000Z',
    },
    {
      name: 'Paris just after the overlap',
      due: at('2026-10-25', '03:00', 'Europe/Paris'),
      want: '2026-10-25T02:00:00.000Z',
    },
    {
      name: 'New York in winter (-05:00)',
      due: at('2026-01-15', '09:30', 'America/New_York'),
      want: '2026-01-15T14:30:00.000Z',
    },
    {
      name: 'New York in summer (-04:00)',
      due: at('2026-07-15', '09:30', 'America/New_York'),
      want: '2026-07-15T13:30:00.000Z',
    },
    {
      name: 'New York spring-forward gap',
      due: at('2026-03-08', '02:30', 'America/New_York'),
      want: '2026-03-08T07:30:00.000Z',
    },
    {
      name: 'New York fall-back overlap',
      due: at('2026-11-01', '01:30', 'America/New_York'),
      want: '2026-11-01T05:30:00.000Z',
    },
    {
      name: 'Kolkata (+05:30)',
      due: at('2026-07-01', '12:00', 'Asia/Kolkata'),
      want: '2026-07-01T06:30:00.000Z',
    },
    {
      name: 'Chatham in its summer (+13:45), the day before in UTC',
      due: at('2026-01-15', '09:30', 'Pacific/Chatham'),
      want: '2026-01-14T19:45:00.000Z',
    },
    {
      name: 'Chatham in its winter (+12:45)',
      due: at('2026-07-15', '09:30', 'Pacific/Chatham'),
      want: '2026-07-14T20:45:00.000Z',
    },
    // Chatham's clocks go 02:45 -> 03:45 on 2026-09-27 and 03:45 -> 02:45 on 2026-04-05.
    {
      name: 'Chatham gap',
      due: at('2026-09-27', '03:00', 'Pacific/Chatham'),
      want: '2026-09-26T14:15:00.000Z',
    },
    {
      name: 'Chatham overlap',
      due: at('2026-04-05', '03:00', 'Pacific/Chatham'),
      want: '2026-04-04T13:15:00.000Z',
    },
  ])('$name', ({ due, want }) => {
    expect(dueInstant(due)).toBe(want);
  });

  it('names an instant that shows its wall time, or a later one in a gap, and the earliest such', () => {
    const zones = ['Europe/Paris', 'America/New_York', 'Pacific/Chatham', 'Australia/Lord_Howe'];
    const pad = (n: number) => String(n).padStart(2, '0');
    // Most runs land on a day a zone changes its clocks (2026), at night.
    const changes = ['03-08', '03-29', '04-05', '09-27', '10-04', '10-25', '11-01'];
    const day = fc.oneof(
      fc.constantFrom(...changes.map((d) => `2026-${d}`)),
      fc
        .integer({ min: 0, max: 730 })
        .map((d) => new Date(Date.UTC(2026, 0, 1 + d)).toISOString().slice(0, 10)),
    );
    const minute = fc.oneof(fc.integer({ min: 60, max: 240 }), fc.integer({ min: 0, max: 1439 }));
    fc.assert(
      fc.property(fc.constantFrom(...zones), day, minute, (zone, date, m) => {
        const time = `${pad(Math.floor(m / 60))}:${pad(m % 60)}`;
        // sv-SE writes local times as YYYY-MM-DD HH:MM, so they compare as strings.
        const local = new Intl.DateTimeFormat('sv-SE', {
          timeZone: zone,
          dateStyle: 'short',
          timeStyle: 'short',
        });
        const instant = Date.parse(dueInstant(at(date, time, zone)));
        const shown = local.format(instant);
        const wall = `${date} ${time}`;
        expect(shown >= wall).toBe(true);
        expect(local.format(instant - 60 * 60_000) < wall).toBe(true);
        for (const earlier of [30, 60])
          expect(local.format(instant - earlier * 60_000)).not.toBe(wall);
      }),
      { numRuns: 2000 },
    );
  });
});
