/**
 * Cold start: a fresh `node` imports one built bundle and serves one event against the running
 * embedded DynamoDB, timed from spawn to the response, with the process's peak memory. The floor
 * is a plain bundle (one ESM file, no trimming, no code cache) holding only a DocumentClient
 * making the same request. The handler also runs without its code cache, as a Lambda whose Node
 * build differs from the build machine's runs it.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { APIGatewayProxyEvent } from 'aws-lambda';
import type { Bundle } from '../../scripts/build.js';
import type { TaskStore } from '../../src/data/tasks.js';
import { benchEvent, type OperationId, type Target } from './event.js';
import { SCENARIOS } from './scenarios.js';
import { median, round } from './stats.js';

const CHILD = fileURLToPath(new URL('cold-child.mjs', import.meta.url));

export interface ColdSample {
  /** Spawn to the response, on the monotonic clock parent and child share. */
  totalMs: number;
  /** Spawn to the first line of the child script (Node's own start-up). */
  bootMs: number;
  importMs: number;
  /** The first request: client set-up, credentials, connection, DynamoDB, our code. */
  invokeMs: number;
  /** Spawn until the parent read the result line (includes the pipe). */
  wallMs: number;
  /** Peak resident set size of the process (ru_maxrss). */
  maxRssMiB: number;
  /** CPU time of the process until the response, all threads: less sensitive to a busy machine. */
  cpuMs: number;
}

export interface ColdSide {
  bytes: number;
  gzipBytes: number;
  cacheBytes: number;
  median: ColdSample;
  samples: ColdSample[];
}

export interface ColdResult {
  operationId: OperationId;
  handler: ColdSide;
  /** The handler's bundle without its code cache. */
  uncached: ColdSide;
  floor: ColdSide;
  /** Median spawn-to-response of the handler over that of the floor. */
  ratio: number;
  uncachedRatio: number;
  /** Median peak RSS of the handler over that of the floor. */
  rssRatio: number;
  /** Median CPU time of the handler over that of the floor. */
  cpuRatio: number;
}

export interface ColdOptions {
  bundles: Bundle[];
  /** The same bundles without their code cache. */
  uncached: Bundle[];
  floors: Bundle[];
  operations: readonly OperationId[];
  /** Where the scenarios' items are seeded. */
  store: TaskStore;
  env: { DYNAMODB_ENDPOINT: string; TABLE_NAME: string; AWS_REGION: string };
  runs: number;
  log: (line: string) => void;
}

function spawnOnce(
  bundle: Bundle,
  event: APIGatewayProxyEvent,
  env: ColdOptions['env'],
  expected: number,
): Promise<ColdSample> {
  return new Promise((resolve, reject) => {
    const spawned = process.hrtime.bigint();
    const child = spawn(process.execPath, [CHILD, pathToFileURL(bundle.path).href], {
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        ...env,
        BENCH_EVENT: JSON.stringify(event),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    let sample: ColdSample | undefined;
    child.stderr.on('data', (chunk: Buffer) => {
      err += chunk;
    });
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk;
      const line = out.split('\n').find((l) => l.startsWith('BENCH '));
      if (!line || sample) return;
      const read = process.hrtime.bigint();
      const t = JSON.parse(line.slice(6)) as Record<string, string | number>;
      if (t.status !== expected) {
        reject(new Error(`${bundle.path} answered ${t.status}, expected ${expected}: ${out}`));
        return;
      }
      const ms = (from: bigint, to: bigint) => Number(to - from) / 1e6;
      const importStart = BigInt(t.importStart as string);
      const imported = BigInt(t.imported as string);
      const responded = BigInt(t.responded as string);
      sample = {
        totalMs: ms(spawned, responded),
        bootMs: ms(spawned, importStart),
        importMs: ms(importStart, imported),
        invokeMs: ms(imported, responded),
        wallMs: ms(spawned, read),
        maxRssMiB: Number(t.maxRssKiB) / 1024,
        cpuMs: Number(t.cpuUs) / 1000,
      };
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (sample) resolve(sample);
      else reject(new Error(`${bundle.path} exited ${code} without a result: ${out} ${err}`));
    });
  });
}

const KEYS = ['totalMs', 'bootMs', 'importMs', 'invokeMs', 'wallMs', 'maxRssMiB', 'cpuMs'] as const;

function summarise(bundle: Bundle, samples: ColdSample[]): ColdSide {
  const each = (digits: number, value: (key: (typeof KEYS)[number]) => number) =>
    Object.fromEntries(KEYS.map((k) => [k, round(value(k), digits)])) as unknown as ColdSample;
  return {
    bytes: bundle.bytes,
    gzipBytes: bundle.gzipBytes,
    cacheBytes: bundle.cacheBytes,
    median: each(1, (k) => median(samples.map((s) => s[k]))),
    samples: samples.map((s) => each(2, (k) => s[k])),
  };
}

/** Seeds what `spawns` runs of the operation act on (its scenario); returns each run's event. */
export async function coldEvents(
  store: TaskStore,
  operationId: OperationId,
  spawns: number,
): Promise<() => APIGatewayProxyEvent> {
  const scenario = SCENARIOS[operationId];
  const targets = await scenario.seed(store, spawns);
  let n = 0;
  return () => {
    const target = targets[n++ % targets.length] as Target;
    return benchEvent(operationId, target, scenario.request?.(target) ?? {});
  };
}

export async function coldStarts(options: ColdOptions): Promise<ColdResult[]> {
  const { env, runs, log } = options;
  const results: ColdResult[] = [];
  for (const operationId of options.operations) {
    const find = (list: Bundle[]) => {
      const found = list.find((b) => b.operationId === operationId);
      if (!found) throw new Error(`no bundle for ${operationId}`);
      return found;
    };
    const sides = [find(options.bundles), find(options.uncached), find(options.floors)];
    // Every side runs once to warm up, then `runs` times.
    const nextEvent = await coldEvents(options.store, operationId, sides.length * (runs + 1));
    const expected = SCENARIOS[operationId].success;
    const run = (b: Bundle) => spawnOnce(b, nextEvent(), env, expected);
    // One discarded round warms the page cache; then the three take turns, each going first
    // in every third round, so drift on the machine falls on all alike.
    for (const side of sides) await run(side);
    const samples: ColdSample[][] = sides.map(() => []);
    for (let i = 0; i < runs; i++) {
      for (let k = 0; k < sides.length; k++) {
        const j = (i + k) % sides.length;
        samples[j]?.push(await run(sides[j] as Bundle));
      }
    }
    const [handler, uncached, floor] = sides.map((side, j) =>
      summarise(side, samples[j] ?? []),
    ) as [ColdSide, ColdSide, ColdSide];
    const over = (key: keyof ColdSample, side = handler) =>
      round(side.median[key] / floor.median[key], 3);
    const result = {
      operationId,
      handler,
      uncached,
      floor,
      ratio: over('totalMs'),
      uncachedRatio: over('totalMs', uncached),
      rssRatio: over('maxRssMiB'),
      cpuRatio: over('cpuMs'),
    };
    log(
      `cold ${operationId}: ${handler.median.totalMs} ms vs floor ${floor.median.totalMs} ms ` +
        `(${result.ratio}x; without its code cache ${result.uncachedRatio}x; ` +
        `CPU ${result.cpuRatio}x; peak RSS ${result.rssRatio}x)`,
    );
    results.push(result);
  }
  return results;
}
