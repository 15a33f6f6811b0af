import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_FIELD_ERRORS } from '../../src/contract/field-errors.js';
import { type Due, dueInstant } from '../../src/tasks/due.js';
import { nextOccurrence, recurrenceProblems } from '../../src/tasks/recurrence.js';

const at = (date: string, time: string, time_zone: string): Due => ({ date, time, time_zone });

/** The dates of the next `n` occurrences, following each returned due and recurrence. */
function dates(recurrence: string, due: Due, n: number): string[] {
  const out: string[] = [];
  let current: { due: Due; recurrence: string } | undefined = { due, recurrence };
  while (out.length < n && current) {
    current = nextOccurrence(current.recurrence, current.due);
    if (current) out.push(current.due.date);
  }
  return out;
}

describe('recurrenceProblems', () => {
  it.each([
    'FREQ=DAILY',
    'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE,FR',
    'BYDAY=SU;FREQ=MONTHLY',
    'FREQ=YEARLY;COUNT=1000',
    'FREQ=DAILY;INTERVAL=365;UNTIL=20261231',
    'FREQ=DAILY;UNTIL=20261231T235959Z',
    'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR,SA,SU',
    `FREQ=DAILY;BYDAY=${'MO,TU,WE,TH,FR,SA,SU'};INTERVAL=1;COUNT=1`,
  ])('accepts %j', (text) => {
    expect(recurrenceProblems(text, '/recurrence')).toEqual([]);
  });

  it.each([
    [
      'HOURLY',
      'FREQ=HOURLY',
      '"FREQ=HOURLY" is not supported: use DAILY, WEEKLY, MONTHLY or YEARLY',
    ],
    ['a lowercase frequency', 'FREQ=daily', '"FREQ=daily" is not supported: use DAILY, WEEKLY'],
    ['a missing FREQ', 'INTERVAL=2', 'FREQ is required: one of DAILY, WEEKLY, MONTHLY or YEARLY'],
    [
      'an ordinal weekday',
      'FREQ=MONTHLY;BYDAY=2MO',
      '"2MO" in BYDAY is not supported: use plain weekdays',
    ],
    ['a negative ordinal', 'FREQ=MONTHLY;BYDAY=-1FR', '"-1FR" in BYDAY is not supported'],
    ['an unknown weekday', 'FREQ=WEEKLY;BYDAY=MO,XX', '"XX" in BYDAY is not a weekday: use MO, TU'],
    ['a lowercase weekday', 'FREQ=WEEKLY;BYDAY=mo', '"mo" in BYDAY is not a weekday'],
    ['an empty BYDAY', 'FREQ=WEEKLY;BYDAY=', '"" in BYDAY is not a weekday'],
    ['a weekday twice', 'FREQ=WEEKLY;BYDAY=MO,TU,MO', '"BYDAY=MO,TU,MO" names a weekday twice'],
    [
      'COUNT with UNTIL',
      'FREQ=DAILY;COUNT=3;UNTIL=20261231',
      'COUNT and UNTIL cannot be used together',
    ],
    ['INTERVAL=0', 'FREQ=DAILY;INTERVAL=0', '"INTERVAL=0" is not a whole number from 1 to 365'],
    [
      'INTERVAL=366',
      'FREQ=DAILY;INTERVAL=366',
      '"INTERVAL=366" is not a whole number from 1 to 365',
    ],
    ['a signed INTERVAL', 'FREQ=DAILY;INTERVAL=+2', '"INTERVAL=+2" is not a whole number'],
    ['COUNT=0', 'FREQ=DAILY;COUNT=0', '"COUNT=0" is not a whole number from 1 to 1000'],
    ['COUNT=1001', 'FREQ=DAILY;COUNT=1001', '"COUNT=1001" is not a whole number from 1 to 1000'],
    ['a fraction', 'FREQ=DAILY;COUNT=1.5', '"COUNT=1.5" is not a whole number'],
    ['a duplicate part', 'FREQ=DAILY;FREQ=WEEKLY', 'FREQ appears more than once'],
    ['a duplicate INTERVAL', 'FREQ=DAILY;INTERVAL=1;INTERVAL=1', 'INTERVAL appears more than once'],
    [
      'an unknown part',
      'FREQ=DAILY;BYMONTH=1',
      '"BYMONTH=1" is not supported: use FREQ=, INTERVAL=',
    ],
    ['a part without a value', 'FREQ=DAILY;COUNT', '"COUNT" is not supported'],
    ['a DTSTART', 'DTSTART=20260101;FREQ=DAILY', '"DTSTART=20260101" is not supported'],
    ['an RRULE: prefix', 'RRULE:FREQ=DAILY', '"RRULE:FREQ=DAILY" is not supported'],
    ['lowercase names', 'freq=DAILY', '"freq=DAILY" must be written in upper case'],
    ['a space', 'FREQ=DAILY; COUNT=2', '" COUNT=2" is not supported'],
    [
      'an empty rule',
      '',
      '"" is not a rule: it needs at least FREQ=DAILY, WEEKLY, MONTHLY or YEARLY',
    ],
    ['a trailing semicolon', 'FREQ=DAILY;', '"FREQ=DAILY;" has an empty part'],
    ['two semicolons', 'FREQ=DAILY;;COUNT=2', 'has an empty part'],
    [
      'a local UNTIL time',
      'FREQ=DAILY;UNTIL=20261231T120000',
      '"UNTIL=20261231T120000" is not a date',
    ],
    ['an UNTIL that is no date', 'FREQ=DAILY;UNTIL=20260230', '"UNTIL=20260230" is not a date'],
    ['an UNTIL with dashes', 'FREQ=DAILY;UNTIL=2026-12-31', '"UNTIL=2026-12-31" is not a date'],
    [
      'an UNTIL at 24:00',
      'FREQ=DAILY;UNTIL=20261231T240000Z',
      'is not a date YYYYMMDD or a UTC time',
    ],
    [
      'a rule over 200 characters',
      `FREQ=DAILY;${'INTERVAL=1;'.repeat(18)}`,
      'is 209 characters long: at most 200',
    ],
  ])('refuses %s', (_name, text, message) => {
    expect(recurrenceProblems(text, '/body/recurrence')).toContainEqual({
      path: '/body/recurrence',
      message: expect.stringContaining(message),
    });
  });

  it('names a repeated problem once, and at most as many problems as the contract allows', () => {
    expect(recurrenceProblems('FREQ=DAILY;X;X;X', '/r')).toEqual([
      { path: '/r', message: expect.stringContaining('"X" is not supported') },
    ]);
    const many = Array.from({ length: 40 }, (_, i) => `X${i}`).join(';');
    expect(recurrenceProblems(many, '/r')).toHaveLength(MAX_FIELD_ERRORS);
  });

  it('names every problem of a rule', () => {
    const messages = recurrenceProblems('FREQ=HOURLY;INTERVAL=0;BYDAY=1MO', '/r').map(
      (p) => p.message,
    );
    expect(messages).toHaveLength(3);
  });
});

