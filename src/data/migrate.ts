/**
 * `npm run migrate` (docs/operations.md#upgrading-a-table-in-place): brings a table written by
 * an earlier task-api or by the seed's handlers up to date in place. It walks the table with a
 * paginated Scan, the one Scan of the project: an offline batch job, paced to `rate` items a
 * second so live traffic keeps its capacity. Per page: every task item to the current shape
 * (migrateTasks.ts), then the task count of every container met (migrateCounts.ts), then the
 * checkpoint (migrateCheckpoint.ts). Other items are never written.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { DataConfig } from './client.js';
import type { Item } from './items.js';
import { taskCountSk } from './keys.js';
import {
  type Checkpoint,
  newWalk,
  readCheckpoint,
  saveCheckpoint,
  type Totals,
} from './migrateCheckpoint.js';
import { setTaskCount } from './migrateCounts.js';
import { containerOf, isTaskItem } from './migrateShape.js';
import { migrateTask } from './migrateTasks.js';
import { TableSession } from './session.js';

export interface MigrateOptions {
  /** Items read per second, at most. */
  rate: number;
  /** Walk again though the last walk was completed. */
  restart?: boolean;
  /** Progress lines (one per page, and the summary). */
  log?: (line: string) => void;
  /** Items left as they are, and why. */
  warn?: (line: string) => void;
}

export interface MigrateResult {
  /** 'up-to-date': a completed walk was found and nothing was read. */
  status: 'done' | 'up-to-date';
  resumed: boolean;
  checkpoint: Checkpoint;
}

/** The most items one Scan page asks for, whatever the rate: a page's work stays short. */
const MAX_PAGE = 1000;

export const progressLine = (t: Totals) =>
  `[migrate] ${t.read} items read, ${t.upgraded} tasks upgraded, ${t.counts} counts set, ${t.adopted} seed tasks adopted` +
  (t.unfit > 0 ? `, ${t.unfit} left as they are` : '');

export async function migrateTable(
  db: DynamoDBDocumentClient,
  config: DataConfig,
  options: MigrateOptions,
): Promise<MigrateResult> {
  const { rate, log = () => {}, warn = log } = options;
  if (!Number.isInteger(rate) || rate < 1)
    throw new Error(`rate must be an integer >= 1, got ${rate}`);
  const session = new TableSession(db, config);
  const stored = await readCheckpoint(session);
  if (stored?.done && !options.restart) {
    log(
      `[migrate] ${config.tableName} is up to date (walk ${stored.walk} completed ${stored.updated_at}); --restart walks it again`,
    );
    return { status: 'up-to-date', resumed: false, checkpoint: stored };
  }
  const resumed = stored !== undefined && !stored.done && !options.restart;
  let saved = stored;
  let state = resumed ? stored : newWalk();
  if (resumed) log(`[migrate] resuming walk ${state.walk} after page ${state.pages}`);
  const limit = Math.min(rate, MAX_PAGE);
  const counted = new Set<string>();
  for (;;) {
    const started = Date.now();
    const page = await session.send((o) =>
      db.send(
        new ScanCommand({
          TableName: config.tableName,
          Limit: limit,
          ExclusiveStartKey: state.last_key,
        }),
        o,
      ),
    );
    const items = page.Items ?? [];
    const totals = await migratePage(session, items, counted, { ...state.totals }, warn);
    const next: Checkpoint = {
      ...state,
      pages: state.pages + 1,
      last_key: page.LastEvaluatedKey,
      done: page.LastEvaluatedKey === undefined,
      totals,
      updated_at: new Date().toISOString(),
    };
    await saveCheckpoint(session, saved, next);
    saved = next;
    state = next;
    log(progressLine(totals));
    if (state.done) break;
    // Paced per page: a page of n items takes at least n / rate seconds.
    await sleep(started + (items.length / rate) * 1000 - Date.now());
  }
  log(
    `[migrate] ${config.tableName}: done, ${progressLine(state.totals).slice('[migrate] '.length)}`,
  );
  return { status: 'done', resumed, checkpoint: state };
}

/** One page's writes: its tasks, then the counts of the containers it met (once per run). */
async function migratePage(
  session: TableSession,
  items: Item[],
  counted: Set<string>,
  totals: Totals,
  warn: (line: string) => void,
): Promise<Totals> {
  totals.read += items.length;
  const containers = new Set<string>();
  for (const item of items) {
    const pk = String(item.PK);
    if (isTaskItem(item)) {
      const outcome = await migrateTask(session, item, warn);
      if (outcome === 'upgraded' || outcome === 'adopted' || outcome === 'unfit') {
        totals[outcome] += 1;
      }
      containers.add(pk);
    } else if (item.SK === taskCountSk && containerOf(pk)) {
      containers.add(pk);
    }
  }
  for (const pk of containers) {
    if (counted.has(pk)) continue;
    if ((await setTaskCount(session, pk)) === 'set') totals.counts += 1;
    counted.add(pk);
  }
  return totals;
}

const sleep = (ms: number) =>
  ms > 0 ? new Promise<void>((done) => setTimeout(done, ms)) : Promise.resolve();
