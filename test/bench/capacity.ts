/**
 * The capacity model (issue 7), computed, not measured: one second of synthetic writes spread
 * over the status index's partition keys by the real statusShard over real ULIDs, against
 * DynamoDB's per-partition write limit; and the read cost of one admin page.
 */
import { ulid } from 'ulid';
import { statusPk, statusShard } from '../../src/data/keys.js';
import type { TaskStatus } from '../../src/tasks/task.js';

/** DynamoDB's hard limit per partition: 1,000 write units (and 3,000 read units) a second. */
export const PARTITION_WCU = 1000;
/** Leave room for bursts and hash imbalance: plan for 80% of the limit. */
export const HEADROOM = 0.8;

export interface Load {
  createsPerSecond: number;
  mix: Record<TaskStatus, number>;
  moves: { from: TaskStatus; to: TaskStatus; perSecond: number }[];
  /** Stored item size; at most 1 KB means one write unit per index write. */
  itemKb: number;
  pageSize: number;
}

export const LOAD: Load = {
  createsPerSecond: 5000,
  mix: { pending: 0.8, in_progress: 0.15, completed: 0.05 },
  moves: [
    { from: 'pending', to: 'in_progress', perSecond: 1000 },
    { from: 'in_progress', to: 'completed', perSecond: 500 },
  ],
  itemKb: 1,
  pageSize: 50,
};

export interface ShardingFigures {
  shards: number;
  /** The partition key that takes the most index writes in the simulated second. */
  hottestKey: string;
  hottestWcu: number;
  /** hottestWcu over the 1,000 WCU partition limit. */
  ofLimit: number;
  /** Writes per second of the busiest status over N: what a perfect hash would give. */
  evenWcu: number;
  adminPage: { queries: number; itemsRead: number; rru: number };
}

export interface Capacity {
  load: Load;
  partitionWcu: number;
  headroom: number;
  rows: ShardingFigures[];
  /** The smallest N whose simulated hottest key stays within the limit, and within the headroom. */
  minShardsWithinLimit: number;
  minShardsWithinHeadroom: number;
}

/** Sequence numbers in random order, so each status gets a random subset of the second's ids. */
function shuffled(n: number): number[] {
  const a = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [a[i], a[j]] = [a[j] as number, a[i] as number];
  }
  return a;
}

/** One second of the load as index writes: each create is one, each status change two. */
function simulatedSecond(load: Load, start: number) {
  const writes: { status: TaskStatus; taskId: string }[] = [];
  const n = load.createsPerSecond;
  // Many Lambda instances create concurrently, so ids are spread over the second, each random.
  const ids = Array.from({ length: n }, (_, i) => ulid(start + Math.floor((i * 1000) / n)));
  const order = shuffled(n);
  let at = 0;
  for (const [status, share] of Object.entries(load.mix) as [TaskStatus, number][]) {
    const count = Math.round(share * n);
    for (const i of order.slice(at, at + count)) writes.push({ status, taskId: ids[i] as string });
    at += count;
  }
  for (const move of load.moves) {
    for (let i = 0; i < move.perSecond; i++) {
      // A task created earlier (within the last day) changes status: its shard is fixed by its id.
      const taskId = ulid(start - 1 - Math.floor(Math.random() * 86_400_000));
      // The index entry leaves the old key and is written under the new one.
      writes.push({ status: move.from, taskId }, { status: move.to, taskId });
    }
  }
  return writes;
}

function hottest(writes: { status: TaskStatus; taskId: string }[], shards: number) {
  const perKey = new Map<string, number>();
  for (const w of writes) {
    const key = statusPk(w.status, statusShard(w.taskId, shards));
    perKey.set(key, (perKey.get(key) ?? 0) + 1);
  }
  let best: [string, number] = ['', 0];
  for (const entry of perKey) if (entry[1] > best[1]) best = entry;
  return best;
}

/** Busiest status's writes per second, for the perfect-hash line. */
function busiestStatus(writes: { status: TaskStatus }[]): number {
  const perStatus = new Map<TaskStatus, number>();
  for (const w of writes) perStatus.set(w.status, (perStatus.get(w.status) ?? 0) + 1);
  return Math.max(...perStatus.values());
}

/**
 * One admin page: a Query per shard, each with Limit = page size (any shard may hold the whole
 * page), eventually consistent (the only kind a GSI serves): 0.5 RRU per 4 KB, rounded up per Query.
 */
export function adminPageCost(shards: number, load: Load = LOAD) {
  const perQueryKb = load.pageSize * load.itemKb;
  const rruPerQuery = Math.max(1, Math.ceil(perQueryKb / 4)) * 0.5;
  return { queries: shards, itemsRead: shards * load.pageSize, rru: shards * rruPerQuery };
}

export function capacityModel(defaultShards: number, load: Load = LOAD): Capacity {
  const writes = simulatedSecond(load, Date.now());
  const wcuPerWrite = Math.max(1, Math.ceil(load.itemKb));
  const figures = (shards: number): ShardingFigures => {
    const [key, count] = hottest(writes, shards);
    return {
      shards,
      hottestKey: key,
      hottestWcu: count * wcuPerWrite,
      ofLimit: Math.round(((count * wcuPerWrite) / PARTITION_WCU) * 1000) / 1000,
      evenWcu: Math.ceil((busiestStatus(writes) * wcuPerWrite) / shards),
      adminPage: adminPageCost(shards, load),
    };
  };
  const within = (limit: number) => {
    for (let n = 1; n <= 100; n++) if (figures(n).hottestWcu <= limit) return n;
    return Number.NaN;
  };
  const minShardsWithinLimit = within(PARTITION_WCU);
  const minShardsWithinHeadroom = within(PARTITION_WCU * HEADROOM);
  const ns = [...new Set([1, minShardsWithinHeadroom, defaultShards])].sort((a, b) => a - b);
  return {
    load,
    partitionWcu: PARTITION_WCU,
    headroom: HEADROOM,
    rows: ns.map(figures),
    minShardsWithinLimit,
    minShardsWithinHeadroom,
  };
}
