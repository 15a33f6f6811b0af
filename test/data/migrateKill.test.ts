/**
 * `npm run migrate` killed part-way (SIGKILL, after its first page): the next run resumes from
 * the checkpoint in the table and ends with the same exact result as an uninterrupted run
 * (docs/operations.md#upgrading-a-table-in-place).
 */
import { spawn } from 'node:child_process';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { migrateTable } from '../../src/data/migrate.js';
import { CHECKPOINT_KEY } from '../../src/data/migrateCheckpoint.js';
import { slowEngine } from '../support/dynamo.js';
import {
  expectExactCounts,
  expectSeedsAdopted,
  expectTasksServed,
  fillOldTable,
  type MigrateTable,
  tablePerTest,
} from '../support/migrate.js';

const startTable = tablePerTest();

/** Runs `scripts/migrate.ts` on the table and SIGKILLs it once it printed its first page. */
async function killAfterFirstPage(table: MigrateTable) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/migrate.ts', '--rate', '3'], {
    env: { ...process.env, ...table.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const exited = new Promise<string | null>((done) =>
    child.once('exit', (_code, signal) => done(signal)),
  );
  await new Promise<void>((done, fail) => {
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      if (/ items read, /.test(out)) done();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
    });
    child.once('exit', () => fail(new Error(`migrate exited before its first page: ${out}`)));
  });
  child.kill('SIGKILL');
  return { signal: await exited, out };
}

describe('npm run migrate killed part-way', () => {
  it(
    'resumes from its checkpoint and ends with every task served and every count exact',
    async () => {
      const t = await startTable();
      const fixture = await fillOldTable(t);

      const killed = await killAfterFirstPage(t);
      const { Item: checkpoint } = await t.db.send(
        new GetCommand({
          TableName: t.config.tableName,
          Key: CHECKPOINT_KEY,
          ConsistentRead: true,
        }),
      );
      const lines: string[] = [];
      const result = await migrateTable(t.db, t.config, { rate: 1000, log: (l) => lines.push(l) });

      expect(killed.signal).toBe('SIGKILL');
      expect(killed.out).toMatch(
        /^\[migrate\] 3 items read, \d+ tasks upgraded, \d+ counts set, \d+ seed tasks adopted\n/,
      );
      expect(checkpoint).toMatchObject({ done: false, last_key: expect.any(Object) });
      expect(result.resumed).toBe(true);
      expect(lines[0]).toBe(
        `[migrate] resuming walk ${checkpoint?.walk} after page ${checkpoint?.pages}`,
      );
      expect(result.checkpoint).toMatchObject({ walk: checkpoint?.walk, done: true });
      await expectSeedsAdopted(t, fixture);
      await expectExactCounts(t, fixture);
      await expectTasksServed(t, fixture);
    },
    slowEngine(60_000),
  );
});

describe('npm run migrate arguments', () => {
  it('refuses a rate that is not a whole number of items a second, showing it, before any read', async () => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'scripts/migrate.ts', '--rate', 'fast'],
      {
        env: { ...process.env, DYNAMODB_ENDPOINT: 'http://127.0.0.1:9' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => {
      err += chunk.toString('utf8');
    });
    const code = await new Promise<number | null>((done) => child.once('exit', done));

    expect(code).toBe(2);
    expect(err).toContain('--rate must be an integer 1-100000, got fast');
  });
});
