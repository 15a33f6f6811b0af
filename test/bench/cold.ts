/**
 * Cold start (issue 6, figure 2): a fresh `node` imports one built bundle and serves one event
 * against the running embedded DynamoDB, timed from spawn to the response. The floor is a bundle
 * built with the same esbuild options holding only a DocumentClient making the same request.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { APIGatewayProxyEvent } from 'aws-lambda';
import type { Bundle } from '../../scripts/build.js';
import type { TaskStore } from '../../src/data/tasks.js';
import { newTask } from '../../src/tasks/task.js';
import {
  benchEvent,
  DESCRIPTION,
  OPERATIONS,
  type OperationId,
  SUCCESS,
  type Target,
  TITLE,
} from './scenarios.js';
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
}

export interface ColdSide {
  bytes: number;
  gzipBytes: number;
  median: ColdSample;
  samples: ColdSample[];
}

export interface ColdResult {
  operationId: OperationId;
  handler: ColdSide;
  floor: ColdSide;
  /** Median spawn-to-response of the handler over that of the floor. */
  ratio: number;
}

export interface ColdOptions {
  bundles: Bundle[];
  floors: Bundle[];
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
      };
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (sample) resolve(sample);
      else reject(new Error(`${bundle.path} exited ${code} without a result: ${out} ${err}`));
    });
  });
}

function summarise(bundle: Bundle, samples: ColdSample[]): ColdSide {
  const pick = (key: keyof ColdSample) => round(median(samples.map((s) => s[key])), 1);
  return {
    bytes: bundle.bytes,
    gzipBytes: bundle.gzipBytes,
    median: {
      totalMs: pick('totalMs'),
      bootMs: pick('bootMs'),
      importMs: pick('importMs'),
      invokeMs: pick('invokeMs'),
      wallMs: pick('wallMs'),
    },
    samples: samples.map((s) => ({
      totalMs: round(s.totalMs, 2),
      bootMs: round(s.bootMs, 2),
      importMs: round(s.importMs, 2),
      invokeMs: round(s.invokeMs, 2),
      wallMs: round(s.wallMs, 2),
    })),
  };
}

/** Seeds what each run acts on and returns the event factory for handler or floor runs. */
async function scenario(store: TaskStore, operationId: OperationId, runs: number) {
  const owner = `cold-${operationId}-${crypto.randomUUID()}`;
  const seed = async () =>
    (await store.create(newTask(owner, { title: TITLE, description: DESCRIPTION }))).task.task_id;
  const one = operationId === 'getTask' || operationId === 'updateTask' ? await seed() : undefined;
  if (operationId === 'listTasks') for (let i = 0; i < 60; i++) await seed();
  // A delete needs a task of its own per run; everything else can act on the same one.
  const perRun = operationId === 'deleteTask' ? 2 * (runs + 1) : 0;
  const fresh: string[] = [];
  for (let i = 0; i < perRun; i++) fresh.push(await seed());
  let n = 0;
  return (): APIGatewayProxyEvent => {
    n += 1;
    const target: Target = { sub: owner, n, taskId: one ?? fresh.pop() };
    return benchEvent(operationId, target);
  };
}

export async function coldStarts(options: ColdOptions): Promise<ColdResult[]> {
  const { bundles, floors, store, env, runs, log } = options;
  const results: ColdResult[] = [];
  for (const operationId of OPERATIONS) {
    const bundle = bundles.find((b) => b.operationId === operationId);
    const floor = floors.find((b) => b.operationId === operationId);
    if (!bundle || !floor) throw new Error(`no bundle or floor bundle for ${operationId}`);
    const nextEvent = await scenario(store, operationId, runs);
    const expected = SUCCESS[operationId];
    const run = (b: Bundle) => spawnOnce(b, nextEvent(), env, expected);
    // One discarded pair warms the page cache; then handler and floor alternate, each going
    // first in every other pair, so drift on the machine falls on both alike.
    await run(bundle);
    await run(floor);
    const handlerSamples: ColdSample[] = [];
    const floorSamples: ColdSample[] = [];
    for (let i = 0; i < runs; i++) {
      if (i % 2 === 0) {
        handlerSamples.push(await run(bundle));
        floorSamples.push(await run(floor));
      } else {
        floorSamples.push(await run(floor));
        handlerSamples.push(await run(bundle));
      }
    }
    const handler = summarise(bundle, handlerSamples);
    const floorSide = summarise(floor, floorSamples);
    const ratio = round(handler.median.totalMs / floorSide.median.totalMs, 3);
    log(
      `cold ${operationId}: ${handler.median.totalMs} ms vs floor ${floorSide.median.totalMs} ms (${ratio}x)`,
    );
    results.push({ operationId, handler, floor: floorSide, ratio });
  }
  return results;
}
