/**
 * `npm run migrate`: the seed's times and ids in the current form
 * (docs/operations.md#upgrading-a-table-in-place).
 */
import { decodeTime } from 'ulid';
import { describe, expect, it } from 'vitest';
import { adoptedTaskId, normalizeTime, unfitReason } from '../../src/data/migrateShape.js';

describe('normalizeTime', () => {
  it.each([
    {
      name: 'python utcnow with microseconds',
      given: '2026-03-04T10:20:30.123456',
      want: '2026-03-04T10:20:30.123Z',
    },
    {
      name: 'python utcnow on a whole second (no fraction)',
      given: '2026-03-04T10:20:30',
      want: '2026-03-04T10:20:30.000Z',
    },
    {
      name: 'a fraction below a millisecond is cut, not rounded',
      given: '2026-12-31T23:59:59.9999999',
      want: '2026-12-31T23:59:59.999Z',
    },
    { name: 'a short fraction', given: '2026-03-04T10:20:30.5', want: '2026-03-04T10:20:30.500Z' },
    {
      name: 'already current',
      given: '2026-03-04T10:20:30.123Z',
      want: '2026-03-04T10:20:30.123Z',
    },
    {
      name: 'an offset becomes UTC',
      given: '2026-03-04T12:20:30.123+02:00',
      want: '2026-03-04T10:20:30.123Z',
    },
  ])('$name', ({ given, want }) => {
    expect(normalizeTime(given)).toBe(want);
  });

  it.each([['2026-03-04'], ['2026-13-04T10:20:30'], ['yesterday'], [1_700_000_000], [undefined]])(
    'refuses %j: not an ISO 8601 date and time',
    (given) => {
      expect(normalizeTime(given)).toBeUndefined();
    },
  );
});

describe('adoptedTaskId', () => {
  const uuid = '3f2a6c1e-9b7d-4e2f-8a1b-0c9d8e7f6a5b';

  it('is a ULID of the creation time, the same for the same UUID every time', () => {
    const id = adoptedTaskId(uuid, '2026-03-04T10:20:30.123Z');
    expect(id).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(decodeTime(id)).toBe(Date.parse('2026-03-04T10:20:30.123Z'));
    expect(adoptedTaskId(uuid, '2026-03-04T10:20:30.123Z')).toBe(id);
  });

  it('differs for another UUID at the same time, and sorts by creation time', () => {
    const at = '2026-03-04T10:20:30.123Z';
    expect(adoptedTaskId('0e4f1d2c-3b4a-4c5d-9e6f-7a8b9c0d1e2f', at)).not.toBe(
      adoptedTaskId(uuid, at),
    );
    const earlier = adoptedTaskId(
      'ffffffff-ffff-4fff-bfff-ffffffffffff',
      '2026-03-04T10:20:30.122Z',
    );
    expect(earlier < adoptedTaskId(uuid, at)).toBe(true);
  });
});

describe('unfitReason', () => {
  const fit = {
    title: 't',
    status: 'pending',
    created_at: '2026-03-04T10:20:30',
    updated_at: '2026-03-04T10:20:30',
  };

  it('accepts a seed task as the tutorial wrote it', () => {
    expect(unfitReason(fit)).toBeUndefined();
  });

  it.each([
    {
      name: 'an unknown status',
      item: { ...fit, status: 'archived' },
      want: 'status must be one of pending, in_progress, completed, got archived',
    },
    {
      name: 'an empty title',
      item: { ...fit, title: '' },
      want: 'title must be a non-empty string, got ""',
    },
    {
      name: 'a created_at that is no time',
      item: { ...fit, created_at: 'soon' },
      want: 'created_at must be an ISO 8601 time, got "soon"',
    },
  ])('refuses $name, showing the value', ({ item, want }) => {
    expect(unfitReason(item)).toBe(want);
  });
});
