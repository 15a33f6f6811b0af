/**
 * `npm run migrate` (docs/operations.md#upgrading-a-table-in-place): a table an earlier version
 * wrote is brought up to date in place; after it every task is served by the real TaskStore like
 * a new one, every count is exact, and a second run changes nothing.
 */
import { randomUUID } from 'node:crypto';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { migrateTable } from '../../src/data/migrate.js';
import { CHECKPOINT_KEY } from '../../src/data/migrateCheckpoint.js';
import {
  expectExactCounts,
  expectSeedsAdopted,
  expectTasksServed,
  fillOldTable,
  seedItem,
  tablePerTest,
} from '../support/migrate.js';

const startTable = tablePerTest();

const withoutCheckpoint = (items: Record<string, unknown>[]) =>
  items.filter((i) => i.PK !== CHECKPOINT_KEY.PK);

describe('npm run migrate on a table an earlier version wrote', () => {
  it('adopts seed tasks, upgrades earlier ones, sets exact counts; the store then serves them all', async () => {
    const t = await startTable();
    const fixture = await fillOldTable(t);
    const lines: string[] = [];

    const result = await migrateTable(t.db, t.config, { rate: 7, log: (l) => lines.push(l) });

    expect(result.status).toBe('done');
    await expectSeedsAdopted(t, fixture);
    expect(result.checkpoint.totals).toMatchObject({ adopted: 4, upgraded: 9, unfit: 0 });
    expect(result.checkpoint.totals.counts).toBe(fixture.users.size + fixture.workspaces.size);
    expect(lines.filter((l) => / items read, /.test(l)).length).toBe(result.checkpoint.pages + 1);
    await expectExactCounts(t, fixture);
    await expectTasksServed(t, fixture);
  });

  it('changes nothing the second time: up to date, and with --restart no item is written', async () => {
    const t = await startTable();
    await fillOldTable(t);
    await migrateTable(t.db, t.config, { rate: 1000 });
    const before = withoutCheckpoint(await t.scan());
    const lines: string[] = [];

    const again = await migrateTable(t.db, t.config, { rate: 1000, log: (l) => lines.push(l) });
    const restarted = await migrateTable(t.db, t.config, { rate: 1000, restart: true });

    expect(again.status).toBe('up-to-date');
    expect(lines).toEqual([expect.stringMatching(/is up to date .*--restart walks it again/)]);
    expect(restarted.status).toBe('done');
    expect(restarted.checkpoint.totals).toMatchObject({ upgraded: 0, adopted: 0, counts: 0 });
    expect(withoutCheckpoint(await t.scan())).toEqual(before);
  });

  it('leaves an item whose status no version accepts as it is, and says why', async () => {
    const t = await startTable();
    const sub = randomUUID();
    const bad = { ...seedItem(sub, '2026-03-04T10:20:30', { title: 'odd' }), status: 'archived' };
    await t.db.send(new PutCommand({ TableName: t.config.tableName, Item: bad }));
    const warnings: string[] = [];

    const result = await migrateTable(t.db, t.config, {
      rate: 1000,
      warn: (l) => warnings.push(l),
    });

    expect(result.checkpoint.totals.unfit).toBe(1);
    expect(warnings).toEqual([
      expect.stringContaining(
        'status must be one of pending, in_progress, completed, got archived',
      ),
    ]);
    expect((await t.scan()).find((i) => i.SK === bad.SK)).toEqual(bad);
  });
});