describe('nextOccurrence', () => {
  it('keeps a daily 09:30 Paris task at 09:30 local across both 2026 clock changes', () => {
    const instants = (start: string) => {
      const out: string[] = [];
      let due = at(start, '09:30', 'Europe/Paris');
      for (let i = 0; i < 3; i++) {
        out.push(`${due.date} ${due.time} ${dueInstant(due)}`);
        due = nextOccurrence('FREQ=DAILY', due)?.due ?? due;
      }
      return out;
    };
    expect(instants('2026-03-28')).toEqual([
      '2026-03-28 09:30 2026-03-28T08:30:00.000Z',
      '2026-03-29 09:30 2026-03-29T07:30:00.000Z',
      '2026-03-30 09:30 2026-03-30T07:30:00.000Z',
    ]);
    expect(instants('2026-10-24')).toEqual([
      '2026-10-24 09:30 2026-10-24T07:30:00.000Z',
      '2026-10-25 09:30 2026-10-25T08:30:00.000Z',
      '2026-10-26 09:30 2026-10-26T08:30:00.000Z',
    ]);
  });

  it.each([
    {
      name: 'monthly on the 31st skips months without one',
      rule: 'FREQ=MONTHLY',
      from: '2026-01-31',
      want: ['2026-03-31', '2026-05-31', '2026-07-31', '2026-08-31', '2026-10-31'],
    },
    {
      name: 'monthly on the 31st from August skips September',
      rule: 'FREQ=MONTHLY',
      from: '2026-08-31',
      want: ['2026-10-31', '2026-12-31', '2027-01-31'],
    },
    {
      name: 'monthly on the 30th skips February',
      rule: 'FREQ=MONTHLY',
      from: '2026-01-30',
      want: ['2026-03-30', '2026-04-30'],
    },
    {
      name: 'monthly on the 29th skips a common February',
      rule: 'FREQ=MONTHLY',
      from: '2027-01-29',
      want: ['2027-03-29'],
    },
    {
      name: 'monthly on the 29th keeps a leap February',
      rule: 'FREQ=MONTHLY',
      from: '2028-01-29',
      want: ['2028-02-29', '2028-03-29'],
    },
    {
      name: 'every second month on the 31st',
      rule: 'FREQ=MONTHLY;INTERVAL=2',
      from: '2026-01-31',
      want: ['2026-03-31', '2026-05-31', '2026-07-31', '2027-01-31'],
    },
    {
      name: 'yearly on a leap day goes to the next leap day',
      rule: 'FREQ=YEARLY',
      from: '2028-02-29',
      want: ['2032-02-29', '2036-02-29'],
    },
    {
      name: 'yearly keeps the day',
      rule: 'FREQ=YEARLY',
      from: '2026-12-24',
      want: ['2027-12-24', '2028-12-24'],
    },
    // 2026-12-23 is a Wednesday.
    {
      name: 'weekly BYDAY=MO,WE,FR cycles from a Wednesday',
      rule: 'FREQ=WEEKLY;BYDAY=MO,WE,FR',
      from: '2026-12-23',
      want: ['2026-12-25', '2026-12-28', '2026-12-30', '2027-01-01'],
    },
    {
      name: 'weekly BYDAY from a day not in it',
      rule: 'FREQ=WEEKLY;BYDAY=MO',
      from: '2026-12-23',
      want: ['2026-12-28', '2027-01-04'],
    },
    {
      name: 'weekly keeps the weekday',
      rule: 'FREQ=WEEKLY',
      from: '2026-12-23',
      want: ['2026-12-30', '2027-01-06'],
    },
    {
      name: 'every second week',
      rule: 'FREQ=WEEKLY;INTERVAL=2',
      from: '2026-12-23',
      want: ['2027-01-06', '2027-01-20'],
    },
    // Weeks start on Monday (RFC 5545's default WKST): the rest of this week, then two weeks on.
    // With WKST=SU the week of 12-22 would end on 12-26 and the next be 2027-01-03.
    {
      name: 'every second week on TU and SU counts weeks from Monday',
      rule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,SU',
      from: '2026-12-22',
      want: ['2026-12-27', '2027-01-05', '2027-01-10', '2027-01-19'],
    },
    {
      name: 'daily by whole weeks keeps a BYDAY the due is on',
      rule: 'FREQ=DAILY;INTERVAL=14;BYDAY=MO,WE',
      from: '2026-12-23',
      want: ['2027-01-06', '2027-01-20'],
    },
    {
      name: 'every second week on MO and TH',
      rule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH',
      from: '2026-12-22',
      want: ['2026-12-24', '2027-01-04', '2027-01-07', '2027-01-18'],
    },
    // 2026-12-25 is a Friday.
    {
      name: 'daily on weekdays skips the weekend',
      rule: 'FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR',
      from: '2026-12-25',
      want: ['2026-12-28', '2026-12-29'],
    },
    {
      name: 'every third day',
      rule: 'FREQ=DAILY;INTERVAL=3',
      from: '2026-02-27',
      want: ['2026-03-02', '2026-03-05'],
    },
    {
      name: 'daily across a year end',
      rule: 'FREQ=DAILY',
      from: '2026-12-31',
      want: ['2027-01-01'],
    },
    {
      name: 'monthly on Sundays',
      rule: 'FREQ=MONTHLY;BYDAY=SU',
      from: '2026-12-27',
      want: ['2027-01-03', '2027-01-10'],
    },
  ])('$name', ({ rule, from, want }) => {
    expect(dates(rule, { date: from }, want.length)).toEqual(want);
    // The same local dates for a moment, which keeps its time and zone; 09:30 in Chatham is
    // the day before in UTC.
    const next = nextOccurrence(rule, at(from, '09:30', 'Pacific/Chatham'));
    expect(next?.due).toEqual(at(want[0] ?? '', '09:30', 'Pacific/Chatham'));
  });

  it('counts down COUNT, the occurrences left including this one, and ends at 1', () => {
    const first = nextOccurrence('FREQ=DAILY;COUNT=3;BYDAY=MO,TU', { date: '2026-12-21' });
    expect(first).toEqual({
      due: { date: '2026-12-22' },
      recurrence: 'FREQ=DAILY;COUNT=2;BYDAY=MO,TU',
    });
    const second = nextOccurrence(first?.recurrence ?? '', first?.due ?? { date: '' });
    expect(second).toEqual({
      due: { date: '2026-12-28' },
      recurrence: 'FREQ=DAILY;COUNT=1;BYDAY=MO,TU',
    });
    expect(nextOccurrence(second?.recurrence ?? '', second?.due ?? { date: '' })).toBeUndefined();
  });

  it('keeps a recurrence without COUNT as it is written', () => {
    const rule = 'BYDAY=FR,MO;INTERVAL=1;FREQ=WEEKLY';
    expect(nextOccurrence(rule, { date: '2026-12-25' })?.recurrence).toBe(rule);
  });

  it.each([
    {
      name: 'an UNTIL date includes its day',
      rule: 'FREQ=DAILY;UNTIL=20261225',
      due: { date: '2026-12-24' },
      want: '2026-12-25',
    },
    {
      name: 'an UNTIL date ends the day before',
      rule: 'FREQ=DAILY;UNTIL=20261224',
      due: { date: '2026-12-24' },
      want: undefined,
    },
    // The next is 2026-12-25 23:30 local, 2026-12-25T22:30Z: an UNTIL date compares local dates.
    {
      name: 'an UNTIL date compares the local date',
      rule: 'FREQ=DAILY;UNTIL=20261225',
      due: at('2026-12-24', '23:30', 'Europe/Paris'),
      want: '2026-12-25',
    },
    // 2026-12-25 00:30 Paris is 2026-12-24T23:30Z.
    {
      name: 'a UTC UNTIL includes its instant',
      rule: 'FREQ=DAILY;UNTIL=20261224T233000Z',
      due: at('2026-12-24', '00:30', 'Europe/Paris'),
      want: '2026-12-25',
    },
    {
      name: 'a UTC UNTIL a second early ends it',
      rule: 'FREQ=DAILY;UNTIL=20261224T232959Z',
      due: at('2026-12-24', '00:30', 'Europe/Paris'),
      want: undefined,
    },
    {
      name: 'a UTC UNTIL compares an all-day due at the start of its UTC day',
      rule: 'FREQ=WEEKLY;UNTIL=20261231T000000Z',
      due: { date: '2026-12-24' },
      want: '2026-12-31',
    },
    {
      name: 'a UTC UNTIL before an all-day due ends it',
      rule: 'FREQ=WEEKLY;UNTIL=20261230T235959Z',
      due: { date: '2026-12-24' },
      want: undefined,
    },
  ])('$name', ({ rule, due, want }) => {
    const next = nextOccurrence(rule, due);
    expect(next?.due.date).toBe(want);
    if (next) expect(next.recurrence).toBe(rule);
  });

  it('ends a daily series by whole weeks whose BYDAY leaves out the weekday of the due', () => {
    // 2026-12-23 is a Wednesday: every 7th day from it is a Wednesday too.
    expect(
      nextOccurrence('FREQ=DAILY;INTERVAL=7;BYDAY=MO', { date: '2026-12-23' }),
    ).toBeUndefined();
    expect(
      nextOccurrence('FREQ=DAILY;INTERVAL=364;BYDAY=TU,TH', { date: '2026-12-23' }),
    ).toBeUndefined();
  });

  it('ends a series that would pass 9999', () => {
    expect(nextOccurrence('FREQ=YEARLY', { date: '9999-06-01' })).toBeUndefined();
    expect(nextOccurrence('FREQ=DAILY', { date: '9999-12-30' })?.due).toEqual({
      date: '9999-12-31',
    });
  });

  it('throws on a rule it would refuse', () => {
    expect(() => nextOccurrence('FREQ=HOURLY', { date: '2026-12-24' })).toThrow(/HOURLY/);
  });

  it('always moves a daily or weekly task later, keeping its time and zone', () => {
    const zones = ['Europe/Paris', 'America/New_York', 'Asia/Kolkata', 'Pacific/Chatham', 'UTC'];
    const pad = (n: number) => String(n).padStart(2, '0');
    const rule = fc
      .record({
        freq: fc.constantFrom('DAILY', 'WEEKLY'),
        interval: fc.option(fc.integer({ min: 1, max: 365 }), { nil: undefined }),
        byday: fc.option(
          fc.subarray(['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'], { minLength: 1 }),
          {
            nil: undefined,
          },
        ),
      })
      .map(({ freq, interval, byday }) =>
        [`FREQ=${freq}`, interval && `INTERVAL=${interval}`, byday && `BYDAY=${byday.join(',')}`]
          .filter(Boolean)
          .join(';'),
      );
    const due = fc
      .record(
        {
          date: fc
            .integer({ min: 0, max: 3650 })
            .map((d) => new Date(Date.UTC(2026, 0, 1 + d)).toISOString().slice(0, 10)),
          time: fc
            .integer({ min: 0, max: 1439 })
            .map((m) => `${pad(Math.floor(m / 60))}:${pad(m % 60)}`),
          time_zone: fc.constantFrom(...zones),
        },
        { requiredKeys: ['date'] },
      )
      .filter((d) => (d.time === undefined) === (d.time_zone === undefined));
    fc.assert(
      fc.property(rule, due, (recurrence, current) => {
        expect(recurrenceProblems(recurrence, '/r')).toEqual([]);
        const next = nextOccurrence(recurrence, current);
        if (!next) {
          // Only DAILY by whole weeks with a BYDAY the due is not on ends without COUNT or UNTIL.
          const weekday = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'][
            new Date(current.date).getUTCDay()
          ];
          expect(recurrence).toMatch(/^FREQ=DAILY;INTERVAL=\d+;BYDAY=/);
          expect(Number(/INTERVAL=(\d+)/.exec(recurrence)?.[1]) % 7).toBe(0);
          expect(/BYDAY=(.*)/.exec(recurrence)?.[1]?.split(',')).not.toContain(weekday);
          return;
        }
        expect(next.due.date > current.date).toBe(true);
        expect(Date.parse(dueInstant(next.due))).toBeGreaterThan(Date.parse(dueInstant(current)));
        expect(next.due.time).toBe(current.time);
        expect(next.due.time_zone).toBe(current.time_zone);
        expect(next.recurrence).toBe(recurrence);
      }),
      { numRuns: 500 },
    );
  });
});
